/**
 * A person's own account: the devices they are signed in on, their password and email
 * address (docs/architecture.md §7: sign-ins end on a credential change; changing the address asks for the
 * password again).
 */

import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, notFound } from '../errors'
import { requireActor } from '../memberships/access'
import { queueEmail } from '../outbox'
import { normaliseEmail } from './accounts'
import { hashPassword, passwordProblem, verifyPassword } from './password'
import { invalidateAllSignIns } from './sign-in'

/** Sign-ins are shown by a short prefix of their stored hash: enough to name one, useless to sign in. */
const PUBLIC_ID_LENGTH = 16

export interface SignInSummary {
  id: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
  userAgent: string | null
  current: boolean
}

export async function listMySignIns(
  ctx: ServiceContext,
  currentSignInId: string | null,
): Promise<SignInSummary[]> {
  const actor = requireActor(ctx.actor)
  const rows = await ctx.db
    .selectFrom('auth_session')
    .select(['id', 'created_at', 'last_seen_at', 'expires_at', 'absolute_expires_at', 'user_agent'])
    .where('person_id', '=', actor.id)
    .where('expires_at', '>', ctx.clock.now().toISOString())
    .orderBy('last_seen_at', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id.slice(0, PUBLIC_ID_LENGTH),
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    // ISO strings: the earlier of the two ends the sign-in.
    expiresAt: [r.expires_at, r.absolute_expires_at].sort()[0]!,
    userAgent: r.user_agent,
    current: r.id === currentSignInId,
  }))
}

export async function endMySignIn(ctx: ServiceContext, publicId: string): Promise<void> {
  const actor = requireActor(ctx.actor)
  if (!/^[0-9a-f]{16}$/.test(publicId)) throw notFound('That sign-in')
  await ctx.db.transaction().execute(async (tx) => {
    const ended = await tx
      .deleteFrom('auth_session')
      .where('person_id', '=', actor.id)
      .where('id', 'like', `${publicId}%`)
      .executeTakeFirst()
    if (Number(ended.numDeletedRows) === 0) throw notFound('That sign-in')
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'account.session_ended', details: {} })
  })
}

/** A credential change asks for the password again; `field` names the input that carried it. */
/** Signs me out on every device (the caller clears this device's cookie). */
export async function endAllMySignIns(ctx: ServiceContext): Promise<void> {
  const actor = requireActor(ctx.actor)
  await ctx.db.transaction().execute(async (tx) => {
    await invalidateAllSignIns({ db: tx }, actor.id)
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'account.signed_out_everywhere', details: {} })
  })
}

async function checkPassword(
  ctx: ServiceContext,
  personId: string,
  password: string,
  field: string,
): Promise<void> {
  const row = await ctx.db
    .selectFrom('person')
    .select('password_hash')
    .where('id', '=', personId)
    .executeTakeFirst()
  if (!row?.password_hash || !(await verifyPassword(row.password_hash, password))) {
    throw badRequest('That is not your current password.', field)
  }
}

/** Sets a new password and ends every sign-in of the person; the caller starts a fresh one. */
export async function changePassword(
  ctx: ServiceContext,
  input: { currentPassword: string; newPassword: string },
) {
  const actor = requireActor(ctx.actor)
  await checkPassword(ctx, actor.id, input.currentPassword, 'currentPassword')
  const problem = await passwordProblem(input.newPassword, [actor.email ?? '', actor.displayName])
  if (problem) throw badRequest(problem, 'newPassword')
  const hash = await hashPassword(input.newPassword, ctx.config.passwordCost)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('person')
      .set({ password_hash: hash, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', actor.id)
      .execute()
    await invalidateAllSignIns({ db: tx }, actor.id)
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'account.password_changed', details: {} })
    if (actor.email) {
      await queueEmail(tx, ctx.clock, {
        to: actor.email,
        kind: 'account.password_changed',
        subject: 'Your APPG Hub password was changed',
        body: `The password of your APPG Hub account was changed and every device was signed out.\n\nIf this was not you, reset your password at ${ctx.config.publicUrl}/sign-in and tell the site administrator.`,
      })
    }
  })
}

/**
 * Moves the account to a new address: asks for the password, ends every sign-in (the caller starts
 * a fresh one for this device), tells the old address.
 */
export async function changeEmail(ctx: ServiceContext, input: { password: string; newEmail: string }) {
  const actor = requireActor(ctx.actor)
  await checkPassword(ctx, actor.id, input.password, 'password')
  const email = normaliseEmail(input.newEmail)
  if (email === actor.email) throw badRequest('That is already your email address.', 'newEmail')
  const taken = await ctx.db.selectFrom('person').select('id').where('email', '=', email).executeTakeFirst()
  if (taken) throw conflict('Another account uses that email address.', 'newEmail')
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('person')
      .set({ email, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', actor.id)
      .execute()
    await invalidateAllSignIns({ db: tx }, actor.id)
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'account.email_changed', details: {} })
    if (actor.email) {
      await queueEmail(tx, ctx.clock, {
        to: actor.email,
        kind: 'account.email_changed',
        subject: 'Your APPG Hub email address was changed',
        body: `The email address of your APPG Hub account was changed to ${email}, and every device was signed out.\n\nIf this was not you, tell the site administrator at once.`,
      })
    }
  })
  return { email }
}
