/** Drafting and changing sessions. */
import { type Db, indexItem, newId, type Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden } from '../errors'
import { insertItem } from '../items/create'
import { addLink, removeLinks } from '../items/links'
import { itemPath, loadItem } from '../items/load'
import { ACTIVE_SIGNUPS } from '../items/mine'
import { ownerCan } from '../items/powers'
import { topicGroupsFor } from '../items/topic-space'
import { groupForActor, requireActor } from '../memberships/access'
import { notify } from '../notifications/notify'
import { can } from '../policy'
import { type PublicationView, publicationView } from '../publication/read'
import { askersConsent, openPublication, pendingConflict } from '../publication/request'
import { takePrivateAsOwner } from '../publication/withdraw'
import { readableSession } from './guards'
import { assertOpen, bumpSession, chosenVisibility, lockSession, type SessionRow } from './load'
import { formatLondonRange, londonToUtc } from './london'
import { promoteWaiting } from './signups'

export interface SessionTimes {
  /** London date, `YYYY-MM-DD`. */
  date: string
  /** London time, `HH:MM`. */
  startTime: string
  endTime: string
}

export interface CreateSessionInput extends SessionTimes {
  groupSlug: string
  title: string
  description: string
  place?: string | null
  onlineUrl?: string | null
  visibility: Visibility
  capacity?: number | null
  /** A topic the session belongs to: its hosts are the topic's groups (`groups`: a subset of them). */
  topicId?: string | null
  groups?: string[] | null
}

function times(input: SessionTimes): { startsAt: string; endsAt: string } {
  const startsAt = londonToUtc(input.date, input.startTime, 'startTime')
  const endsAt = londonToUtc(input.date, input.endTime, 'endTime')
  if (endsAt <= startsAt) throw badRequest('The session must end after it starts.', 'endTime')
  return { startsAt, endsAt }
}

async function checkTopic(db: Db, topicId: string, appgId: string): Promise<void> {
  const row = await db
    .selectFrom('participant')
    .select('item_id')
    .where('item_type', '=', 'topic')
    .where('item_id', '=', topicId)
    .where('appg_id', '=', appgId)
    .executeTakeFirst()
  if (!row) throw badRequest('Choose a topic that the group takes part in.', 'topicId')
}

function clean(value: string | null | undefined): string | null {
  return value?.trim() || null
}

/** The chair, officers or secretariat of a group draft a session owned by that group. */
export async function createSession(ctx: ServiceContext, input: CreateSessionInput): Promise<{ id: string }> {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.groupSlug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'item.create'))
    throw forbidden(`Only the chair, officers and secretariat of ${group.title} can draft a session for it.`)
  const { startsAt, endsAt } = times(input)
  if (input.groups && !input.topicId)
    throw badRequest('Choose a topic first: co-hosts outside a topic are invited.', 'groups')
  const space = input.topicId ? await topicGroupsFor(ctx.db, input.topicId, group.id, input.groups) : null
  const shared = input.visibility === 'public' && (space?.appgIds.length ?? 1) > 1
  const id = newId()
  const now = ctx.clock.now().toISOString()
  const title = input.title.trim()
  await ctx.db.transaction().execute(async (tx) => {
    await insertItem(
      tx,
      'meeting',
      {
        id,
        appg_id: group.id,
        topic_id: input.topicId || null,
        title,
        description: input.description,
        starts_at: startsAt,
        ends_at: endsAt,
        place: clean(input.place),
        online_url: clean(input.onlineUrl),
        visibility: 'participants',
        // Shared from the start with other groups, it becomes public only with their consent.
        intended_visibility: shared ? 'participants' : input.visibility,
        capacity: input.capacity ?? null,
        status: 'draft',
        cancel_reason: null,
        sequence: 0,
        shares_topic: space?.sharesTopic ?? 0,
        created_by: actor.id,
        created_at: now,
        updated_at: now,
      },
      { partners: space?.appgIds },
    )
    await linkToTopic(tx, id, input.topicId || null, actor.id, now)
    if (shared) {
      const item = await loadItem(tx, actor, 'meeting', id)
      await openPublication(tx, ctx, actor, {
        item,
        visibility: 'public',
        revisionId: null,
        consentingAppgIds: askersConsent(item),
        message: null,
      })
    }
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.created',
      appgId: group.id,
      itemType: 'meeting',
      itemId: id,
      details: { title, startsAt, endsAt, visibility: input.visibility, topicId: input.topicId ?? null },
    })
  })
  return { id }
}

export interface UpdateSessionInput extends Partial<SessionTimes> {
  id: string
  title?: string
  description?: string
  place?: string | null
  onlineUrl?: string | null
  visibility?: Visibility
  capacity?: number | null
  topicId?: string | null
}

/** The people told about a change: everyone signed up (going, maybe, waiting) with an account. */
export async function signedUpPeople(db: Db, sessionId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('signup')
    .select('person_id')
    .where('meeting_id', '=', sessionId)
    .where('status', 'in', [...ACTIVE_SIGNUPS])
    .where('person_id', 'is not', null)
    .execute()
  return rows.map((r) => r.person_id!)
}

/**
 * The owner group's chair, officers and secretariat change the details; who may see it is for
 * its chair and officers. A change of time or place tells everyone signed up.
 */
export async function updateSession(
  ctx: ServiceContext,
  input: UpdateSessionInput,
): Promise<{ id: string; changed: string[]; publication: PublicationView | null }> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, input.id)
  if (!ownerCan(item.access, 'item.edit'))
    throw forbidden(
      `Only the chair, officers and secretariat of ${item.owner.title} can change this session.`,
    )
  if (input.visibility !== undefined && !ownerCan(item.access, 'item.invite'))
    throw forbidden(`Only the chair and officers of ${item.owner.title} can change who sees this session.`)
  assertOpen(row)
  const changes: Partial<SessionRow> = {}
  const timeGiven = [input.date, input.startTime, input.endTime].filter((v) => v !== undefined).length
  if (timeGiven > 0) {
    if (timeGiven < 3) throw badRequest('Give the date, start and end time together.', 'date')
    const t = times(input as SessionTimes)
    if (t.startsAt !== row.starts_at) changes.starts_at = t.startsAt
    if (t.endsAt !== row.ends_at) changes.ends_at = t.endsAt
  }
  if (input.title !== undefined && input.title.trim() !== row.title) changes.title = input.title.trim()
  if (input.description !== undefined && input.description !== row.description)
    changes.description = input.description
  if (input.place !== undefined && clean(input.place) !== row.place) changes.place = clean(input.place)
  if (input.onlineUrl !== undefined && clean(input.onlineUrl) !== row.online_url)
    changes.online_url = clean(input.onlineUrl)
  if (input.capacity !== undefined && (input.capacity ?? null) !== row.capacity)
    changes.capacity = input.capacity ?? null
  if (input.topicId !== undefined && (input.topicId || null) !== row.topic_id) {
    if (input.topicId) await checkTopic(ctx.db, input.topicId, item.owner.appgId)
    changes.topic_id = input.topicId || null
    // Moved to another topic (or out of one): its hosts stay as they are and follow no topic.
    changes.shares_topic = 0
  }
  // Making it public is a request every host group consents to (publication/request.ts); making
  // it private again takes effect at once.
  const wantsPublic = input.visibility === 'public' && chosenVisibility(row) !== 'public'
  const goesPrivate = input.visibility === 'participants' && chosenVisibility(row) === 'public'
  const changed = Object.keys(changes)
  if (goesPrivate) changed.push('visibility')
  if (changed.length === 0 && !wantsPublic) return { id: input.id, changed, publication: null }
  if (changes.title === '') throw badRequest('Give the session a title.', 'title')
  const now = ctx.clock.now().toISOString()
  const moved =
    'starts_at' in changes || 'ends_at' in changes || 'place' in changes || 'online_url' in changes
  let requestId: string | null = null
  await ctx.db
    .transaction()
    .execute(async (tx) => {
      await lockSession(tx, row.id)
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
      await bumpSession(tx, row.id, now, changes)
      await indexItem(tx, 'session', row.id)
      if ('topic_id' in changes) await linkToTopic(tx, row.id, changes.topic_id ?? null, actor.id, now)
      if ('capacity' in changes)
        await promoteWaiting(tx, ctx, { ...row, ...changes, capacity: changes.capacity ?? null }, actor.id)
      if (moved && row.status === 'scheduled') {
        const people = await signedUpPeople(tx, row.id)
        const when = formatLondonRange(changes.starts_at ?? row.starts_at, changes.ends_at ?? row.ends_at)
        const where = [changes.place ?? row.place, changes.online_url ?? row.online_url]
          .filter(Boolean)
          .join(' / ')
        await notify(
          tx,
          ctx,
          actor.id,
          people.map((personId) => ({
            personId,
            kind: 'meeting.changed',
            text: `The session “${changes.title ?? row.title}” has changed: ${when}${where ? `, ${where}` : ''}`,
            path: itemPath('meeting', row.id),
            itemType: 'meeting',
            itemId: row.id,
            appgId: item.owner.appgId,
          })),
        )
      }
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: 'meeting.updated',
        appgId: item.owner.appgId,
        itemType: 'meeting',
        itemId: row.id,
        details: { changed },
      })
    })
    .catch((error) => {
      throw pendingConflict(error, 'meeting')
    })
  const publication = requestId ? await publicationView(ctx, requestId, item) : null
  if (publication?.status === 'approved') changed.push('visibility')
  return { id: input.id, changed, publication }
}

/**
 * A session held on a topic is linked to it, so that the topic page lists it among its linked
 * items (through the same link lists that respect who may read what).
 */
async function linkToTopic(tx: Db, sessionId: string, topicId: string | null, actorId: string, now: string) {
  const from = { type: 'meeting' as const, id: sessionId }
  const old = await tx
    .selectFrom('link')
    .select('id')
    .where('from_type', '=', from.type)
    .where('from_id', '=', from.id)
    .where('to_type', '=', 'topic')
    .where('origin', '=', 'explicit')
    .execute()
  await removeLinks(
    tx,
    old.map((l) => l.id),
  )
  if (topicId)
    await addLink(
      tx,
      { from, to: { type: 'topic', id: topicId }, linkType: 'references', origin: 'explicit' },
      actorId,
      now,
    )
}
