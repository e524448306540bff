/** The discussion on an item: top-level comments oldest first, a page at a time, with their replies. */

import { type ItemType, jsonAgg, parseJsonArray } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, itemFromRow, participantsOf } from '../items/load'
import { keysetPage, type Page, splitPage } from '../pagination'
import { commentQuery, viewerOf } from './query'
import { type CommentView, commentView } from './view'

export const COMMENT_PAGE_SIZE = 20

type CommentRow = Parameters<typeof commentView>[0] & { parent_id: string | null }

/** `commentQuery`'s columns, as JSON object fields read from the derived table `table`. */
function commentFields(table: string): Record<string, string> {
  const columns = [
    'id',
    'item_type',
    'item_id',
    'parent_id',
    'author_id',
    'authorName',
    'body',
    'created_at',
    'edited_at',
    'deleted_at',
    'hidden_at',
    'hidden_reason',
  ]
  return Object.fromEntries(columns.map((c) => [c, `${table}.${c}`]))
}

const byTimeThenId = (a: CommentRow, b: CommentRow) =>
  a.created_at < b.created_at ? -1 : a.created_at > b.created_at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0

/**
 * One query whatever the page holds (docs/architecture.md §5): the item with the caller's rights,
 * the page (one more row, to know whether another follows) and the replies to it, each as JSON.
 * Whether the caller may read the item is decided before anything read is used.
 */
export async function listComments(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string; cursor?: string | null },
): Promise<Page<CommentView>> {
  const { db } = ctx
  const type = input.itemType
  const order = { key: 'comment.created_at', id: 'comment.id', direction: 'asc' } as const
  const pageOf = () =>
    keysetPage(
      commentQuery(db)
        .where('comment.item_type', '=', type)
        .where('comment.item_id', '=', input.itemId)
        .where('comment.parent_id', 'is', null),
      order,
      input.cursor,
      COMMENT_PAGE_SIZE,
    )
  const page = db.selectFrom(pageOf().as('page')).select(jsonAgg(db, commentFields('page')).as('rows'))
  const replies = db
    .selectFrom(
      commentQuery(db)
        // A derived table: MySQL takes no LIMIT in an `in (…)` subquery itself.
        .where('comment.parent_id', 'in', db.selectFrom(pageOf().as('top')).select('top.id'))
        .as('reply'),
    )
    .select(jsonAgg(db, commentFields('reply')).as('rows'))
  const row = await db
    .selectFrom(`${type} as item` as 'topic as item')
    .select([
      'item.id',
      'item.title',
      'item.visibility',
      'item.status',
      participantsOf(db, type, 'item.id', ctx.actor).as('participants'),
      page.as('page'),
      replies.as('replies'),
    ])
    .where('item.id', '=', input.itemId)
    .executeTakeFirst()
  if (!row) throw notFound(`That ${ITEM_NOUN[type]}`)
  const item = itemFromRow(ctx.actor, type, row)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[type]}`, '')

  const rows = parseJsonArray<CommentRow>(row.page).sort(byTimeThenId)
  const { rows: top, nextCursor } = splitPage(rows, COMMENT_PAGE_SIZE, (r) => [r.created_at, r.id])
  const viewer = viewerOf(ctx.actor, item)
  const repliesByParent = new Map<string, CommentView[]>()
  for (const reply of parseJsonArray<CommentRow>(row.replies).sort(byTimeThenId)) {
    const list = repliesByParent.get(reply.parent_id!) ?? []
    list.push(commentView(reply, viewer))
    repliesByParent.set(reply.parent_id!, list)
  }
  return { items: top.map((c) => commentView(c, viewer, repliesByParent.get(c.id) ?? [])), nextCursor }
}
