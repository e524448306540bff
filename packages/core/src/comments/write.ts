/** Writing comments: adding (and replying), editing with a kept history, deleting. */
import { type ItemType, indexItem, newId, removeItem } from '@appg-hub/db'
import { MAX_COMMENT_LENGTH } from '@appg-hub/schemas'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { touchActivity } from '../items/activity'
import { ITEM_NOUN, isActive, type LoadedItem, loadItem } from '../items/load'
import { renderMarkdown } from '../markdown'
import { requireActor } from '../memberships/access'
import { ensureFollowing } from '../notifications/follows'
import { notify } from '../notifications/notify'
import { loadAudience, loadCommentTarget } from './audience'
import { commentNotifications } from './notify'
import { commentQuery, viewerOf } from './query'
import { type CommentView, commentView } from './view'

export { MAX_COMMENT_LENGTH } from '@appg-hub/schemas'

function checkBody(body: string): string {
  const text = body.trim()
  if (!text) throw badRequest('Write something first.', 'body')
  if (text.length > MAX_COMMENT_LENGTH)
    throw badRequest(`Keep a comment under ${MAX_COMMENT_LENGTH} characters.`, 'body')
  return text
}

function assertMayComment(item: LoadedItem) {
  const noun = ITEM_NOUN[item.type]
  assertCan(
    item.access,
    'item.comment',
    `That ${noun}`,
    `Only members of the groups taking part in this ${noun} can comment on it.`,
  )
  if (!isActive(item.type, item.status))
    throw conflict(`This ${noun} is ${item.status}: it takes no more comments.`)
}

export interface AddCommentInput {
  itemType: ItemType
  itemId: string
  /** The comment answered; a reply to a reply joins the same thread (one level of nesting). */
  parentId?: string | null
  body: string
}

export async function addComment(ctx: ServiceContext, input: AddCommentInput): Promise<CommentView> {
  const actor = requireActor(ctx.actor)
  // Who is mentioned decides who is read with the item (the body is checked once the caller may comment).
  const { mentions } = renderMarkdown(input.body.trim())
  // One query: the item, the comment answered and everyone the comment may concern.
  const { item, parent, audience } = await loadCommentTarget(ctx.db, actor, {
    itemType: input.itemType,
    itemId: input.itemId,
    parentId: input.parentId ?? null,
    mentioned: mentions,
  })
  assertMayComment(item)
  const body = checkBody(input.body)
  let parentId: string | null = null
  let repliedTo: string | null = null
  if (input.parentId) {
    if (!parent) throw badRequest('The comment you are replying to is not in this discussion.', 'parentId')
    if (parent.deleted) throw conflict('That comment was deleted, so it cannot be replied to.', 'parentId')
    if (parent.hidden)
      throw conflict('That comment was hidden by moderators, so it cannot be replied to.', 'parentId')
    parentId = parent.parentId ?? parent.id
    repliedTo = parent.authorId
  }
  const id = newId()
  const notifications = commentNotifications({
    item,
    commentId: id,
    body,
    actorName: actor.displayName,
    mentioned: mentions,
    repliedTo,
    toFollowers: true,
    audience,
  })
  const now = ctx.clock.now().toISOString()
  const row = {
    id,
    item_type: input.itemType,
    item_id: input.itemId,
    parent_id: parentId,
    author_id: actor.id,
    body,
    created_at: now,
    edited_at: null,
    deleted_at: null,
    hidden_at: null,
    hidden_by: null,
    hidden_reason: null,
  }
  await ctx.db.transaction().execute(async (tx) => {
    await tx.insertInto('comment').values(row).execute()
    await indexItem(tx, 'comment', row.id, { isNew: true })
    // Commenters follow the item; most already do.
    if (!audience.some((p) => p.id === actor.id && p.follows))
      await ensureFollowing(tx, actor.id, input.itemType, input.itemId, now)
    await touchActivity(tx, input.itemType, input.itemId, now)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'comment.added',
      appgId: item.owner.appgId,
      itemType: input.itemType,
      itemId: input.itemId,
      details: { commentId: id, parentId, mentions: mentions.length },
    })
    await notify(tx, ctx, actor.id, notifications, audience)
  })
  return commentView({ ...row, authorName: actor.displayName }, viewerOf(actor, item))
}

/** The comment and its item, for a change by the actor; NOT_FOUND when they may not read it. */
export async function commentForChange(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx.actor)
  const comment = await commentQuery(ctx.db).where('comment.id', '=', id).executeTakeFirst()
  if (!comment) throw notFound('That comment')
  const item = await loadItem(ctx.db, actor, comment.item_type, comment.item_id)
  assertCan(item.access, 'item.read', 'That comment', '')
  if (comment.deleted_at) throw conflict('That comment was deleted.')
  return { actor, comment, item }
}

export async function editComment(
  ctx: ServiceContext,
  input: { id: string; body: string },
): Promise<CommentView> {
  const { actor, comment, item } = await commentForChange(ctx, input.id)
  if (comment.author_id !== actor.id) throw forbidden('Only its author can edit a comment.')
  if (comment.hidden_at) throw conflict('Moderators hid this comment, so it cannot be edited.')
  assertMayComment(item)
  const body = checkBody(input.body)
  const viewer = viewerOf(actor, item)
  if (body === comment.body) return commentView(comment, viewer)
  const before = new Set(renderMarkdown(comment.body).mentions)
  const added = renderMarkdown(body).mentions.filter((id) => !before.has(id))
  const audience = await loadAudience(ctx.db, {
    itemType: item.type,
    itemId: item.id,
    personIds: added,
    followers: false,
    parentId: null,
  })
  const notifications = commentNotifications({
    item,
    commentId: comment.id,
    body,
    actorName: actor.displayName,
    mentioned: added,
    repliedTo: null,
    toFollowers: false,
    audience,
  })
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('comment_edit')
      .values({ id: newId(), comment_id: comment.id, body: comment.body, edited_at: now })
      .execute()
    await tx.updateTable('comment').set({ body, edited_at: now }).where('id', '=', comment.id).execute()
    await indexItem(tx, 'comment', comment.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'comment.edited',
      appgId: item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { commentId: comment.id, newMentions: added.length },
    })
    await notify(tx, ctx, actor.id, notifications, audience)
  })
  return commentView({ ...comment, body, edited_at: now }, viewer)
}

/** Its author (or a site admin) deletes a comment; the thread keeps a "comment deleted" in its place. */
export async function deleteComment(ctx: ServiceContext, input: { id: string }): Promise<{ deleted: true }> {
  const { actor, comment, item } = await commentForChange(ctx, input.id)
  if (comment.author_id !== actor.id && !actor.isSiteAdmin)
    throw forbidden('Only its author can delete a comment.')
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('comment')
      .set({ deleted_at: ctx.clock.now().toISOString() })
      .where('id', '=', comment.id)
      .execute()
    await removeItem(tx, 'comment', comment.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'comment.deleted',
      appgId: item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { commentId: comment.id, byAuthor: comment.author_id === actor.id },
    })
  })
  return { deleted: true }
}
