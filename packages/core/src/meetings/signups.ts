/**
 * Sign-ups: going, maybe or not going, for people who may read the session; a capacity with a
 * waiting list served first come, first served; interest registered by signed-out visitors for
 * public sessions, confirmed by email. Capacity is decided under the session row's lock.
 */
import { type Db, newId, type SignupTable } from '@appg-hub/db'
import type { SIGNUP_CHOICES } from '@appg-hub/schemas'
import { audit } from '../audit'
import { hashToken, newToken } from '../auth/tokens'
import { type Clock, HOUR } from '../clock'
import type { HubConfig, ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { itemPath } from '../items/load'
import { requireActor } from '../memberships/access'
import { notify } from '../notifications/notify'
import { queueEmail } from '../outbox'
import { can } from '../policy'
import type { RateRule } from '../ratelimit'
import { loadMeeting, lockMeeting, type MeetingRow } from './load'
import { formatLondonRange, toLondon } from './london'

export { SIGNUP_CHOICES } from '@appg-hub/schemas'

export type SignupChoice = (typeof SIGNUP_CHOICES)[number]
export type SignupStatus = SignupTable['status']

async function countGoing(tx: Db, meetingId: string): Promise<number> {
  const row = await tx
    .selectFrom('signup')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Fills free places from the waiting list, longest waiting first, and tells each person promoted
 * (notification, and email as they chose). Call under `lockMeeting`. Returns the people promoted.
 */
export async function promoteWaiting(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  meeting: Pick<MeetingRow, 'id' | 'title' | 'capacity' | 'status' | 'starts_at' | 'ends_at' | 'appg_id'>,
  actorId: string | null,
): Promise<string[]> {
  if (meeting.status === 'cancelled' || meeting.status === 'held') return []
  const free =
    meeting.capacity === null
      ? Number.POSITIVE_INFINITY
      : meeting.capacity - (await countGoing(tx, meeting.id))
  if (free <= 0) return []
  const waiting = await tx
    .selectFrom('signup')
    .select(['id', 'person_id'])
    .where('meeting_id', '=', meeting.id)
    .where('status', '=', 'waitlist')
    .orderBy('updated_at')
    .orderBy('id')
    .limit(Number.isFinite(free) ? free : 10_000)
    .execute()
  if (waiting.length === 0) return []
  const now = ctx.clock.now().toISOString()
  await tx
    .updateTable('signup')
    .set({ status: 'going', updated_at: now })
    .where(
      'id',
      'in',
      waiting.map((w) => w.id),
    )
    .execute()
  const people = waiting.map((w) => w.person_id).filter((p): p is string => p !== null)
  await notify(
    tx,
    ctx,
    actorId,
    people.map((personId) => ({
      personId,
      kind: 'signup.promoted' as const,
      text: `A place has come up at “${meeting.title}” on ${formatLondonRange(meeting.starts_at, meeting.ends_at)}: you are now going`,
      path: itemPath('meeting', meeting.id),
      itemType: 'meeting' as const,
      itemId: meeting.id,
      appgId: meeting.appg_id,
    })),
  )
  for (const w of waiting)
    await audit(tx, ctx.clock, {
      actorId,
      action: 'meeting.signup.promoted',
      appgId: meeting.appg_id,
      itemType: 'meeting',
      itemId: meeting.id,
      details: { signupId: w.id },
    })
  return people
}

export interface MySignup {
  status: SignupStatus
  /** 1 for the first in line, when waiting. */
  waitlistPosition: number | null
}

async function waitlistPosition(db: Db, meetingId: string, me: { id: string; updated_at: string }) {
  const row = await db
    .selectFrom('signup')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', meetingId)
    .where('status', '=', 'waitlist')
    .where((eb) =>
      eb.or([
        eb('updated_at', '<', me.updated_at),
        eb.and([eb('updated_at', '=', me.updated_at), eb('id', '<', me.id)]),
      ]),
    )
    .executeTakeFirstOrThrow()
  return Number(row.n) + 1
}

/**
 * Anyone who may read a scheduled session says whether they are going. Asking to go when it is
 * full puts them on the waiting list (keeping their place if they were on it already).
 */
export async function signUpForMeeting(
  ctx: ServiceContext,
  input: { id: string; status: SignupChoice },
): Promise<MySignup> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await loadMeeting(ctx.db, actor, input.id)
  assertCan(item.access, 'item.read', 'That session', '')
  if (row.status !== 'scheduled')
    throw conflict(
      row.status === 'draft'
        ? 'Sign-ups open once the session is scheduled.'
        : `This session is ${row.status}.`,
    )
  const now = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (tx) => {
    const fresh = await lockMeeting(tx, row.id)
    if (fresh.status !== 'scheduled') throw conflict(`This session is ${fresh.status}.`)
    const meeting = { ...row, ...fresh }
    const existing = await tx
      .selectFrom('signup')
      .select(['id', 'status', 'updated_at'])
      .where('meeting_id', '=', row.id)
      .where('person_id', '=', actor.id)
      .executeTakeFirst()
    let status: SignupStatus = input.status
    if (status === 'going' && existing?.status !== 'going' && meeting.capacity !== null) {
      if ((await countGoing(tx, row.id)) >= meeting.capacity) status = 'waitlist'
    }
    const keepsPlace = existing?.status === 'waitlist' && status === 'waitlist'
    const id = existing?.id ?? newId()
    const updatedAt = keepsPlace ? existing.updated_at : now
    if (existing) {
      if (existing.status !== status)
        await tx.updateTable('signup').set({ status, updated_at: updatedAt }).where('id', '=', id).execute()
    } else {
      await tx
        .insertInto('signup')
        .values({
          id,
          meeting_id: row.id,
          person_id: actor.id,
          name: null,
          email: null,
          status,
          confirm_token_hash: null,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    if (existing?.status !== status) {
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: 'meeting.signup',
        appgId: item.owner.appgId,
        itemType: 'meeting',
        itemId: row.id,
        details: { signupId: id, from: existing?.status ?? null, to: status },
      })
      if (existing?.status === 'going') await promoteWaiting(tx, ctx, meeting, actor.id)
    }
    return {
      status,
      waitlistPosition:
        status === 'waitlist' ? await waitlistPosition(tx, row.id, { id, updated_at: updatedAt }) : null,
    }
  })
}

/** Takes my sign-up back; a place freed goes to the first person waiting. */
export async function withdrawSignup(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ withdrawn: boolean }> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await loadMeeting(ctx.db, actor, input.id)
  assertCan(item.access, 'item.read', 'That session', '')
  if (row.status !== 'scheduled') throw conflict(`This session is ${row.status}; sign-ups are closed.`)
  return ctx.db.transaction().execute(async (tx) => {
    const fresh = await lockMeeting(tx, row.id)
    const existing = await tx
      .selectFrom('signup')
      .select(['id', 'status'])
      .where('meeting_id', '=', row.id)
      .where('person_id', '=', actor.id)
      .executeTakeFirst()
    if (!existing) return { withdrawn: false }
    await tx.deleteFrom('signup').where('id', '=', existing.id).execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.signup.withdrawn',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { signupId: existing.id, from: existing.status },
    })
    if (existing.status === 'going') await promoteWaiting(tx, ctx, { ...row, ...fresh }, actor.id)
    return { withdrawn: true }
  })
}

export interface SignupEntry {
  id: string
  name: string
  email: string | null
  organisation: string | null
  status: SignupStatus
  /** Whether the person has an account (else they registered interest by email). */
  hasAccount: boolean
  createdAt: string
  updatedAt: string
}

const STATUS_ORDER: SignupStatus[] = [
  'going',
  'waitlist',
  'maybe',
  'interest',
  'interest_unconfirmed',
  'not_going',
]

/** The sign-up list, for the hosts: the chair, officers and secretariat of every host group. */
export async function listSignups(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ title: string; startsAt: string; capacity: number | null; signups: SignupEntry[] }> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await loadMeeting(ctx.db, actor, input.id)
  assertCan(item.access, 'item.read', 'That session', '')
  if (!can(item.access, 'item.edit'))
    throw forbidden('Only the chair, officers and secretariat of the host groups can see who signed up.')
  const rows = await ctx.db
    .selectFrom('signup')
    .leftJoin('person', 'person.id', 'signup.person_id')
    .select([
      'signup.id',
      'signup.status',
      'signup.name',
      'signup.email',
      'signup.created_at',
      'signup.updated_at',
      'signup.person_id',
      'person.display_name',
      'person.email as personEmail',
      'person.organisation',
      'person.erased_at',
    ])
    .where('signup.meeting_id', '=', row.id)
    .execute()
  const signups = rows
    .map((r) => ({
      id: r.id,
      name: r.erased_at ? 'Former member' : (r.display_name ?? r.name ?? ''),
      email: r.erased_at ? null : (r.personEmail ?? r.email ?? null),
      organisation: r.erased_at ? null : (r.organisation ?? null),
      status: r.status,
      hasAccount: r.person_id !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        a.updatedAt.localeCompare(b.updatedAt) ||
        a.id.localeCompare(b.id),
    )
  return { title: row.title, startsAt: row.starts_at, capacity: row.capacity, signups }
}

/** A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

const STATUS_LABEL: Record<SignupStatus, string> = {
  going: 'Going',
  maybe: 'Maybe',
  not_going: 'Not going',
  waitlist: 'Waiting list',
  interest: 'Interest (confirmed)',
  interest_unconfirmed: 'Interest (unconfirmed)',
}

/** The sign-up list as CSV (for the hosts only), with times in London time. */
export async function signupsCsv(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ filename: string; csv: string }> {
  const list = await listSignups(ctx, input)
  const lines = [
    ['Name', 'Email', 'Organisation', 'Status', 'Signed up (London time)'].map(csvCell).join(','),
  ]
  for (const s of list.signups) {
    const at = toLondon(s.createdAt)
    lines.push(
      [s.name, s.email, s.organisation, STATUS_LABEL[s.status], `${at.date} ${at.time}`]
        .map(csvCell)
        .join(','),
    )
  }
  const day = toLondon(list.startsAt).date
  return { filename: `signups-${day}-${input.id}.csv`, csv: `${lines.join('\r\n')}\r\n` }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Registering interest sends email to any address: limited per caller's address and per address written to. */
export const INTEREST_RATE_RULES = {
  perAddress: { name: 'registrations of interest from your address', limit: 20, windowMs: HOUR },
  perEmail: { name: 'registrations of interest for this email address', limit: 3, windowMs: HOUR },
} as const satisfies Record<string, RateRule>

/**
 * A signed-out visitor registers interest in a public, scheduled session: the address is
 * confirmed by a one-time link before it counts. The answer is the same whether or not the
 * address had registered before, so the call tells nobody who signed up.
 */
export async function registerInterest(
  ctx: ServiceContext,
  input: { id: string; name: string; email: string },
): Promise<{ ok: true }> {
  const { row, item } = await loadMeeting(ctx.db, null, input.id)
  if (!item.access.isPublic) throw notFound('That session')
  if (row.status !== 'scheduled') throw conflict(`This session is ${row.status}; it takes no sign-ups.`)
  const name = input.name.trim()
  const email = input.email.trim().toLowerCase()
  if (!name) throw badRequest('Give your name.', 'name')
  if (!EMAIL.test(email)) throw badRequest('Give an email address we can write to.', 'email')
  const token = newToken()
  const hash = await hashToken(token)
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    const existing = await tx
      .selectFrom('signup')
      .select(['id', 'status'])
      .where('meeting_id', '=', row.id)
      .where('person_id', 'is', null)
      .where('email', '=', email)
      .executeTakeFirst()
    if (existing?.status === 'interest') return
    const id = existing?.id ?? newId()
    if (existing) {
      await tx
        .updateTable('signup')
        .set({ name, confirm_token_hash: hash, updated_at: now })
        .where('id', '=', id)
        .execute()
    } else {
      await tx
        .insertInto('signup')
        .values({
          id,
          meeting_id: row.id,
          person_id: null,
          name,
          email,
          status: 'interest_unconfirmed',
          confirm_token_hash: hash,
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    await queueEmail(tx, ctx.clock, {
      to: email,
      kind: 'meeting.interest.confirm',
      subject: `Confirm your interest in “${row.title}”`,
      body: [
        `You (or someone using this address) registered interest in the session “${row.title}” on ${formatLondonRange(row.starts_at, row.ends_at)}.`,
        '',
        `To confirm, open: ${ctx.config.publicUrl}/sessions/confirm/${token}`,
        '',
        'If this was not you, ignore this email and nothing more will happen.',
      ].join('\n'),
    })
    await audit(tx, ctx.clock, {
      actorId: null,
      action: 'meeting.interest.registered',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { signupId: id },
    })
  })
  return { ok: true }
}

/** The one-time link from the email: the interest now counts. */
export async function confirmInterest(
  ctx: ServiceContext,
  input: { token: string },
): Promise<{ meetingId: string; title: string }> {
  const hash = await hashToken(input.token)
  const row = await ctx.db
    .selectFrom('signup')
    .innerJoin('meeting', 'meeting.id', 'signup.meeting_id')
    .select(['signup.id', 'signup.meeting_id', 'meeting.title', 'meeting.appg_id'])
    .where('signup.confirm_token_hash', '=', hash)
    .where('signup.status', '=', 'interest_unconfirmed')
    .executeTakeFirst()
  if (!row) throw notFound('That confirmation link')
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('signup')
      .set({ status: 'interest', confirm_token_hash: null, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'interest_unconfirmed')
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1) throw notFound('That confirmation link')
    await audit(tx, ctx.clock, {
      actorId: null,
      action: 'meeting.interest.confirmed',
      appgId: row.appg_id,
      itemType: 'meeting',
      itemId: row.meeting_id,
      details: { signupId: row.id },
    })
  })
  return { meetingId: row.meeting_id, title: row.title }
}
