/**
 * The items that groups work on together (topics now; sessions and documents reuse all of it):
 * where each lives, what it is called, where the client shows it, and one query that reads an
 * item with its participant groups and the actor's role in each.
 */
import {
  type Db,
  type ItemType,
  jsonAgg,
  parseJsonArray,
  type Role,
  type SearchDocType,
  type Visibility,
} from '@appg-hub/db'
import { ITEM_TYPES as SHARED_ITEM_TYPES } from '@appg-hub/schemas'
import { type Expression, sql } from 'kysely'
import type { Actor } from '../context'
import { notFound } from '../errors'
import { accessFromParticipants, type ItemAccess } from './access'

/** The shared list, checked here against the database's own type. */
export const ITEM_TYPES = SHARED_ITEM_TYPES satisfies readonly ItemType[]

/** How an item type is named to people: a meeting is a "session" everywhere outside the schema. */
export const ITEM_NOUN = {
  topic: 'topic',
  meeting: 'session',
  document: 'document',
} as const satisfies Record<ItemType, string>

/** How the search index names each item type (as people do: a meeting is a session). */
export const SEARCH_TYPE: Record<ItemType, SearchDocType> = ITEM_NOUN

/** The client route that shows an item. */
export function itemPath(type: ItemType, id: string): string {
  return type === 'topic' ? `/topics/${id}` : type === 'meeting' ? `/sessions/${id}` : `/documents/${id}`
}

/**
 * Whether an item still takes part in joint work (new comments, invitations, answers): a topic
 * while open, a session until it is cancelled or held, a document always.
 */
export function isActive(type: ItemType, status: string): boolean {
  if (type === 'topic') return status === 'open'
  if (type === 'meeting') return status === 'draft' || status === 'scheduled'
  return true
}

export interface ItemParticipant {
  appgId: string
  slug: string
  title: string
  isOwner: boolean
  joinedAt: string
  /** The actor's role in this group, or null. */
  role: Role | null
}

export interface LoadedItem {
  type: ItemType
  id: string
  title: string
  visibility: Visibility
  status: string
  owner: ItemParticipant
  participants: ItemParticipant[]
  access: ItemAccess
}

/**
 * One query: the item, its participant groups (owner first) and the actor's role in each.
 * NOT_FOUND when there is no such item; whether the actor may read it is the caller's question
 * (`assertCan(item.access, 'item.read', …)`).
 */
export async function loadItem(db: Db, actor: Actor | null, type: ItemType, id: string): Promise<LoadedItem> {
  const row = await db
    .selectFrom(`${type} as item` as 'topic as item')
    .select([
      'item.id',
      'item.title',
      'item.visibility',
      'item.status',
      participantsOf(db, type, 'item.id', actor).as('participants'),
    ])
    .where('item.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound(`That ${ITEM_NOUN[type]}`)
  return itemFromRow(actor, type, row)
}

/**
 * A correlated subquery: the participant groups of the item whose id is at `idColumn`, as one JSON
 * array, with the actor's role in each (`parseParticipants` reads it back).
 */
export function participantsOf(db: Db, type: ItemType, idColumn: string, actor: Actor | null) {
  return participantsQuery(db, actor)
    .where('participant.item_type', '=', type)
    .where('participant.item_id', '=', sql.ref<string>(idColumn))
}

/**
 * `participantsOf` for an item whose type is itself an expression of the outer query (what a
 * comment or a file is attached to: `itemAtColumns` in load-at.ts).
 */
export function participantsAt(
  db: Db,
  type: Expression<string>,
  id: Expression<string>,
  actor: Actor | null,
) {
  return participantsQuery(db, actor)
    .where('participant.item_type', '=', type as Expression<ItemType>)
    .where('participant.item_id', '=', id)
}

function participantsQuery(db: Db, actor: Actor | null) {
  return db
    .selectFrom('participant')
    .innerJoin('appg', 'appg.id', 'participant.appg_id')
    .leftJoin('membership', (join) =>
      join
        .onRef('membership.appg_id', '=', 'participant.appg_id')
        .on('membership.person_id', '=', actor?.id ?? ''),
    )
    .select(
      jsonAgg(db, {
        appgId: 'participant.appg_id',
        slug: 'appg.slug',
        title: 'appg.title',
        isOwner: 'participant.is_owner',
        joinedAt: 'participant.joined_at',
        role: 'membership.role',
      }).as('participants'),
    )
}

/** Shapes a row holding `participants` as `jsonAgg` made it (see `loadItem`). */
export function itemFromRow(
  actor: Actor | null,
  type: ItemType,
  row: { id: string; title: string; visibility: Visibility; status: string; participants: unknown },
): LoadedItem {
  const participants = parseParticipants(row.participants)
  const owner = participants.find((p) => p.isOwner)
  if (!owner) throw new Error(`${type} ${row.id} has no owner group`)
  const access = accessFromParticipants(
    actor,
    type,
    row.id,
    // A document is public only once published: a public draft is still for its participants.
    type === 'document' && row.status !== 'published' ? 'participants' : row.visibility,
    participants.map((p) => ({ appg_id: p.appgId, is_owner: p.isOwner ? 1 : 0, role: p.role })),
  )
  return {
    type,
    id: row.id,
    title: row.title,
    visibility: row.visibility,
    status: row.status,
    owner,
    participants,
    access,
  }
}

export function parseParticipants(value: unknown): ItemParticipant[] {
  return parseJsonArray<Omit<ItemParticipant, 'isOwner'> & { isOwner: number | boolean }>(value)
    .map((p) => ({ ...p, isOwner: Number(p.isOwner) === 1, role: p.role ?? null }))
    .sort(
      (a, b) =>
        Number(b.isOwner) - Number(a.isOwner) ||
        a.joinedAt.localeCompare(b.joinedAt) ||
        a.slug.localeCompare(b.slug),
    )
}

/**
 * `loadItem`'s read as a query not yet run, for a read that joins its own rows to it (a page, a
 * request) so that the access check and the answer come back in one round trip. Its columns are
 * prefixed (`itemId`, …) so that they do not meet the joined rows' own; `readableItemRow` shapes
 * and checks what it read.
 */
export function itemRowQuery(db: Db, actor: Actor | null, type: ItemType, id: string) {
  return db
    .selectFrom(`${type} as item` as 'topic as item')
    .select([
      'item.id as itemId',
      'item.title as itemTitle',
      'item.visibility as itemVisibility',
      'item.status as itemStatus',
      participantsOf(db, type, 'item.id', actor).as('itemParticipants'),
    ])
    .where('item.id', '=', id)
}

/** The columns `itemRowQuery` reads. */
export interface ItemRowColumns {
  itemId: string
  itemTitle: string
  itemVisibility: Visibility
  itemStatus: string
  itemParticipants: unknown
}

/** `itemFromRow` for a row read by `itemRowQuery`. */
export function itemFromPrefixedRow(actor: Actor | null, type: ItemType, row: ItemRowColumns): LoadedItem {
  return itemFromRow(actor, type, {
    id: row.itemId,
    title: row.itemTitle,
    visibility: row.itemVisibility,
    status: row.itemStatus,
    participants: row.itemParticipants,
  })
}
