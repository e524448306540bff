/** A comment's visible edit history: every version, newest first. */
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { conflict, forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { itemAtColumns, itemAtFromRow, joinItemAt } from '../items/load-at'
import { ownerCan } from '../items/powers'
import { requireActor } from '../memberships/access'
import { commentQuery } from './query'

export interface CommentVersion {
  body: string
  /** When this version was written: the comment's creation for the first, the edit for the others. */
  editedAt: string
}

/**
 * Readable by whoever may read the comment itself (hidden ones: its moderators only). One query:
 * the comment, its item with the actor's rights (as `commentForChange` reads them) and its edits,
 * one row per edit (a single row, edit columns null, when there is none). The edits are read
 * whether or not the actor may see them, and returned only when they may.
 */
export async function commentHistory(ctx: ServiceContext, input: { id: string }): Promise<CommentVersion[]> {
  const actor = requireActor(ctx.actor)
  const itemType = sql.ref<string>('comment.item_type')
  const itemId = sql.ref<string>('comment.item_id')
  const rows = await commentQuery(ctx.db)
    .$call(joinItemAt(itemType, itemId))
    .leftJoin('comment_edit', 'comment_edit.comment_id', 'comment.id')
    .select([
      ...itemAtColumns(ctx.db, actor, itemType, itemId),
      'comment_edit.id as editId',
      'comment_edit.body as editBody',
      'comment_edit.edited_at as editEditedAt',
    ])
    .where('comment.id', '=', input.id)
    .orderBy('comment_edit.edited_at')
    .orderBy('comment_edit.id')
    .execute()
  const comment = rows[0]
  if (!comment) throw notFound('That comment')
  const item = itemAtFromRow(actor, comment.item_type, comment)
  assertCan(item.access, 'item.read', 'That comment', '')
  if (comment.deleted_at) throw conflict('That comment was deleted.')
  if (comment.hidden_at && !ownerCan(item.access, 'comment.moderate'))
    throw forbidden('Moderators hid this comment.')
  const edits = rows.flatMap((r) =>
    r.editId === null ? [] : [{ body: r.editBody as string, edited_at: r.editEditedAt as string }],
  )
  // Each edit row keeps the text as it was before that edit.
  const versions: CommentVersion[] = edits.map((e, i) => ({
    body: e.body,
    editedAt: i === 0 ? comment.created_at : edits[i - 1]!.edited_at,
  }))
  versions.push({ body: comment.body, editedAt: comment.edited_at ?? comment.created_at })
  return versions.reverse()
}
