/** The discussion on an item: top-level comments oldest first, a page at a time, with their replies. */
import type { ItemType } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { assertCan } from '../items/access'
import { ITEM_NOUN, loadItem } from '../items/load'
import { decodeKeyCursor, encodeKeyCursor, type Page } from '../pagination'
import { commentQuery, viewerOf } from './query'
import { type CommentView, commentView } from './view'

export const COMMENT_PAGE_SIZE = 20

/** Three queries whatever the page holds: the item and the caller's rights, the page, its replies. */
export async function listComments(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string; cursor?: string | null },
): Promise<Page<CommentView>> {
  const after = decodeKeyCursor(input.cursor)
  const item = await loadItem(ctx.db, ctx.actor, input.itemType, input.itemId)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[input.itemType]}`, '')
  let query = commentQuery(ctx.db)
    .where('comment.item_type', '=', input.itemType)
    .where('comment.item_id', '=', input.itemId)
    .where('comment.parent_id', 'is', null)
    .orderBy('comment.created_at')
    .orderBy('comment.id')
    .limit(COMMENT_PAGE_SIZE + 1)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('comment.created_at', '>', after.key),
        eb.and([eb('comment.created_at', '=', after.key), eb('comment.id', '>', after.id)]),
      ]),
    )
  }
  const rows = await query.execute()
  const page = rows.slice(0, COMMENT_PAGE_SIZE)
  const replies =
    page.length === 0
      ? []
      : await commentQuery(ctx.db)
          .where(
            'comment.parent_id',
            'in',
            page.map((c) => c.id),
          )
          .orderBy('comment.created_at')
          .orderBy('comment.id')
          .execute()
  const viewer = viewerOf(ctx.actor, item)
  const repliesByParent = new Map<string, CommentView[]>()
  for (const reply of replies) {
    const list = repliesByParent.get(reply.parent_id!) ?? []
    list.push(commentView(reply, viewer))
    repliesByParent.set(reply.parent_id!, list)
  }
  const last = page[page.length - 1]
  return {
    items: page.map((c) => commentView(c, viewer, repliesByParent.get(c.id) ?? [])),
    nextCursor: rows.length > COMMENT_PAGE_SIZE && last ? encodeKeyCursor(last.created_at, last.id) : null,
  }
}
