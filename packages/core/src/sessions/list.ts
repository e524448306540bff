/**
 * Lists of sessions: a group's calendar (upcoming, soonest first; past, latest first) and mine
 * (the sessions of my groups and those I signed up to, upcoming first). One query a page; a list
 * shows only what a single read would show (`readableBy`).
 */

import { type Db, jsonAgg, parseJsonArray, type Visibility } from '@appg-hub/db'
import { sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { readableBy } from '../items/access'
import { isMySession } from '../items/mine'
import { groupForActor, requireActor } from '../memberships/access'
import { keysetPage, type Page, splitPage } from '../pagination'
import { chosenVisibility, type SessionStatus } from './load'
import type { SignupStatus } from './signups'

export const SESSION_PAGE_SIZE = 20

/**
 * A session starts and ends on one London date (`times` in write.ts), so it lasts under 25 hours
 * (the day the clocks go back). A session that has not ended therefore started at most this long
 * ago: the bound lets a list walk `meeting_by_start` from there instead of from the first session
 * ever held.
 */
const LONGEST_SESSION_MS = 25 * 3_600_000

export interface SessionSummary {
  id: string
  title: string
  startsAt: string
  endsAt: string
  place: string | null
  onlineUrl: string | null
  status: SessionStatus
  visibility: Visibility
  owner: { slug: string; title: string }
  cohosts: { slug: string; title: string }[]
  going: number
  capacity: number | null
  mySignup: SignupStatus | null
}

function sessionPage(
  db: Db,
  actor: Actor | null,
  when: 'upcoming' | 'past',
  now: string,
  cursor?: string | null,
) {
  const query = db
    .selectFrom('meeting')
    .where((eb) => readableBy(eb, actor, 'meeting', 'meeting.id', 'meeting.visibility'))
    .innerJoin('appg as owner', 'owner.id', 'meeting.appg_id')
    .where('meeting.ends_at', when === 'upcoming' ? '>=' : '<', now)
    // Implied by the end (see LONGEST_SESSION_MS), and what the start-time index can use.
    .where(
      'meeting.starts_at',
      when === 'upcoming' ? '>=' : '<',
      when === 'upcoming' ? new Date(Date.parse(now) - LONGEST_SESSION_MS).toISOString() : now,
    )
    .select((eb) => [
      'meeting.id',
      'meeting.title',
      'meeting.starts_at',
      'meeting.ends_at',
      'meeting.place',
      'meeting.online_url',
      'meeting.status',
      'meeting.visibility',
      'meeting.intended_visibility',
      'meeting.capacity',
      'owner.slug as ownerSlug',
      'owner.title as ownerTitle',
      eb
        .selectFrom('participant')
        .innerJoin('appg', 'appg.id', 'participant.appg_id')
        .select(
          jsonAgg(db, { slug: 'appg.slug', title: 'appg.title', joinedAt: 'participant.joined_at' }).as('c'),
        )
        .where('participant.item_type', '=', 'meeting')
        .where('participant.item_id', '=', sql.ref<string>('meeting.id'))
        .where('participant.is_owner', '=', 0)
        .as('cohosts'),
      eb
        .selectFrom('signup')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('signup.meeting_id', '=', sql.ref<string>('meeting.id'))
        .where('signup.status', '=', 'going')
        .as('going'),
      eb
        .selectFrom('signup')
        .select('signup.status')
        .where('signup.meeting_id', '=', sql.ref<string>('meeting.id'))
        .where('signup.person_id', '=', actor?.id ?? '')
        .limit(1)
        .as('mine'),
    ])
  const direction = when === 'upcoming' ? 'asc' : 'desc'
  return keysetPage(
    query,
    { key: 'meeting.starts_at', id: 'meeting.id', direction },
    cursor,
    SESSION_PAGE_SIZE,
  )
}

type Row = Awaited<ReturnType<ReturnType<typeof sessionPage>['execute']>>[number]

function toPage(rows: Row[]): Page<SessionSummary> {
  const page = splitPage(rows, SESSION_PAGE_SIZE, (r) => [r.starts_at, r.id])
  return {
    items: page.rows.map((r) => ({
      id: r.id,
      title: r.title,
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      place: r.place,
      onlineUrl: r.online_url,
      status: r.status,
      visibility: chosenVisibility(r),
      owner: { slug: r.ownerSlug, title: r.ownerTitle },
      cohosts: parseJsonArray<{ slug: string; title: string; joinedAt: string }>(r.cohosts)
        .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.slug.localeCompare(b.slug))
        .map(({ slug, title }) => ({ slug, title })),
      going: Number(r.going ?? 0),
      capacity: r.capacity === null ? null : Number(r.capacity),
      mySignup: (r.mine as SignupStatus | null) ?? null,
    })),
    nextCursor: page.nextCursor,
  }
}

/** The sessions a group hosts or co-hosts, as far as the caller may read them. Two queries. */
export async function listGroupSessions(
  ctx: ServiceContext,
  input: { slug: string; when: 'upcoming' | 'past'; cursor?: string | null },
): Promise<Page<SessionSummary>> {
  const group = await groupForActor(ctx.db, ctx.actor, input.slug)
  const rows = await sessionPage(ctx.db, ctx.actor, input.when, ctx.clock.now().toISOString(), input.cursor)
    .where('meeting.id', 'in', (eb) =>
      eb
        .selectFrom('participant')
        .select('participant.item_id')
        .where('participant.item_type', '=', 'meeting')
        .where('participant.appg_id', '=', group.id),
    )
    .execute()
  return toPage(rows)
}

/** My sessions: those my groups host and those I signed up to. One query. */
export async function listMySessions(
  ctx: ServiceContext,
  input: { when?: 'upcoming' | 'past'; cursor?: string | null },
): Promise<Page<SessionSummary>> {
  const actor = requireActor(ctx.actor)
  const rows = await sessionPage(
    ctx.db,
    actor,
    input.when ?? 'upcoming',
    ctx.clock.now().toISOString(),
    input.cursor,
  )
    .where(isMySession(actor.id))
    .execute()
  return toPage(rows)
}
