/**
 * Forgotten passwords: a one-time link by email, valid for an hour. Asking for one answers the
 * same whether or not the address has an account, so the form cannot be used to find out who has.
 */

import { newId } from '@appg-hub/db'
import { audit } from '../audit'
import { addMs, HOUR } from '../clock'
import type { ServiceContext } from '../context'
import { badRequest, conflict } from '../errors'
import { queueEmail } from '../outbox'
import { normaliseEmail } from './accounts'
import { hashPassword, passwordProblem } from './password'
import { invalidateAllSignIns } from './sign-in'
import { hashToken, newToken } from './tokens'

export const PASSWORD_RESET_TTL_MS = HOUR

export async function requestPasswordReset(ctx: ServiceContext, input: { email: string }): Promise<void> {
  const email = normaliseEmail(input.email)
  const person = await ctx.db
    .selectFrom('person')
    .select(['id', 'erased_at'])
    .where('email', '=', email)
    .executeTakeFirst()
  if (!person || person.erased_at) return
  const token = newToken()
  const now = ctx.clock.now()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('password_reset')
      .values({
        id: newId(),
        person_id: person.id,
        token_hash: await hashToken(token),
        created_at: now.toISOString(),
        expires_at: addMs(now, PASSWORD_RESET_TTL_MS),
        used_at: null,
      })
      .execute()
    await queueEmail(tx, ctx.clock, {
      to: email,
      kind: 'account.password_reset',
      subject: 'Reset your APPG Hub password',
      body: [
        'Someone (we hope you) asked to reset the password of your APPG Hub account.',
        '',
        `Choose a new password here: ${ctx.config.publicUrl}/reset-password/${token}`,
        '',
        'The link works once, for an hour. If you did not ask, ignore this email: your password stays as it is.',
      ].join('\n'),
    })
    await audit(tx, ctx.clock, {
      actorId: person.id,
      action: 'account.password_reset_requested',
      details: {},
    })
  })
}

/** The reset a link stands for, if it can still be used; CONFLICT saying why it cannot. */
async function usableReset(ctx: ServiceContext, token: string) {
  const tokenHash = await hashToken(token)
  const now = ctx.clock.now().toISOString()
  const reset = await ctx.db
    .selectFrom('password_reset')
    .innerJoin('person', 'person.id', 'password_reset.person_id')
    .select([
      'password_reset.id',
      'password_reset.person_id',
      'password_reset.expires_at',
      'password_reset.used_at',
      'person.erased_at',
    ])
    .where('password_reset.token_hash', '=', tokenHash)
    .executeTakeFirst()
  if (!reset || reset.erased_at) throw conflict('This link is not valid. Ask for a new one.')
  if (reset.used_at) throw conflict('This link has been used already. Ask for a new one.')
  if (reset.expires_at <= now) throw conflict('This link has expired. Ask for a new one.')
  return { ...reset, now }
}

/**
 * Whether a link can still be used, before the page asks for a password (it says nothing about
 * whose link it is). The same CONFLICT as `resetPassword` when it cannot.
 */
export async function checkPasswordResetLink(
  ctx: ServiceContext,
  input: { token: string },
): Promise<{ usable: true }> {
  await usableReset(ctx, input.token)
  return { usable: true }
}

/** Sets the new password, uses up the link and ends every sign-in; returns the person. */
export async function resetPassword(ctx: ServiceContext, input: { token: string; password: string }) {
  const problem = await passwordProblem(input.password)
  if (problem) throw badRequest(problem, 'password')
  const reset = await usableReset(ctx, input.token)
  const now = reset.now
  const hash = await hashPassword(input.password, ctx.config.passwordCost)
  await ctx.db.transaction().execute(async (tx) => {
    // The conditional update makes a second, simultaneous use of the link a no-op.
    const used = await tx
      .updateTable('password_reset')
      .set({ used_at: now })
      .where('id', '=', reset.id)
      .where('used_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1)
      throw conflict('This link has been used already. Ask for a new one.')
    await tx
      .updateTable('person')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', reset.person_id)
      .execute()
    await invalidateAllSignIns({ db: tx }, reset.person_id)
    await audit(tx, ctx.clock, { actorId: reset.person_id, action: 'account.password_reset', details: {} })
  })
  return { personId: reset.person_id }
}
