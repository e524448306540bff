/**
 * Calendars of sessions (iCalendar): one session, a person's feed at a secret revocable address
 * (only its hash is stored), and a group's public feed.
 */

import type { Db } from '@appg-hub/db'
import { audit } from '../audit'
import { hashToken, newToken } from '../auth/tokens'
import { type CalendarEvent, renderCalendar } from '../calendar/ical'
import type { Actor, ServiceContext } from '../context'
import { readableBy } from '../items/access'
import { itemPath, parseParticipants, participantsOf } from '../items/load'
import { isMySession } from '../items/mine'
import { markdownToPlainText } from '../markdown'
import { requireActor } from '../memberships/access'
import { readableSession } from './guards'
import type { SessionRow } from './load'

const STATUS: Record<SessionRow['status'], CalendarEvent['status']> = {
  draft: 'TENTATIVE',
  scheduled: 'CONFIRMED',
  held: 'CONFIRMED',
  cancelled: 'CANCELLED',
}

type EventRow = Pick<
  SessionRow,
  | 'id'
  | 'title'
  | 'description'
  | 'starts_at'
  | 'ends_at'
  | 'place'
  | 'online_url'
  | 'status'
  | 'sequence'
  | 'updated_at'
  | 'cancel_reason'
> & { participants: unknown }

export function sessionEvent(row: EventRow, publicUrl: string): CalendarEvent {
  const groups = parseParticipants(row.participants)
  const owner = groups.find((g) => g.isOwner)
  const cohosts = groups.filter((g) => !g.isOwner)
  const url = `${publicUrl}${itemPath('meeting', row.id)}`
  const description = [
    ...(row.status === 'cancelled'
      ? [`CANCELLED${row.cancel_reason ? `: ${row.cancel_reason}` : ''}`, '']
      : []),
    `Hosted by ${owner?.title ?? 'an APPG'}${cohosts.length ? `, co-hosted by ${cohosts.map((c) => c.title).join(', ')}` : ''}.`,
    // The description is Markdown; calendars show plain text.
    ...(row.description ? ['', markdownToPlainText(row.description)] : []),
    ...(row.online_url ? ['', `Join online: ${row.online_url}`] : []),
    '',
    url,
  ].join('\n')
  return {
    uid: `${row.id}@appg-hub`,
    // A co-host joining changes the entry (its hosts) without a change to the session row.
    stamp: [row.updated_at, ...groups.map((g) => g.joinedAt)].sort().at(-1)!,
    start: row.starts_at,
    end: row.ends_at,
    summary: row.status === 'cancelled' ? `Cancelled: ${row.title}` : row.title,
    description,
    location: row.place ?? row.online_url,
    url,
    sequence: Number(row.sequence),
    status: STATUS[row.status],
    categories: groups.map((g) => g.title),
  }
}

const EVENT_COLUMNS = [
  'meeting.id',
  'meeting.title',
  'meeting.description',
  'meeting.starts_at',
  'meeting.ends_at',
  'meeting.place',
  'meeting.online_url',
  'meeting.status',
  'meeting.sequence',
  'meeting.updated_at',
  'meeting.cancel_reason',
] as const

/** The `.ics` of one session, for whoever may read it. */
export async function sessionCalendar(
  ctx: ServiceContext,
  id: string,
): Promise<{ filename: string; ics: string }> {
  const { row, item } = await readableSession(ctx, id)
  const withGroups = {
    ...row,
    participants: item.participants.map((p) => ({ ...p, isOwner: p.isOwner ? 1 : 0 })),
  }
  return {
    filename: `session-${row.id}.ics`,
    ics: renderCalendar({ name: row.title, events: [sessionEvent(withGroups, ctx.config.publicUrl)] }),
  }
}

/** How far back feeds reach, and how many sessions they carry at most. */
const FEED_PAST_DAYS = 180
const FEED_LIMIT = 500

function since(ctx: ServiceContext): string {
  return new Date(ctx.clock.now().getTime() - FEED_PAST_DAYS * 86_400_000).toISOString()
}

/**
 * A person's feed: the sessions they host (a reading role in a host group) or signed up to,
 * as far as they may read them now. Null when the token is unknown or revoked. Two queries.
 */
export async function personalCalendar(ctx: ServiceContext, token: string): Promise<string | null> {
  const hash = await hashToken(token)
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'email', 'display_name', 'kind', 'is_site_admin'])
    .where('calendar_token_hash', '=', hash)
    .where('erased_at', 'is', null)
    .executeTakeFirst()
  if (!person) return null
  const actor: Actor = {
    id: person.id,
    email: person.email,
    displayName: person.display_name,
    kind: person.kind,
    isSiteAdmin: Number(person.is_site_admin) === 1,
  }
  const rows = await ctx.db
    .selectFrom('meeting')
    .select([...EVENT_COLUMNS, participantsOf(ctx.db, 'meeting', 'meeting.id', null).as('participants')])
    .where('meeting.ends_at', '>=', since(ctx))
    .where((eb) =>
      eb.and([
        // A site admin's feed holds what they host or joined, not every session there is.
        readableBy(eb, { ...actor, isSiteAdmin: false }, 'meeting', 'meeting.id', 'meeting.visibility'),
        isMySession(actor.id),
      ]),
    )
    .orderBy('meeting.starts_at')
    .orderBy('meeting.id')
    .limit(FEED_LIMIT)
    .execute()
  return renderCalendar({
    name: `APPG Hub: ${person.display_name}`,
    events: rows.map((r) => sessionEvent(r, ctx.config.publicUrl)),
  })
}

/** A group's public feed: the public sessions it hosts or co-hosts. Null for no such group. */
export async function groupCalendar(ctx: ServiceContext, slug: string): Promise<string | null> {
  const group = await ctx.db
    .selectFrom('appg')
    .select(['id', 'title'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  if (!group) return null
  const rows = await ctx.db
    .selectFrom('meeting')
    .select([...EVENT_COLUMNS, participantsOf(ctx.db, 'meeting', 'meeting.id', null).as('participants')])
    .where('meeting.visibility', '=', 'public')
    .where('meeting.status', '!=', 'draft')
    .where('meeting.ends_at', '>=', since(ctx))
    .where('meeting.id', 'in', (eb) =>
      eb
        .selectFrom('participant')
        .select('participant.item_id')
        .where('participant.item_type', '=', 'meeting')
        .where('participant.appg_id', '=', group.id),
    )
    .orderBy('meeting.starts_at')
    .orderBy('meeting.id')
    .limit(FEED_LIMIT)
    .execute()
  return renderCalendar({
    name: group.title,
    events: rows.map((r) => sessionEvent(r, ctx.config.publicUrl)),
  })
}

function feedUrl(ctx: ServiceContext, token: string): string {
  return `${ctx.config.publicUrl}/calendar/${token}.ics`
}

async function setFeedToken(db: Db, personId: string, hash: string | null, onlyIfNone: boolean) {
  let q = db.updateTable('person').set({ calendar_token_hash: hash }).where('id', '=', personId)
  if (onlyIfNone) q = q.where('calendar_token_hash', 'is', null)
  const r = await q.executeTakeFirst()
  return Number(r.numUpdatedRows) === 1
}

/**
 * My feed's address. Only a hash is kept, so the address is shown once, when it is made: later
 * calls say that a feed exists (`url: null`) and a new address is had by rotating.
 */
export async function calendarFeed(ctx: ServiceContext): Promise<{ url: string | null; active: boolean }> {
  const actor = requireActor(ctx.actor)
  const token = newToken()
  const made = await ctx.db.transaction().execute(async (tx) => {
    const ok = await setFeedToken(tx, actor.id, await hashToken(token), true)
    if (ok) await audit(tx, ctx.clock, { actorId: actor.id, action: 'calendar.feed.created', details: {} })
    return ok
  })
  return made ? { url: feedUrl(ctx, token), active: true } : { url: null, active: true }
}

/** A new address for my feed; the old one stops working at once. */
export async function rotateCalendarFeed(ctx: ServiceContext): Promise<{ url: string; active: true }> {
  const actor = requireActor(ctx.actor)
  const token = newToken()
  await ctx.db.transaction().execute(async (tx) => {
    await setFeedToken(tx, actor.id, await hashToken(token), false)
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'calendar.feed.rotated', details: {} })
  })
  return { url: feedUrl(ctx, token), active: true }
}

/** Turns my feed off. */
export async function revokeCalendarFeed(ctx: ServiceContext): Promise<{ active: false }> {
  const actor = requireActor(ctx.actor)
  await ctx.db.transaction().execute(async (tx) => {
    await setFeedToken(tx, actor.id, null, false)
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'calendar.feed.revoked', details: {} })
  })
  return { active: false }
}
