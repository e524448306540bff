/**
 * The read guard every item type shares: the item with the caller's rights, or NOT_FOUND when the
 * caller may not read it (so that a refusal does not say the item exists). Each type's own
 * guards (editing, drafts) are beside it: `documents/guards.ts`, `sessions/guards.ts`.
 */
import type { ItemType } from '@appg-hub/db'
import type { Actor, ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan } from './access'
import { ITEM_NOUN, type ItemRowColumns, itemFromPrefixedRow, type LoadedItem, loadItem } from './load'

export async function readableItem(ctx: ServiceContext, type: ItemType, id: string): Promise<LoadedItem> {
  const item = await loadItem(ctx.db, ctx.actor, type, id)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[type]}`, '')
  return item
}

/**
 * `readableItem` for the item's row read by `itemRowQuery` inside a larger query (undefined when
 * the query found no such item): the same NOT_FOUND, in the same words, without a query of its own.
 */
export function readableItemRow(
  actor: Actor | null,
  type: ItemType,
  row: ItemRowColumns | undefined,
): LoadedItem {
  if (!row) throw notFound(`That ${ITEM_NOUN[type]}`)
  const item = itemFromPrefixedRow(actor, type, row)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[type]}`, '')
  return item
}
