/**
 * The links of an item and the links to it (backlinks), as the viewer may see them: a link the item
 * makes to one the viewer may not read shows as restricted, with neither its title, its address
 * nor its id (docs/architecture.md §3); a backlink from an item the viewer may not read is not shown at all, so
 * that an unpublished or private item is never even hinted at on a page others read.
 * One query for the links, then one per item type at the other ends (at most three).
 */
import { type Db, type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { sql } from 'kysely'
import type { Actor } from '../context'
import { itemPath } from '../items/load'
import { itemReadableBy } from './readable'

export { LINK_TYPES } from '@appg-hub/schemas'

export type LinkType = 'briefing_for' | 'minutes_of' | 'references' | 'supersedes'

export interface LinkView {
  /** The link row's id (for `unlink`). */
  id: string
  linkType: LinkType
  origin: 'explicit' | 'markdown'
  /** 'out' when the item links to the other one, 'in' for a backlink. */
  direction: 'out' | 'in'
  itemType: ItemType
  /** Empty for a restricted item: its id is not given away either. */
  itemId: string
  /** Null for a restricted item. */
  title: string | null
  /** Where the client shows it; null for a restricted item. */
  path: string | null
  restricted: boolean
  /** A document's kind, a topic's or session's status; null when restricted. */
  detail: string | null
  /** For a session: its host groups, owner first (so minutes show who held it); else null. */
  hosts: string[] | null
}

export interface ItemLinks {
  links: LinkView[]
  backlinks: LinkView[]
}

type LinkRow = {
  id: string
  from_type: ItemType
  from_id: string
  to_type: ItemType
  to_id: string
  link_type: LinkType
  origin: 'explicit' | 'markdown'
  created_at: string
}

/** Everything linked from and to the item, each other end once per link row. */
export async function itemLinks(db: Db, actor: Actor | null, type: ItemType, id: string): Promise<ItemLinks> {
  const rows = await db
    .selectFrom('link')
    .select(['id', 'from_type', 'from_id', 'to_type', 'to_id', 'link_type', 'origin', 'created_at'])
    .where((eb) =>
      eb.or([
        eb.and([eb('from_type', '=', type), eb('from_id', '=', id)]),
        eb.and([eb('to_type', '=', type), eb('to_id', '=', id)]),
      ]),
    )
    .execute()
  return linkViews(db, actor, type, id, rows)
}

/**
 * A correlated subquery for the item whose id is at `idColumn`: its link rows (both ways) as one
 * JSON array, so that a page's main query carries them; read back with `linksFromJson`.
 */
export function linkRowsOf(db: Db, type: ItemType, idColumn: string) {
  return db
    .selectFrom('link')
    .select(
      jsonAgg(db, {
        id: 'link.id',
        from_type: 'link.from_type',
        from_id: 'link.from_id',
        to_type: 'link.to_type',
        to_id: 'link.to_id',
        link_type: 'link.link_type',
        origin: 'link.origin',
        created_at: 'link.created_at',
      }).as('links'),
    )
    .where((eb) =>
      eb.or([
        eb.and([eb('link.from_type', '=', type), eb('link.from_id', '=', sql.ref<string>(idColumn))]),
        eb.and([eb('link.to_type', '=', type), eb('link.to_id', '=', sql.ref<string>(idColumn))]),
      ]),
    )
}

/** The link views from what `linkRowsOf` gave: no query when nothing is linked. */
export function linksFromJson(db: Db, actor: Actor | null, type: ItemType, id: string, json: unknown) {
  return linkViews(db, actor, type, id, parseJsonArray<LinkRow>(json))
}

async function linkViews(
  db: Db,
  actor: Actor | null,
  type: ItemType,
  id: string,
  unsorted: LinkRow[],
): Promise<ItemLinks> {
  if (unsorted.length === 0) return { links: [], backlinks: [] }
  const rows = [...unsorted].sort(
    (a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id),
  )
  const ends = rows.map((r) => {
    const out = r.from_type === type && r.from_id === id
    return {
      row: r,
      direction: out ? ('out' as const) : ('in' as const),
      type: out ? r.to_type : r.from_type,
      id: out ? r.to_id : r.from_id,
    }
  })
  const seen = await describeItems(
    db,
    actor,
    ends.map((e) => ({ type: e.type, id: e.id })),
  )
  const views = ends.flatMap((e): LinkView[] => {
    const item = seen.get(`${e.type}:${e.id}`)
    const readable = item?.readable ?? false
    // Only those who may read a link's source learn that it links anywhere.
    if (e.direction === 'in' && !readable) return []
    return [
      {
        id: e.row.id,
        linkType: e.row.link_type,
        origin: e.row.origin,
        direction: e.direction,
        itemType: e.type,
        itemId: readable ? e.id : '',
        title: readable ? item!.title : null,
        path: readable ? itemPath(e.type, e.id) : null,
        restricted: !readable,
        detail: readable ? item!.detail : null,
        hosts: readable ? item!.hosts : null,
      },
    ]
  })
  return {
    links: views.filter((v) => v.direction === 'out'),
    backlinks: views.filter((v) => v.direction === 'in'),
  }
}

/**
 * Each linked item once (a document may be both the topic's briefing and refer to it in its
 * text): the first link to it, in link order, stands for the others.
 */
export function onePerItem(views: LinkView[]): LinkView[] {
  const seen = new Set<string>()
  return views.filter((v) => {
    const key = `${v.itemType}:${v.itemId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

interface Described {
  title: string
  detail: string
  readable: boolean
  hosts: string[] | null
}

/**
 * Title and readability of each item, one query per item type present. An item that no longer
 * exists is absent (and so shown as restricted).
 */
export async function describeItems(
  db: Db,
  actor: Actor | null,
  items: { type: ItemType; id: string }[],
): Promise<Map<string, Described>> {
  const byType = new Map<ItemType, Set<string>>()
  for (const item of items) {
    if (!byType.has(item.type)) byType.set(item.type, new Set())
    byType.get(item.type)!.add(item.id)
  }
  const out = new Map<string, Described>()
  await Promise.all(
    [...byType].map(async ([type, ids]) => {
      const detailColumn = type === 'document' ? 'item.kind' : 'item.status'
      const found = await db
        .selectFrom(`${type} as item` as 'topic as item')
        .select((eb) => [
          'item.id',
          'item.title',
          eb.ref(detailColumn as 'item.status').as('detail'),
          eb
            .case()
            .when(itemReadableBy(eb as never, actor, type, 'item'))
            .then(1)
            .else(0)
            .end()
            .as('readable'),
          // A session's host groups, in the same query.
          eb
            .selectFrom('participant as hp')
            .innerJoin('appg as ha', 'ha.id', 'hp.appg_id')
            .select(jsonAgg(db, { title: 'ha.title', owner: 'hp.is_owner' }).as('hosts'))
            .where('hp.item_type', '=', 'meeting')
            .whereRef('hp.item_id', '=', 'item.id')
            .as('hosts'),
        ])
        .where('item.id', 'in', [...ids])
        .execute()
      for (const row of found)
        out.set(`${type}:${row.id}`, {
          title: row.title,
          detail: String(row.detail),
          readable: Number(row.readable) === 1,
          hosts:
            type === 'meeting'
              ? parseJsonArray<{ title: string; owner: number }>(row.hosts)
                  .sort((a, b) => Number(b.owner) - Number(a.owner) || a.title.localeCompare(b.title))
                  .map((h) => h.title)
              : null,
        })
    }),
  )
  return out
}
