/**
 * Erasing an account (docs/architecture.md §7): the personal fields go, the person's contributions stay under
 * a pseudonym ("Former member 3f9a…"), every session ends and no email is sent to them again.
 */

import { ERASE_CONFIRMATION } from '@appg-hub/schemas'
import { audit } from '../audit'
import { verifyPassword } from '../auth/password'
import { invalidateAllSignIns } from '../auth/sign-in'
import type { ServiceContext } from '../context'
import { badRequest } from '../errors'
import { requireActor } from '../memberships/access'

export { ERASE_CONFIRMATION } from '@appg-hub/schemas'

export async function eraseMyAccount(ctx: ServiceContext, input: { password: string; confirmation: string }) {
  const actor = requireActor(ctx.actor)
  if (input.confirmation.trim().toLowerCase() !== ERASE_CONFIRMATION) {
    throw badRequest(`Type "${ERASE_CONFIRMATION}" to confirm.`, 'confirmation')
  }
  const row = await ctx.db
    .selectFrom('person')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow()
  if (!row.password_hash || !(await verifyPassword(row.password_hash, input.password))) {
    throw badRequest('That is not your password.', 'password')
  }
  const now = ctx.clock.now().toISOString()
  const pseudonym = `Former member ${actor.id.slice(-6)}`
  await ctx.db.transaction().execute(async (tx) => {
    if (actor.email) {
      await tx
        .deleteFrom('email_outbox')
        .where('to_email', '=', actor.email)
        .where('sent_at', 'is', null)
        .execute()
      await tx
        .updateTable('group_invite')
        .set({ revoked_at: now })
        .where('email', '=', actor.email)
        .where('accepted_at', 'is', null)
        .where('revoked_at', 'is', null)
        .execute()
    }
    await tx
      .updateTable('person')
      .set({
        email: null,
        display_name: pseudonym,
        organisation: null,
        party: null,
        mnis_id: null,
        twfy_id: null,
        register_key: null,
        password_hash: null,
        is_site_admin: 0,
        email_preference: 'none',
        erased_at: now,
        updated_at: now,
      })
      .where('id', '=', actor.id)
      .execute()
    await invalidateAllSignIns({ db: tx }, actor.id)
    await tx.deleteFrom('membership').where('person_id', '=', actor.id).execute()
    await tx.deleteFrom('follow').where('person_id', '=', actor.id).execute()
    await tx.deleteFrom('notification').where('person_id', '=', actor.id).execute()
    // Signed-up visitors' names and addresses go too; the place is freed.
    await tx
      .updateTable('signup')
      .set({ name: null, email: null, status: 'not_going', updated_at: now })
      .where('person_id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, { actorId: actor.id, action: 'account.erased', details: { pseudonym } })
  })
  return { pseudonym }
}
