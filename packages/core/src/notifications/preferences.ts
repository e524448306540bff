/** How a person wants to hear of notifications by email: at once, in a daily digest, or not at all. */
import type { Db, EmailPreference } from '@appg-hub/db'
import { EMAIL_PREFERENCES as SHARED_PREFERENCES } from '@appg-hub/schemas'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { requireActor } from '../memberships/access'

/** The shared list, checked here against the database's own type. */
export const EMAIL_PREFERENCES = SHARED_PREFERENCES satisfies readonly EmailPreference[]

export async function getPreferences(db: Db, personId: string): Promise<{ email: EmailPreference }> {
  const row = await db
    .selectFrom('person')
    .select('email_preference')
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
  return { email: row.email_preference }
}

export async function setPreferences(
  ctx: ServiceContext,
  input: { email: EmailPreference },
): Promise<{ email: EmailPreference }> {
  const actor = requireActor(ctx.actor)
  await ctx.db.transaction().execute(async (tx) => {
    const now = ctx.clock.now().toISOString()
    await tx
      .updateTable('person')
      .set({ email_preference: input.email, updated_at: now })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'notification.preferences_changed',
      details: { email: input.email },
    })
  })
  return { email: input.email }
}
