/** A signed-out visitor's interest in a public session, confirmed by an emailed link. */
import { newId } from '@appg-hub/db'
import { audit } from '../audit'
import { hashToken, newToken } from '../auth/tokens'
import { HOUR } from '../clock'
import type { ServiceContext } from '../context'
import { badRequest, conflict, notFound } from '../errors'
import { queueEmail } from '../outbox'
import type { RateRule } from '../ratelimit'
import { loadSession } from './load'
import { formatLondonRange } from './london'

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
  const { row, item } = await loadSession(ctx.db, null, input.id)
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
): Promise<{ sessionId: string; title: string }> {
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
  return { sessionId: row.meeting_id, title: row.title }
}
