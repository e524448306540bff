/**
 * The links of an item and the links to it (backlinks), as the viewer may see them: a link the item
 * makes to one the viewer may not read shows as restricted, with neither its title, its address
 * nor its id (docs/architecture.md §3); a backlink from an item the viewer may not read is not shown at all, so
 * that an unpublished or private item is never even hinted at on a page others read.
 * A page reads its links with itself (`linkRowsOf` and `linkHostsOf`, correlated sub-queries that
 * carry each other end's title, detail and readability); `itemLinks` reads them on their own.
 */
import { type Database, type Db, type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
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
  /** The other end's title and detail (null when it no longer exists), and whether the actor reads it. */
  end_title: string | null
  end_detail: string | null
  end_readable: number | string
}

type HostRow = { meeting: string; title: string; owner: number | string }

/** Everything linked from and to the item, each other end once per link row: two queries. */
export async function itemLinks(db: Db, actor: Actor | null, type: ItemType, id: string): Promise<ItemLinks> {
  const row = await db
    .selectNoFrom([
      linkRowsOf(db, actor, type, sql.val(id)).as('links'),
      linkHostsOf(db, type, sql.val(id)).as('hosts'),
    ])
    .executeTakeFirstOrThrow()
  return linksFromJson(type, id, row.links, row.hosts)
}

/** The link rows of the item (both ways): `outer` is its id, a value or a column of the outer query. */
function linksOf(
  eb: ExpressionBuilder<Database, 'link'>,
  type: ItemType,
  outer: Expression<string>,
): Expression<SqlBool> {
  return eb.or([
    eb.and([eb('link.from_type', '=', type), eb('link.from_id', '=', outer)]),
    eb.and([eb('link.to_type', '=', type), eb('link.to_id', '=', outer)]),
  ])
}

/**
 * A correlated subquery for the item whose id is `outer` (e.g. `sql.ref('topic.id')`): its link
 * rows (both ways) as one JSON array, each with its other end's title, detail and readability for
 * `actor`, so that a page's main query carries them (on the edge a query is a round trip); read
 * back with `linksFromJson`.
 */
export function linkRowsOf(db: Db, actor: Actor | null, type: ItemType, outer: Expression<string>) {
  // The other end of each link: where it points when it leaves the item, where it comes from else.
  const out = sql<boolean>`(link.from_type = ${type} and link.from_id = ${outer})`
  const endType = sql<string>`(case when ${out} then link.to_type else link.from_type end)`
  const endId = sql<string>`(case when ${out} then link.to_id else link.from_id end)`
  return db
    .selectFrom('link')
    .leftJoin('topic as et', (j) => j.on(sql<boolean>`et.id = ${endId} and ${endType} = 'topic'`))
    .leftJoin('meeting as em', (j) => j.on(sql<boolean>`em.id = ${endId} and ${endType} = 'meeting'`))
    .leftJoin('document as ed', (j) => j.on(sql<boolean>`ed.id = ${endId} and ${endType} = 'document'`))
    .select((eb) =>
      jsonAgg(db, {
        id: 'link.id',
        from_type: 'link.from_type',
        from_id: 'link.from_id',
        to_type: 'link.to_type',
        to_id: 'link.to_id',
        link_type: 'link.link_type',
        origin: 'link.origin',
        created_at: 'link.created_at',
        end_title: sql`coalesce(et.title, em.title, ed.title)`,
        end_detail: sql`coalesce(et.status, em.status, ed.kind)`,
        end_readable: eb
          .case()
          .when(
            eb.or([
              eb.and([eb('et.id', 'is not', null), itemReadableBy(eb as never, actor, 'topic', 'et')]),
              eb.and([eb('em.id', 'is not', null), itemReadableBy(eb as never, actor, 'meeting', 'em')]),
              eb.and([eb('ed.id', 'is not', null), itemReadableBy(eb as never, actor, 'document', 'ed')]),
            ]),
          )
          .then(1)
          .else(0)
          .end(),
      }).as('links'),
    )
    .where((eb) => linksOf(eb, type, outer))
}

/**
 * The host groups of every session linked to or from the item whose id is `outer` (so that minutes
 * show who held the session), as one JSON array beside `linkRowsOf`.
 */
export function linkHostsOf(db: Db, type: ItemType, outer: Expression<string>) {
  return db
    .selectFrom('participant as hp')
    .innerJoin('appg as ha', 'ha.id', 'hp.appg_id')
    .select(jsonAgg(db, { meeting: 'hp.item_id', title: 'ha.title', owner: 'hp.is_owner' }).as('hosts'))
    .where('hp.item_type', '=', 'meeting')
    .where('hp.item_id', 'in', (eb) =>
      eb
        .selectFrom('link')
        .select(
          sql<string>`case when link.from_type = ${type} and link.from_id = ${outer} then link.to_id else link.from_id end`.as(
            'end_id',
          ),
        )
        .where((l) =>
          l.or([
            l.and([
              l('link.from_type', '=', type),
              l('link.from_id', '=', outer),
              l('link.to_type', '=', 'meeting'),
            ]),
            l.and([
              l('link.to_type', '=', type),
              l('link.to_id', '=', outer),
              l('link.from_type', '=', 'meeting'),
            ]),
          ]),
        ),
    )
}

/** The link views from what `linkRowsOf` and `linkHostsOf` gave: no query. */
export function linksFromJson(type: ItemType, id: string, linksJson: unknown, hostsJson: unknown): ItemLinks {
  const hosts = new Map<string, HostRow[]>()
  for (const h of parseJsonArray<HostRow>(hostsJson)) {
    if (!hosts.has(h.meeting)) hosts.set(h.meeting, [])
    hosts.get(h.meeting)!.push(h)
  }
  return linkViews(type, id, parseJsonArray<LinkRow>(linksJson), hosts)
}

function linkViews(
  type: ItemType,
  id: string,
  unsorted: LinkRow[],
  hosts: Map<string, HostRow[]>,
): ItemLinks {
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
  const seen = new Map<string, Described>()
  for (const e of ends)
    if (e.row.end_title !== null)
      seen.set(`${e.type}:${e.id}`, {
        title: e.row.end_title,
        detail: String(e.row.end_detail),
        readable: Number(e.row.end_readable) === 1,
        hosts: e.type === 'meeting' ? hostTitles(hosts.get(e.id) ?? []) : null,
      })
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
              ? hostTitles(parseJsonArray<{ title: string; owner: number }>(row.hosts))
              : null,
        })
    }),
  )
  return out
}

/** A session's host groups, owner first. */
function hostTitles(hosts: { title: string; owner: number | string }[]): string[] {
  return [...hosts]
    .sort((a, b) => Number(b.owner) - Number(a.owner) || a.title.localeCompare(b.title))
    .map((h) => h.title)
}
