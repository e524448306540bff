/**
 * `loadItem` inside another query: the item that a row of that query names by a type column and
 * an id column (what a comment or a file is on), read in the same query as the row. On the edge
 * each query is a round trip (docs/architecture.md §5), so a read that starts from a comment or a
 * file learns the item's rights without a second one.
 *
 * The item tables are left-joined, one per type, each only where the type matches, so the row comes
 * back whether or not the item does (`itemAtFromRow` then answers NOT_FOUND as `loadItem` would).
 */
import type { Db, ItemType, Visibility } from '@appg-hub/db'
import { type Expression, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor } from '../context'
import { notFound } from '../errors'
import { ITEM_NOUN, ITEM_TYPES, itemFromRow, type LoadedItem, participantsAt } from './load'

const alias = (type: ItemType) => `item_at_${type}`

/** Left-joins each item table where `type` names it and its id is `id` (use with `$call`). */
export function joinItemAt(type: Expression<string>, id: Expression<string>) {
  // biome-ignore lint/suspicious/noExplicitAny: the joined aliases are read back by name (`itemAtColumns`).
  return <QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB => {
    let joined = qb
    for (const t of ITEM_TYPES)
      joined = joined.leftJoin(`${t} as ${alias(t)}`, (join) =>
        join.on(sql<boolean>`${sql.ref(`${alias(t)}.id`)} = ${id} and ${type} = ${t}`),
      ) as QB
    return joined
  }
}

/** The column of every item table (one is non-null where the item was found), for `coalesce`. */
function acrossTables(column: string) {
  return sql.join(ITEM_TYPES.map((t) => sql.ref(`${alias(t)}.${column}`)))
}

/** The item's columns as `loadItem` reads them, prefixed `item` (null when there is no such item). */
export function itemAtColumns(db: Db, actor: Actor | null, type: Expression<string>, id: Expression<string>) {
  return [
    sql<string | null>`coalesce(${acrossTables('id')})`.as('itemId'),
    sql<string | null>`coalesce(${acrossTables('title')})`.as('itemTitle'),
    sql<Visibility | null>`coalesce(${acrossTables('visibility')})`.as('itemVisibility'),
    sql<string | null>`coalesce(${acrossTables('status')})`.as('itemStatus'),
    participantsAt(db, type, id, actor).as('itemParticipants'),
  ] as const
}

export interface ItemAtRow {
  itemId: string | null
  itemTitle: string | null
  itemVisibility: Visibility | null
  itemStatus: string | null
  itemParticipants: unknown
}

/** The item of type `type` read by `itemAtColumns`; NOT_FOUND (as `loadItem`) when there is none. */
export function itemAtFromRow(actor: Actor | null, type: ItemType, row: ItemAtRow): LoadedItem {
  // The id is null only when no item table matched (the other columns are then null too).
  if (row.itemId === null) throw notFound(`That ${ITEM_NOUN[type]}`)
  return itemFromRow(actor, type, {
    id: row.itemId,
    title: row.itemTitle as string,
    visibility: row.itemVisibility as Visibility,
    status: row.itemStatus as string,
    participants: row.itemParticipants,
  })
}
