/**
 * Reading publication requests: the panel on an item's page (is it public, what is being asked,
 * which groups consented, which are awaited, what the caller may do), for its groups only.
 */
import {
  type Db,
  type ItemType,
  jsonAgg,
  type PublicationRequestTable,
  type PublicationStatus,
  parseJsonArray,
  type Visibility,
} from '@appg-hub/db'
import { type Selectable, sql } from 'kysely'
import type { ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { effectiveStatus } from '../handshake/status'
import { assertCan } from '../items/access'
import { ITEM_NOUN, itemFromPrefixedRow, itemPath, itemRowQuery, type LoadedItem } from '../items/load'
import { roleIn } from '../items/powers'
import { describeItems } from '../links/list'
import { requireActor } from '../memberships/access'
import { roleAllows, rolesAllowed } from '../policy'

export type PublicationRow = Selectable<PublicationRequestTable>

export function effectiveStatusOf(row: PublicationRow, now: string): PublicationStatus {
  return effectiveStatus(row, now)
}

export interface PublicationView {
  id: string
  itemType: ItemType
  itemId: string
  visibility: Visibility
  /** The document revision asked for (documents only). */
  revisionNumber: number | null
  status: PublicationStatus
  from: { slug: string; title: string }
  requestedBy: string
  message: string | null
  createdAt: string
  expiresAt: string
  decidedAt: string | null
  decidedBy: string | null
  decidedGroup: string | null
  reason: string | null
  groups: { slug: string; title: string; consented: boolean; by: string | null; at: string | null }[]
  /** Slugs of the groups for which the caller may still consent or decline. */
  canAnswer: string[]
  canCancel: boolean
}

/** The requests with the names they show, newest first, not yet run (the panel joins them to the item). */
function requestsWithNames(db: Db, where: { id?: string; itemType?: ItemType; itemId?: string }) {
  let q = db
    .selectFrom('publication_request as r')
    .innerJoin('person as asker', 'asker.id', 'r.requested_by')
    .innerJoin('appg as fg', 'fg.id', 'r.from_appg_id')
    .leftJoin('person as decider', 'decider.id', 'r.decided_by')
    .leftJoin('appg as dg', 'dg.id', 'r.decided_appg_id')
    .leftJoin('revision as rev', 'rev.id', 'r.revision_id')
    .selectAll('r')
    .select([
      'asker.display_name as askerName',
      'fg.slug as fromSlug',
      'fg.title as fromTitle',
      'decider.display_name as deciderName',
      'dg.title as decidedGroupTitle',
      'rev.number as revisionNumber',
    ])
  if (where.id) q = q.where('r.id', '=', where.id)
  if (where.itemType && where.itemId)
    q = q.where('r.item_type', '=', where.itemType).where('r.item_id', '=', where.itemId)
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(1)
}

async function rowsWithNames(db: Db, where: { id?: string; itemType?: ItemType; itemId?: string }) {
  return requestsWithNames(db, where).execute()
}

type RequestRow = Awaited<ReturnType<typeof rowsWithNames>>[number]

interface Consent {
  appg_id: string
  at: string
  display_name: string
}

/** A correlated sub-query: the consents given to the request at `requestColumn`, as one JSON array. */
function consentsOf(db: Db, requestColumn: string) {
  return db
    .selectFrom('publication_consent as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(jsonAgg(db, { appg_id: 'c.appg_id', at: 'c.at', display_name: 'p.display_name' }).as('consents'))
    .where('c.request_id', '=', sql.ref<string>(requestColumn))
}

async function view(ctx: ServiceContext, row: RequestRow, item: LoadedItem): Promise<PublicationView> {
  const consents = await ctx.db
    .selectFrom('publication_consent as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.appg_id', 'c.at', 'p.display_name'])
    .where('c.request_id', '=', row.id)
    .execute()
  return viewOf(ctx, row, item, consents)
}

function viewOf(
  ctx: ServiceContext,
  row: RequestRow,
  item: LoadedItem,
  consents: Consent[],
): PublicationView {
  const now = ctx.clock.now().toISOString()
  const byGroup = new Map(consents.map((c) => [c.appg_id, c]))
  const status = effectiveStatusOf(row, now)
  const officerOf = (appgId: string) => roleAllows(roleIn(item.access, appgId), 'item.invite')
  return {
    id: row.id,
    itemType: row.item_type,
    itemId: row.item_id,
    visibility: row.visibility,
    revisionNumber: row.revisionNumber === null ? null : Number(row.revisionNumber),
    status,
    from: { slug: row.fromSlug, title: row.fromTitle },
    requestedBy: row.askerName,
    message: row.message,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    decidedAt: row.decided_at,
    decidedBy: row.deciderName,
    decidedGroup: row.decidedGroupTitle,
    reason: row.reason,
    groups: item.participants.map((p) => ({
      slug: p.slug,
      title: p.title,
      consented: byGroup.has(p.appgId),
      by: byGroup.get(p.appgId)?.display_name ?? null,
      at: byGroup.get(p.appgId)?.at ?? null,
    })),
    canAnswer:
      status === 'pending'
        ? item.participants.filter((p) => !byGroup.has(p.appgId) && officerOf(p.appgId)).map((p) => p.slug)
        : [],
    canCancel: status === 'pending' && officerOf(row.from_appg_id),
  }
}

/** One request by id, as its item's groups see it (the caller has been checked). */
export async function publicationView(
  ctx: ServiceContext,
  id: string,
  item: LoadedItem,
): Promise<PublicationView> {
  const [row] = await rowsWithNames(ctx.db, { id })
  return view(ctx, row!, item)
}

export interface PublicationPanel {
  isPublic: boolean
  /** The latest request (pending, or the last decided), or null when none was ever made. */
  latest: PublicationView | null
  can: {
    /** The owner's officers may ask (when nothing is pending). */
    request: boolean
    /** Slugs of the participant groups for which the caller may withdraw consent (when public). */
    withdraw: string[]
  }
}

/**
 * The publication panel of an item, for its groups' people (and site administrators): NOT_FOUND
 * when the caller may not read the item, FORBIDDEN when they read it as the public. One query: the
 * item (for the access check, and whether it is public now) with its latest request and that
 * request's consents left-joined to it, so that it comes back when no request was ever made.
 */
export async function publicationPanel(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string },
): Promise<PublicationPanel> {
  const { itemType, itemId } = input
  const latestRequest = requestsWithNames(ctx.db, { itemType, itemId }).select(
    consentsOf(ctx.db, 'r.id').as('consents'),
  )
  const row = await ctx.db
    .selectFrom(
      itemRowQuery(ctx.db, ctx.actor, itemType, itemId)
        // A session is public by the visibility chosen for it (`isPublicFrom`).
        .select(
          (itemType === 'meeting'
            ? sql<Visibility | null>`item.intended_visibility`
            : sql<Visibility | null>`null`
          ).as('itemIntendedVisibility'),
        )
        .as('i'),
    )
    .leftJoin(latestRequest.as('x'), (join) => join.onTrue())
    .selectAll('i')
    .selectAll('x')
    .executeTakeFirst()
  if (!row) throw notFound(`That ${ITEM_NOUN[itemType]}`)
  const item = itemFromPrefixedRow(ctx.actor, itemType, row)
  // The same words as for a missing item, so that the answer does not tell that it exists.
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[itemType]}`, '')
  if (!item.access.role && !item.access.isSiteAdmin)
    throw forbidden('Only the groups taking part see how its publication was decided.')
  const isPublic = isPublicFrom(itemType, row)
  const latest =
    row.id !== null ? viewOf(ctx, row as RequestRow, item, parseJsonArray<Consent>(row.consents)) : null
  const officerOf = (appgId: string) => roleAllows(roleIn(item.access, appgId), 'item.invite')
  return {
    isPublic,
    latest,
    can: {
      request: officerOf(item.owner.appgId) && latest?.status !== 'pending',
      withdraw: isPublic ? item.participants.filter((p) => officerOf(p.appgId)).map((p) => p.slug) : [],
    },
  }
}

/**
 * Whether the item is public now, from its row: a document once published, a session once its
 * chosen visibility (the one it will have, while a request is pending) is public, a topic when public.
 */
function isPublicFrom(
  type: ItemType,
  row: { itemStatus: string; itemVisibility: Visibility; itemIntendedVisibility: Visibility | null },
): boolean {
  if (type === 'document') return row.itemStatus === 'published'
  if (type === 'meeting') return (row.itemIntendedVisibility ?? row.itemVisibility) === 'public'
  return row.itemVisibility === 'public'
}

export interface WaitingPublication {
  id: string
  itemType: ItemType
  itemId: string
  title: string
  path: string
  /** The caller's group whose consent is awaited. */
  group: { slug: string; title: string }
  from: { slug: string; title: string }
  requestedBy: string
  createdAt: string
  expiresAt: string
}

/**
 * The requests waiting for the consent of a group the caller answers for (chair or officer of a
 * participant group that has not consented), oldest first. Two queries.
 */
export async function waitingPublications(ctx: ServiceContext): Promise<WaitingPublication[]> {
  const actor = requireActor(ctx.actor)
  const now = ctx.clock.now().toISOString()
  const rows = await ctx.db
    .selectFrom('publication_request as r')
    .innerJoin('participant as p', (join) =>
      join.onRef('p.item_type', '=', 'r.item_type').onRef('p.item_id', '=', 'r.item_id'),
    )
    .innerJoin('membership as m', (join) =>
      join.onRef('m.appg_id', '=', 'p.appg_id').on('m.person_id', '=', actor.id),
    )
    .innerJoin('appg as g', 'g.id', 'p.appg_id')
    .innerJoin('appg as fg', 'fg.id', 'r.from_appg_id')
    .innerJoin('person as asker', 'asker.id', 'r.requested_by')
    .select([
      'r.id',
      'r.item_type',
      'r.item_id',
      'r.created_at',
      'r.expires_at',
      'g.slug',
      'g.title',
      'fg.slug as fromSlug',
      'fg.title as fromTitle',
      'asker.display_name as askerName',
    ])
    .where('r.status', '=', 'pending')
    .where('r.expires_at', '>', now)
    .where('m.role', 'in', [...rolesAllowed('item.invite')])
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('publication_consent as c')
            .select('c.appg_id')
            .whereRef('c.request_id', '=', 'r.id')
            .whereRef('c.appg_id', '=', 'p.appg_id'),
        ),
      ),
    )
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(100)
    .execute()
  const items = await describeItems(
    ctx.db,
    actor,
    rows.map((r) => ({ type: r.item_type, id: r.item_id })),
  )
  return rows.flatMap((r) => {
    const item = items.get(`${r.item_type}:${r.item_id}`)
    if (!item?.readable) return []
    return [
      {
        id: r.id,
        itemType: r.item_type,
        itemId: r.item_id,
        title: item.title,
        path: itemPath(r.item_type, r.item_id),
        group: { slug: r.slug, title: r.title },
        from: { slug: r.fromSlug, title: r.fromTitle },
        requestedBy: r.askerName,
        createdAt: r.created_at,
        expiresAt: r.expires_at,
      },
    ]
  })
}
