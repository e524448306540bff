/** The discussion on an item: top-level comments oldest first, a page at a time, with their replies. */

import type { ItemType } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { readableItem } from '../items/guards'
import { keysetPage, type Page, splitPage } from '../pagination'
import { commentQuery, viewerOf } from './query'
import { type CommentView, commentView } from './view'

export const COMMENT_PAGE_SIZE = 20

/** Three queries whatever the page holds: the item and the caller's rights, the page, its replies. */
export async function listComments(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string; cursor?: string | null },
): Promise<Page<CommentView>> {
  const item = await readableItem(ctx, input.itemType, input.itemId)
  const query = commentQuery(ctx.db)
    .where('comment.item_type', '=', input.itemType)
    .where('comment.item_id', '=', input.itemId)
    .where('comment.parent_id', 'is', null)
  const order = { key: 'comment.created_at', id: 'comment.id', direction: 'asc' } as const
  const rows = await keysetPage(query, order, input.cursor, COMMENT_PAGE_SIZE).execute()
  const { rows: page, nextCursor } = splitPage(rows, COMMENT_PAGE_SIZE, (r) => [r.created_at, r.id])
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
  return { items: page.map((c) => commentView(c, viewer, repliesByParent.get(c.id) ?? [])), nextCursor }
}
