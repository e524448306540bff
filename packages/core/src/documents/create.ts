/** Creating a document: its first revision, its owner group, and (optionally) the topic it is for. */
import { type Db, newId, type Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden } from '../errors'
import { assertCan } from '../items/access'
import { insertItem } from '../items/create'
import { addLink } from '../items/links'
import { loadItem } from '../items/load'
import { type TopicGroups, topicGroupsFor } from '../items/topic-space'
import { syncMarkdownLinks } from '../links/sync'
import { groupForActor, requireActor } from '../memberships/access'
import { can } from '../policy'
import type { DocumentKind } from './fields'
import { normaliseText } from './text'

export interface CreateDocumentInput {
  groupSlug: string
  kind: DocumentKind
  title: string
  body: string
  visibility: Visibility
  /**
   * A topic the document is for: linked as `briefing_for` (a briefing) or `references`. When the
   * group takes part in the topic, the document belongs to the topic's space: its co-authors are
   * the topic's groups (`groups` keeps it to a subset of them, by slug).
   */
  topicId?: string | null
  groups?: string[] | null
}

/** The chair, officers and secretariat of a group create a draft document owned by it. */
export async function createDocument(
  ctx: ServiceContext,
  input: CreateDocumentInput,
): Promise<{ id: string; revisionId: string }> {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.groupSlug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'item.create')) {
    throw forbidden(`Only the chair, officers and secretariat of ${group.title} can create documents for it.`)
  }
  let space: TopicGroups | null = null
  if (input.topicId) {
    const topic = await loadItem(ctx.db, actor, 'topic', input.topicId)
    assertCan(topic.access, 'item.read', 'That topic', '')
    if (topic.participants.some((p) => p.appgId === group.id))
      space = await topicGroupsFor(ctx.db, input.topicId, group.id, input.groups)
    else if (input.groups)
      throw badRequest(
        `${group.title} does not take part in that topic, so its groups cannot be chosen.`,
        'groups',
      )
  } else if (input.groups) {
    throw badRequest('Choose a topic first: co-authors outside a topic are invited.', 'groups')
  }
  const id = newId()
  const revisionId = newId()
  const now = ctx.clock.now().toISOString()
  const body = normaliseText(input.body)
  await ctx.db.transaction().execute(async (tx) => {
    const contents = async (tx: Db) => {
      await tx
        .insertInto('revision')
        .values({
          id: revisionId,
          document_id: id,
          number: 1,
          body,
          author_id: actor.id,
          base_revision_id: null,
          merged: 0,
          created_at: now,
        })
        .execute()
    }
    await insertItem(
      tx,
      'document',
      {
        id,
        appg_id: group.id,
        kind: input.kind,
        title: input.title.trim(),
        status: 'draft',
        visibility: input.visibility,
        head_revision_id: revisionId,
        head_number: 1,
        topic_id: space ? input.topicId : null,
        shares_topic: space?.sharesTopic ?? 0,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      },
      { partners: space?.appgIds, contents },
    )
    if (input.topicId) {
      const to = { type: 'topic' as const, id: input.topicId }
      const linkType = input.kind === 'briefing' ? 'briefing_for' : 'references'
      await addLink(tx, { from: { type: 'document', id }, to, linkType, origin: 'explicit' }, actor.id, now)
    }
    await syncMarkdownLinks(tx, { type: 'document', id }, body, actor, now)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'document.created',
      appgId: group.id,
      itemType: 'document',
      itemId: id,
      details: {
        title: input.title.trim(),
        kind: input.kind,
        visibility: input.visibility,
        ...(space
          ? { topicId: input.topicId, sharesTopic: space.sharesTopic, groups: space.appgIds.length }
          : {}),
      },
    })
  })
  return { id, revisionId }
}
