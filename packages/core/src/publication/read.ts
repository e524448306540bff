/**
 * Reading publication requests: the panel on an item's page (is it public, what is being asked,
 * which groups consented, which are awaited, what the caller may do), for its groups only.
 */
import type { Db, ItemType, PublicationRequestTable, PublicationStatus, Visibility } from '@appg-hub/db'
import type { Selectable } from 'kysely'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { effectiveStatus } from '../handshake/status'
import { assertCan } from '../items/access'
import { itemPath, type LoadedItem, loadItem } from '../items/load'
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

async function rowsWithNames(db: Db, where: { id?: string; itemType?: ItemType; itemId?: string }) {
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
  return q.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(1).execute()
}

async function view(
  ctx: ServiceContext,
  row: Awaited<ReturnType<typeof rowsWithNames>>[number],
  item: LoadedItem,
): Promise<PublicationView> {
  const now = ctx.clock.now().toISOString()
  const consents = await ctx.db
    .selectFrom('publication_consent as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .select(['c.appg_id', 'c.at', 'p.display_name'])
    .where('c.request_id', '=', row.id)
    .execute()
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
 * when the caller may not read the item, FORBIDDEN when they read it as the public.
 */
export async function publicationPanel(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string },
): Promise<PublicationPanel> {
  const item = await loadItem(ctx.db, ctx.actor, input.itemType, input.itemId)
  assertCan(item.access, 'item.read', 'That item', '')
  if (!item.access.role && !item.access.isSiteAdmin)
    throw forbidden('Only the groups taking part see how its publication was decided.')
  const [rows, isPublic] = await Promise.all([
    rowsWithNames(ctx.db, { itemType: input.itemType, itemId: input.itemId }),
    isPublicNow(ctx.db, input.itemType, input.itemId),
  ])
  const latest = rows[0] ? await view(ctx, rows[0], item) : null
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

async function isPublicNow(db: Db, type: ItemType, id: string): Promise<boolean> {
  if (type === 'document') {
    const d = await db.selectFrom('document').select('status').where('id', '=', id).executeTakeFirstOrThrow()
    return d.status === 'published'
  }
  if (type === 'meeting') {
    const m = await db
      .selectFrom('meeting')
      .select(['visibility', 'intended_visibility'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    return (m.intended_visibility ?? m.visibility) === 'public'
  }
  const t = await db.selectFrom('topic').select('visibility').where('id', '=', id).executeTakeFirstOrThrow()
  return t.visibility === 'public'
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
