/**
 * A topic is the space of a partnership: the sessions and documents created in it take the topic's
 * participant groups as their own hosts and co-authors, without another handshake.
 *
 * The item's participants are kept as `participant` rows, copied from the topic's and kept in step
 * in the same transaction as every change to the topic's participants (a group accepting, leaving,
 * being removed). Every read of an item's rights — single reads, lists, feeds, notifications — goes
 * on reading `participant` alone, so a list and a single read cannot disagree.
 *
 * An item whose creator keeps it to a subset of the topic's groups (`shares_topic = 0`) keeps the
 * groups it started with: a group joining the topic later does not join it, and it leaves only
 * when it leaves the topic.
 */
import type { Db } from '@appg-hub/db'
import { badRequest } from '../errors'
import { participantsChanged } from './activity'

type SpaceItemType = 'meeting' | 'document'

export interface TopicGroups {
  /** The participant groups the item starts with (the creator's group among them). */
  appgIds: string[]
  /** 1 when the item follows the topic's groups from now on, 0 when kept to the chosen subset. */
  sharesTopic: 0 | 1
}

/**
 * The groups an item created in `topicId` by `ownerAppgId` takes part with. `chosen` (slugs) keeps
 * it to a subset of the topic's groups; null or absent means all of them, present and future.
 * BAD_REQUEST when the owner does not take part in the topic or a chosen group does not.
 */
export async function topicGroupsFor(
  db: Db,
  topicId: string,
  ownerAppgId: string,
  chosen: string[] | null | undefined,
): Promise<TopicGroups> {
  const rows = await db
    .selectFrom('participant')
    .innerJoin('appg', 'appg.id', 'participant.appg_id')
    .select(['participant.appg_id', 'appg.slug'])
    .where('participant.item_type', '=', 'topic')
    .where('participant.item_id', '=', topicId)
    .execute()
  if (!rows.some((r) => r.appg_id === ownerAppgId))
    throw badRequest('Choose a topic that the group takes part in.', 'topicId')
  if (!chosen) return { appgIds: rows.map((r) => r.appg_id), sharesTopic: 1 }
  const bySlug = new Map(rows.map((r) => [r.slug, r.appg_id]))
  const unknown = chosen.filter((s) => !bySlug.has(s))
  if (unknown.length)
    throw badRequest(`Only the topic’s groups can be chosen; “${unknown.join('”, “')}” is not one.`, 'groups')
  const appgIds = new Set([ownerAppgId, ...chosen.map((s) => bySlug.get(s)!)])
  return { appgIds: [...appgIds], sharesTopic: 0 }
}

/** The topic's sessions and documents that follow its groups (`shares_topic = 1`). */
async function sharedItems(tx: Db, topicId: string): Promise<{ type: SpaceItemType; id: string }[]> {
  const [sessions, documents] = await Promise.all([
    tx
      .selectFrom('meeting')
      .select('id')
      .where('topic_id', '=', topicId)
      .where('shares_topic', '=', 1)
      .execute(),
    tx
      .selectFrom('document')
      .select('id')
      .where('topic_id', '=', topicId)
      .where('shares_topic', '=', 1)
      .execute(),
  ])
  return [
    ...sessions.map((m) => ({ type: 'meeting' as const, id: m.id })),
    ...documents.map((d) => ({ type: 'document' as const, id: d.id })),
  ]
}

/** A group joined the topic: it joins every item that follows the topic's groups. */
export async function joinTopicItems(tx: Db, topicId: string, appgId: string, now: string): Promise<void> {
  for (const item of await sharedItems(tx, topicId)) {
    const already = await tx
      .selectFrom('participant')
      .select('appg_id')
      .where('item_type', '=', item.type)
      .where('item_id', '=', item.id)
      .where('appg_id', '=', appgId)
      .executeTakeFirst()
    if (already) continue
    await tx
      .insertInto('participant')
      .values({ item_type: item.type, item_id: item.id, appg_id: appgId, is_owner: 0, joined_at: now })
      .execute()
    await participantsChanged(tx, item.type, item.id, now)
  }
}

/**
 * A group left the topic or was removed from it: it leaves every session and document of the
 * topic in which it is a partner (those it owns stay its own, with their other groups). Returns the
 * items it left, so that the caller can release the sign-ups of people who lost a session.
 */
export async function leaveTopicItems(
  tx: Db,
  topicId: string,
  appgId: string,
  now: string,
): Promise<{ type: SpaceItemType; id: string }[]> {
  const [sessions, documents] = await Promise.all([
    tx.selectFrom('meeting').select('id').where('topic_id', '=', topicId).execute(),
    tx.selectFrom('document').select('id').where('topic_id', '=', topicId).execute(),
  ])
  const items = [
    ...sessions.map((m) => ({ type: 'meeting' as const, id: m.id })),
    ...documents.map((d) => ({ type: 'document' as const, id: d.id })),
  ]
  const left: { type: SpaceItemType; id: string }[] = []
  for (const item of items) {
    const removed = await tx
      .deleteFrom('participant')
      .where('item_type', '=', item.type)
      .where('item_id', '=', item.id)
      .where('appg_id', '=', appgId)
      .where('is_owner', '=', 0)
      .executeTakeFirst()
    if (Number(removed.numDeletedRows) === 0) continue
    await participantsChanged(tx, item.type, item.id, now)
    left.push(item)
  }
  return left
}
