/** Signing up for a session: going, maybe or not, a waiting list when it is full, and withdrawing. */
import { type Db, newId, type SignupTable } from '@appg-hub/db'
import type { SIGNUP_CHOICES } from '@appg-hub/schemas'
import { audit } from '../audit'
import type { Clock } from '../clock'
import type { HubConfig, ServiceContext } from '../context'
import { conflict } from '../errors'
import { itemPath } from '../items/load'
import { requireActor } from '../memberships/access'
import { notify } from '../notifications/notify'
import { readableSession } from './guards'
import { lockSession, type SessionRow } from './load'
import { formatLondonRange } from './london'

export { SIGNUP_CHOICES } from '@appg-hub/schemas'

export type SignupChoice = (typeof SIGNUP_CHOICES)[number]

export type SignupStatus = SignupTable['status']

async function countGoing(tx: Db, sessionId: string): Promise<number> {
  const row = await tx
    .selectFrom('signup')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', sessionId)
    .where('status', '=', 'going')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/**
 * Fills free places from the waiting list, longest waiting first, and tells each person promoted
 * (notification, and email as they chose). Call under `lockSession`. Returns the people promoted.
 */
export async function promoteWaiting(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  session: Pick<SessionRow, 'id' | 'title' | 'capacity' | 'status' | 'starts_at' | 'ends_at' | 'appg_id'>,
  actorId: string | null,
): Promise<string[]> {
  if (session.status === 'cancelled' || session.status === 'held') return []
  const free =
    session.capacity === null
      ? Number.POSITIVE_INFINITY
      : session.capacity - (await countGoing(tx, session.id))
  if (free <= 0) return []
  const waiting = await tx
    .selectFrom('signup')
    .select(['id', 'person_id'])
    .where('meeting_id', '=', session.id)
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
      text: `A place has come up at “${session.title}” on ${formatLondonRange(session.starts_at, session.ends_at)}: you are now going`,
      path: itemPath('meeting', session.id),
      itemType: 'meeting' as const,
      itemId: session.id,
      appgId: session.appg_id,
    })),
  )
  for (const w of waiting)
    await audit(tx, ctx.clock, {
      actorId,
      action: 'meeting.signup.promoted',
      appgId: session.appg_id,
      itemType: 'meeting',
      itemId: session.id,
      details: { signupId: w.id },
    })
  return people
}

export interface MySignup {
  status: SignupStatus
  /** 1 for the first in line, when waiting. */
  waitlistPosition: number | null
}

async function waitlistPosition(db: Db, sessionId: string, me: { id: string; updated_at: string }) {
  const row = await db
    .selectFrom('signup')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('meeting_id', '=', sessionId)
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
export async function signUpForSession(
  ctx: ServiceContext,
  input: { id: string; status: SignupChoice },
): Promise<MySignup> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, input.id)
  if (row.status !== 'scheduled')
    throw conflict(
      row.status === 'draft'
        ? 'Sign-ups open once the session is scheduled.'
        : `This session is ${row.status}.`,
    )
  const now = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (tx) => {
    const fresh = await lockSession(tx, row.id)
    if (fresh.status !== 'scheduled') throw conflict(`This session is ${fresh.status}.`)
    const session = { ...row, ...fresh }
    const existing = await tx
      .selectFrom('signup')
      .select(['id', 'status', 'updated_at'])
      .where('meeting_id', '=', row.id)
      .where('person_id', '=', actor.id)
      .executeTakeFirst()
    let status: SignupStatus = input.status
    if (status === 'going' && existing?.status !== 'going' && session.capacity !== null) {
      if ((await countGoing(tx, row.id)) >= session.capacity) status = 'waitlist'
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
      if (existing?.status === 'going') await promoteWaiting(tx, ctx, session, actor.id)
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
  const { row, item } = await readableSession(ctx, input.id)
  if (row.status !== 'scheduled') throw conflict(`This session is ${row.status}; sign-ups are closed.`)
  return ctx.db.transaction().execute(async (tx) => {
    const fresh = await lockSession(tx, row.id)
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
