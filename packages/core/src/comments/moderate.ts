/**
 * Moderation: an officer or the chair of the item's owner group (or a site admin) hides a comment
 * with a reason, or shows it again. Hidden words leave every list and notification for everyone
 * but the moderators.
 */

import { indexItem, removeItem } from '@appg-hub/db'
import { MAX_HIDE_REASON_LENGTH } from '@appg-hub/schemas'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden } from '../errors'
import { ownerCan } from '../items/powers'
import { viewerOf } from './query'
import { type CommentView, commentView } from './view'
import { commentForChange } from './write'

export { MAX_HIDE_REASON_LENGTH } from '@appg-hub/schemas'

export async function hideComment(
  ctx: ServiceContext,
  input: { id: string; reason: string },
): Promise<CommentView> {
  const { actor, comment, item } = await commentForChange(ctx, input.id)
  if (!ownerCan(item.access, 'comment.moderate'))
    throw forbidden(`Only the chair and officers of ${item.owner.title} can moderate this discussion.`)
  const reason = input.reason.trim()
  if (!reason) throw badRequest('Say why the comment is hidden; the moderators will see it.', 'reason')
  if (reason.length > MAX_HIDE_REASON_LENGTH)
    throw badRequest(`Keep the reason under ${MAX_HIDE_REASON_LENGTH} characters.`, 'reason')
  if (comment.hidden_at) throw conflict('That comment is hidden already.')
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('comment')
      .set({ hidden_at: now, hidden_by: actor.id, hidden_reason: reason })
      .where('id', '=', comment.id)
      .execute()
    await removeItem(tx, 'comment', comment.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'comment.hidden',
      appgId: item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { commentId: comment.id, reason },
    })
  })
  return commentView({ ...comment, hidden_at: now, hidden_reason: reason }, viewerOf(actor, item))
}

export async function unhideComment(ctx: ServiceContext, input: { id: string }): Promise<CommentView> {
  const { actor, comment, item } = await commentForChange(ctx, input.id)
  if (!ownerCan(item.access, 'comment.moderate'))
    throw forbidden(`Only the chair and officers of ${item.owner.title} can moderate this discussion.`)
  if (!comment.hidden_at) throw conflict('That comment is not hidden.')
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('comment')
      .set({ hidden_at: null, hidden_by: null, hidden_reason: null })
      .where('id', '=', comment.id)
      .execute()
    await indexItem(tx, 'comment', comment.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'comment.unhidden',
      appgId: item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { commentId: comment.id },
    })
  })
  return commentView({ ...comment, hidden_at: null, hidden_reason: null }, viewerOf(actor, item))
}
