/** A comment's visible edit history: every version, newest first. */
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { ownerCan } from '../items/powers'
import { commentForChange } from './write'

export interface CommentVersion {
  body: string
  /** When this version was written: the comment's creation for the first, the edit for the others. */
  editedAt: string
}

/** Readable by whoever may read the comment itself (hidden ones: its moderators only). */
export async function commentHistory(ctx: ServiceContext, input: { id: string }): Promise<CommentVersion[]> {
  const { comment, item } = await commentForChange(ctx, input.id)
  if (comment.hidden_at && !ownerCan(item.access, 'comment.moderate'))
    throw forbidden('Moderators hid this comment.')
  const edits = await ctx.db
    .selectFrom('comment_edit')
    .select(['body', 'edited_at'])
    .where('comment_id', '=', comment.id)
    .orderBy('edited_at')
    .orderBy('id')
    .execute()
  // Each edit row keeps the text as it was before that edit.
  const versions: CommentVersion[] = edits.map((e, i) => ({
    body: e.body,
    editedAt: i === 0 ? comment.created_at : edits[i - 1]!.edited_at,
  }))
  versions.push({ body: comment.body, editedAt: comment.edited_at ?? comment.created_at })
  return versions.reverse()
}
