/**
 * The topic page's activity timeline: what changed in the space — the topic, and the sessions and
 * documents in it that the reader may open — who did it and when, from the audit log, in words.
 * For the people of the topic's groups (and site administrators); the public reads the topic, not
 * its working history. Only a chosen set of actions is told, never their particulars.
 */

import { type ItemType, isUniqueViolation } from '@appg-hub/db'
import { sql } from 'kysely'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { readableItem, readableItemRow } from '../items/guards'
import { ITEM_NOUN, itemPath, itemRowQuery, type LoadedItem } from '../items/load'
import { itemReadableBy } from '../links/readable'
import { requireActor } from '../memberships/access'

/** What each told action says, after the actor's name ("Ann Smith started the topic"). */
const WORDS: Record<string, string> = {
  'topic.created': 'started the topic',
  'topic.updated': 'edited the topic',
  'invitation.sent': 'invited a group',
  'invitation.accepted': 'accepted the invitation for their group',
  'invitation.declined': 'declined the invitation for their group',
  'participant.left': 'took their group out',
  'participant.removed': 'removed a group',
  'comment.added': 'commented',
  'meeting.created': 'drafted the session',
  'meeting.updated': 'changed the session',
  'meeting.scheduled': 'scheduled the session',
  'meeting.cancelled': 'cancelled the session',
  'meeting.held': 'marked the session as held',
  'meeting.minutes.attached': 'attached minutes to the session',
  'document.created': 'wrote the document',
  'document.saved': 'saved a new revision of the document',
  'document.restored': 'restored an earlier revision of the document',
  'document.linked': 'linked the document',
  'publication.requested': 'asked to make it public',
  'publication.consented': 'consented to publication for their group',
  'publication.approved': 'made it public with every group’s consent',
  'publication.declined': 'declined publication for their group',
  'publication.withdrawn': 'withdrew the request to publish',
  'publication.consent_withdrawn': 'withdrew their group’s consent to publication',
}

export const ACTIVITY_LIMIT = 40

export interface ActivityEntry {
  id: string
  at: string
  actor: string | null
  group: string | null
  /** "started the topic", "wrote the document", … */
  did: string
  item: { type: ItemType; title: string; path: string }
}

/** The topic's activity is for its groups' people (and site administrators) only. */
function assertParticipant(topic: LoadedItem) {
  if (!topic.access.role && !topic.access.isSiteAdmin)
    throw forbidden('Only the groups taking part see the topic’s activity.')
}

/** The topic, for its groups' people (and site administrators) only. */
async function participantTopic(ctx: ServiceContext, id: string) {
  const topic = await readableItem(ctx, 'topic', id)
  assertParticipant(topic)
  return topic
}

export interface TopicActivity {
  entries: ActivityEntry[]
  /** When the caller last opened the topic (entries after it are new to them), or null. */
  lastVisitAt: string | null
}

/**
 * Newest first, at most `ACTIVITY_LIMIT`, with the caller's last visit, in one query: the topic
 * with what its access check needs, left-joined to the entries (with their items' titles) and the
 * visit. The entries are read whoever asks, and returned only to those the check lets through.
 */
export async function topicActivity(ctx: ServiceContext, input: { id: string }): Promise<TopicActivity> {
  const { db, actor } = ctx
  // The topic's sessions and documents that the reader may open.
  const readableIn = (type: 'meeting' | 'document') =>
    db
      .selectFrom(`${type} as item` as 'meeting as item')
      .select('item.id')
      .where('item.topic_id', '=', input.id)
      .where((eb) => itemReadableBy(eb as never, actor, type, 'item'))
  const entries = db
    .selectFrom('audit_event as e')
    .leftJoin('person as p', 'p.id', 'e.actor_id')
    .leftJoin('appg as g', 'g.id', 'e.appg_id')
    .leftJoin('meeting as m', (j) => j.onRef('m.id', '=', 'e.item_id').on('e.item_type', '=', 'meeting'))
    .leftJoin('document as d', (j) => j.onRef('d.id', '=', 'e.item_id').on('e.item_type', '=', 'document'))
    .select([
      'e.id',
      'e.at',
      'e.action',
      'e.item_type',
      'e.item_id',
      'p.display_name as actorName',
      'g.title as groupTitle',
      sql<string | null>`coalesce(m.title, d.title)`.as('entryTitle'),
    ])
    .where('e.action', 'in', Object.keys(WORDS))
    .where((eb) =>
      eb.or([
        eb.and([eb('e.item_type', '=', 'topic'), eb('e.item_id', '=', input.id)]),
        eb.and([eb('e.item_type', '=', 'meeting'), eb('e.item_id', 'in', readableIn('meeting'))]),
        eb.and([eb('e.item_type', '=', 'document'), eb('e.item_id', 'in', readableIn('document'))]),
      ]),
    )
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(ACTIVITY_LIMIT)
  const visit = actor
    ? sql<
        string | null
      >`(select seen_at from topic_visit where person_id = ${actor.id} and topic_id = ${input.id})`
    : sql<string | null>`null`
  const rows = await db
    .selectFrom(itemRowQuery(db, actor, 'topic', input.id).as('i'))
    .leftJoin(entries.as('x'), (j) => j.onTrue())
    .selectAll('i')
    .selectAll('x')
    .select(visit.as('seen_at'))
    .orderBy('x.at', 'desc')
    .orderBy('x.id', 'desc')
    .execute()
  const first = rows[0]
  const topic = readableItemRow(actor, 'topic', first)
  assertParticipant(topic)
  return {
    entries: rows.flatMap((r) => {
      if (r.id === null || r.at === null || r.action === null || r.item_id === null) return []
      const type = r.item_type as ItemType
      return [
        {
          id: r.id,
          at: r.at,
          actor: r.actorName ?? null,
          group: r.groupTitle ?? null,
          did: WORDS[r.action]!,
          item: {
            type,
            title: type === 'topic' ? topic.title : (r.entryTitle ?? ITEM_NOUN[type]),
            path: itemPath(type, r.item_id),
          },
        },
      ]
    }),
    lastVisitAt: first?.seen_at ?? null,
  }
}

/**
 * Records that the caller has seen the topic's page now, so that the next visit marks what is
 * newer. A bookmark of one's own reading, not a change to the topic: it is not audited.
 */
export async function markTopicVisited(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ seenAt: string }> {
  const actor = requireActor(ctx.actor)
  await participantTopic(ctx, input.id)
  const seenAt = ctx.clock.now().toISOString()
  const updated = await ctx.db
    .updateTable('topic_visit')
    .set({ seen_at: seenAt })
    .where('person_id', '=', actor.id)
    .where('topic_id', '=', input.id)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) {
    try {
      await ctx.db
        .insertInto('topic_visit')
        .values({ person_id: actor.id, topic_id: input.id, seen_at: seenAt })
        .execute()
    } catch (error) {
      // Two tabs opened at once: the other one wrote the same bookmark.
      if (!isUniqueViolation(error)) throw error
    }
  }
  return { seenAt }
}
