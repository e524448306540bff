/**
 * The read guard every item type shares: the item with the caller's rights, or NOT_FOUND when the
 * caller may not read it (so that a refusal does not say the item exists). Each type's own
 * guards (editing, drafts) are beside it: `documents/guards.ts`, `sessions/guards.ts`.
 */
import type { ItemType } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { assertCan } from './access'
import { ITEM_NOUN, type LoadedItem, loadItem } from './load'

export async function readableItem(ctx: ServiceContext, type: ItemType, id: string): Promise<LoadedItem> {
  const item = await loadItem(ctx.db, ctx.actor, type, id)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[type]}`, '')
  return item
}
