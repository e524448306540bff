/**
 * Creating an item (a topic, a session, a document) with its participant groups. Every item has
 * exactly one owner participant, the group whose `appg_id` the row carries: this is the one place
 * that writes it, so the invariant holds by construction rather than by each create function's care.
 */
import {
  type Db,
  type DocumentTable,
  type ItemType,
  indexItem,
  type SessionTable,
  type TopicTable,
} from '@appg-hub/db'
import type { Insertable } from 'kysely'
import { ensureFollowing } from '../notifications/follows'
import { SEARCH_TYPE } from './load'

interface ItemRows {
  topic: Insertable<TopicTable>
  meeting: Insertable<SessionTable>
  document: Insertable<DocumentTable>
}

export interface NewItemOptions {
  /** Further participant groups (a topic's groups for an item made in its space); the owner is skipped. */
  partners?: readonly string[]
  /** Rows the item is indexed with (a document's first revision): written before the index row. */
  contents?: (tx: Db) => Promise<void>
}

/**
 * Inside the caller's transaction: inserts the item row, its owner participant (`row.appg_id`) and
 * its partners, indexes it for search, and makes its creator follow it.
 */
export async function insertItem<T extends ItemType>(
  tx: Db,
  type: T,
  row: ItemRows[T],
  options: NewItemOptions = {},
): Promise<void> {
  const { id, appg_id: owner, created_by: creator, created_at: now } = row
  await tx
    .insertInto(type as 'topic')
    .values(row as ItemRows['topic'])
    .execute()
  const partners = [...new Set(options.partners ?? [])].filter((appgId) => appgId !== owner)
  await tx
    .insertInto('participant')
    .values(
      [owner, ...partners].map((appgId) => ({
        item_type: type,
        item_id: id,
        appg_id: appgId,
        is_owner: appgId === owner ? 1 : 0,
        joined_at: now,
      })),
    )
    .execute()
  await options.contents?.(tx)
  await indexItem(tx, SEARCH_TYPE[type], id, { isNew: true })
  await ensureFollowing(tx, creator, type, id, now)
}
