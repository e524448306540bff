/** Creating and changing topics. */

import { indexItem, newId, type Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden } from '../errors'
import { insertItem } from '../items/create'
import { readableItem } from '../items/guards'
import { ownerCan } from '../items/powers'
import { groupForActor, requireActor } from '../memberships/access'
import { can } from '../policy'
import { type PublicationView, publicationView } from '../publication/read'
import { askersConsent, openPublication, pendingConflict } from '../publication/request'
import { takePrivateAsOwner } from '../publication/withdraw'
import { checkTags, type TopicStatus } from './fields'

export interface CreateTopicInput {
  groupSlug: string
  title: string
  summary: string
  tags: string[]
  visibility: Visibility
}

/** An officer, the chair or the secretariat of a group creates a topic owned by that group. */
export async function createTopic(ctx: ServiceContext, input: CreateTopicInput): Promise<{ id: string }> {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.groupSlug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'item.create')) {
    throw forbidden(`Only the chair, officers and secretariat of ${group.title} can start a topic for it.`)
  }
  const tags = await checkTags(ctx.db, input.tags)
  const id = newId()
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await insertItem(tx, 'topic', {
      id,
      appg_id: group.id,
      title: input.title.trim(),
      summary: input.summary,
      tags: JSON.stringify(tags),
      visibility: input.visibility,
      status: 'open',
      created_by: actor.id,
      created_at: now,
      updated_at: now,
      last_activity_at: now,
    })
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'topic.created',
      appgId: group.id,
      itemType: 'topic',
      itemId: id,
      details: { title: input.title.trim(), visibility: input.visibility, tags },
    })
  })
  return { id }
}

export interface UpdateTopicInput {
  id: string
  title?: string
  summary?: string
  tags?: string[]
  visibility?: Visibility
  status?: TopicStatus
}

/**
 * The owner group's chair, officers and secretariat edit the title, summary and tags; changing
 * who may see it (visibility) or closing, archiving and reopening it is for its chair and
 * officers, like publishing (docs/architecture.md §3).
 */
export async function updateTopic(
  ctx: ServiceContext,
  input: UpdateTopicInput,
): Promise<{ id: string; changed: string[]; publication: PublicationView | null }> {
  const actor = requireActor(ctx.actor)
  const item = await readableItem(ctx, 'topic', input.id)
  const owner = item.owner.title
  const wantsText = input.title !== undefined || input.summary !== undefined || input.tags !== undefined
  if (wantsText && !ownerCan(item.access, 'item.edit')) {
    throw forbidden(`Only the chair, officers and secretariat of ${owner} can edit this topic.`)
  }
  if (
    (input.visibility !== undefined || input.status !== undefined) &&
    !ownerCan(item.access, 'item.invite')
  ) {
    throw forbidden(`Only the chair and officers of ${owner} can change who sees this topic or close it.`)
  }
  const current = await ctx.db
    .selectFrom('topic')
    .select(['title', 'summary', 'tags', 'visibility', 'status'])
    .where('id', '=', input.id)
    .executeTakeFirstOrThrow()
  const changes: {
    title?: string
    summary?: string
    tags?: string
    status?: TopicStatus
  } = {}
  if (input.title !== undefined && input.title.trim() !== current.title) changes.title = input.title.trim()
  if (input.summary !== undefined && input.summary !== current.summary) changes.summary = input.summary
  if (input.tags !== undefined) {
    const tags = JSON.stringify(await checkTags(ctx.db, input.tags))
    if (tags !== current.tags) changes.tags = tags
  }
  // Making it public is a request every participant group consents to (publication/request.ts);
  // making it private again takes effect at once.
  const wantsPublic = input.visibility === 'public' && current.visibility !== 'public'
  const goesPrivate = input.visibility === 'participants' && current.visibility === 'public'
  if (input.status !== undefined && input.status !== current.status) changes.status = input.status
  const changed = Object.keys(changes)
  if (goesPrivate) changed.push('visibility')
  if (changed.length === 0 && !wantsPublic) return { id: input.id, changed, publication: null }
  if (changes.title === '') throw badRequest('Give the topic a title.', 'title')
  const now = ctx.clock.now().toISOString()
  let requestId: string | null = null
  await ctx.db
    .transaction()
    .execute(async (tx) => {
      if (wantsPublic)
        requestId = await openPublication(tx, ctx, actor, {
          item,
          visibility: 'public',
          revisionId: null,
          consentingAppgIds: askersConsent(item),
          message: null,
        })
      if (goesPrivate) await takePrivateAsOwner(tx, ctx, actor, item, now)
      if (Object.keys(changes).length === 0) return
      await tx
        .updateTable('topic')
        .set({ ...changes, updated_at: now, last_activity_at: now })
        .where('id', '=', input.id)
        .execute()
      await indexItem(tx, 'topic', input.id)
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: 'topic.updated',
        appgId: item.owner.appgId,
        itemType: 'topic',
        itemId: input.id,
        details: {
          changed,
          ...(changes.status ? { status: { from: current.status, to: changes.status } } : {}),
        },
      })
    })
    .catch((error) => {
      throw pendingConflict(error, 'topic')
    })
  const publication = requestId ? await publicationView(ctx, requestId, item) : null
  if (publication?.status === 'approved') changed.push('visibility')
  return { id: input.id, changed, publication }
}
