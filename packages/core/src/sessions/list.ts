/**
 * Lists of sessions: a group's calendar (upcoming, soonest first; past, latest first) and mine
 * (the sessions of my groups and those I signed up to, upcoming first). One query a page; a list
 * shows only what a single read would show (`readableBy`).
 */

import { type Database, type Db, jsonAgg, parseJsonArray, type Visibility } from '@appg-hub/db'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { readableBy } from '../items/access'
import { isMySession } from '../items/mine'
import { groupForActor, requireActor } from '../memberships/access'
import { groupBySlug, groupPageRows } from '../memberships/group-page'
import { decodeKeyCursor, keysetPage, type Page, splitPage } from '../pagination'
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

type When = 'upcoming' | 'past'

/**
 * The sessions on the `when` side of `now`. The start bound is implied by the end (see
 * LONGEST_SESSION_MS), and is what the start-time indexes can walk from.
 */
function onSide(eb: ExpressionBuilder<Database, 'meeting'>, when: When, now: string) {
  const upcoming = when === 'upcoming'
  return eb.and([
    eb('meeting.ends_at', upcoming ? '>=' : '<', now),
    eb(
      'meeting.starts_at',
      upcoming ? '>=' : '<',
      upcoming ? new Date(Date.parse(now) - LONGEST_SESSION_MS).toISOString() : now,
    ),
  ])
}

const byStart = (when: When, table = 'meeting') =>
  ({ key: `${table}.starts_at`, id: `${table}.id`, direction: when === 'upcoming' ? 'asc' : 'desc' }) as const

/** The ids and start times of readable sessions on the `when` side of `now`, before paging. */
function candidates(db: Db, actor: Actor | null, when: When, now: string) {
  return db
    .selectFrom('meeting')
    .select(['meeting.id', 'meeting.starts_at'])
    .where((eb) => readableBy(eb, actor, 'meeting', 'meeting.id', 'meeting.visibility'))
    .where((eb) => onSide(eb, when, now))
}

/**
 * The page's sessions joined to their owner, co-hosts and sign-ups. `page` has chosen the rows by
 * walking an index in start order, so these sub-queries run for the page's rows only: computed
 * for every matching session before the sort, a group with ten times the sessions took ten times
 * as long for the same page (issue #14, `pnpm bench:growth`).
 */
function sessionPage<DB, T extends keyof DB>(
  db: Db,
  actor: Actor | null,
  when: When,
  /** The ids and start times of the page's sessions, chosen before anything is joined to them. */
  page: SelectQueryBuilder<DB, T, { id: string; starts_at: string }>,
) {
  const direction = byStart(when).direction
  return db
    .selectFrom(page.as('p'))
    .innerJoin('meeting', 'meeting.id', 'p.id')
    .innerJoin('appg as owner', 'owner.id', 'meeting.appg_id')
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
    .orderBy('p.starts_at', direction)
    .orderBy('p.id', direction)
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

/**
 * The sessions a group hosts or co-hosts, as far as the caller may read them. One query, which
 * also finds the group, to answer NOT_FOUND when there is none (`groupBySlug`). The group's own
 * sessions are walked in start order on `meeting_by_appg_start`; the sessions it co-hosts (few
 * beside them) are paged on their own; the page is the first of both.
 */
export async function listGroupSessions(
  ctx: ServiceContext,
  input: { slug: string; when: When; cursor?: string | null },
): Promise<Page<SessionSummary>> {
  const { db, actor } = ctx
  try {
    decodeKeyCursor(input.cursor)
  } catch (error) {
    // The group was always looked up before the cursor was read: a bad cursor for a group that
    // does not exist is still NOT_FOUND.
    await groupForActor(db, actor, input.slug)
    throw error
  }
  const now = ctx.clock.now().toISOString()
  const groupId = db.selectFrom('appg').select('appg.id').where('appg.slug', '=', input.slug)
  const hosted = candidates(db, actor, input.when, now).where('meeting.appg_id', '=', groupId)
  const cohosted = db
    .selectFrom('participant')
    .innerJoin('meeting', 'meeting.id', 'participant.item_id')
    .select(['meeting.id', 'meeting.starts_at'])
    .where('participant.appg_id', '=', groupId)
    .where('participant.item_type', '=', 'meeting')
    .where('participant.is_owner', '=', 0)
    .where((eb) => readableBy(eb, actor, 'meeting', 'meeting.id', 'meeting.visibility'))
    .where((eb) => onSide(eb, input.when, now))
  // Each part is paged on its own (SQL allows no ORDER BY inside a UNION's parts, hence the wrapping).
  const part = (q: typeof hosted, name: 'h' | 'c') =>
    db
      .selectFrom(keysetPage(q, byStart(input.when), input.cursor, SESSION_PAGE_SIZE).as(name))
      .select([`${name}.id`, `${name}.starts_at`])
  const both = db
    .selectFrom(part(hosted, 'h').unionAll(part(cohosted, 'c')).as('b'))
    .select(['b.id', 'b.starts_at'])
  const page = keysetPage(both, byStart(input.when, 'b'), null, SESSION_PAGE_SIZE)
  const direction = byStart(input.when).direction
  const rows = await db
    .selectFrom(groupBySlug(db, input.slug))
    .leftJoin(sessionPage(db, actor, input.when, page).as('x'), (join) => join.onTrue())
    .selectAll('x')
    .orderBy('x.starts_at', direction)
    .orderBy('x.id', direction)
    .execute()
  return toPage(groupPageRows<Row>(rows))
}

/** My sessions: those my groups host and those I signed up to. One query. */
export async function listMySessions(
  ctx: ServiceContext,
  input: { when?: 'upcoming' | 'past'; cursor?: string | null },
): Promise<Page<SessionSummary>> {
  const actor = requireActor(ctx.actor)
  const when = input.when ?? 'upcoming'
  const mine = candidates(ctx.db, actor, when, ctx.clock.now().toISOString()).where(isMySession(actor.id))
  const page = keysetPage(mine, byStart(when), input.cursor, SESSION_PAGE_SIZE)
  return toPage(await sessionPage(ctx.db, actor, when, page).execute())
}
