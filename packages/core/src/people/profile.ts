/**
 * My name and organisation, as the hub shows them beside my comments, sign-ups and invitations.
 * A person the Register lists (an MP, a peer, a registered officer) keeps the Register's name: the
 * import recognises them by it and public pages show it as published; their organisation is theirs.
 */
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest } from '../errors'
import { requireActor } from '../memberships/access'

export interface Profile {
  displayName: string
  organisation: string | null
  /** False for a person of the Register, whose name is the Register's. */
  nameEditable: boolean
}

async function loadProfile(ctx: ServiceContext, personId: string): Promise<Profile> {
  const row = await ctx.db
    .selectFrom('person')
    .select(['display_name', 'organisation', 'register_key'])
    .where('id', '=', personId)
    .executeTakeFirstOrThrow()
  return {
    displayName: row.display_name,
    organisation: row.organisation,
    nameEditable: row.register_key === null,
  }
}

export function getProfile(ctx: ServiceContext): Promise<Profile> {
  return loadProfile(ctx, requireActor(ctx.actor).id)
}

export async function updateProfile(
  ctx: ServiceContext,
  input: { displayName: string; organisation: string | null },
): Promise<Profile> {
  const actor = requireActor(ctx.actor)
  const before = await loadProfile(ctx, actor.id)
  const displayName = input.displayName.trim()
  const organisation = input.organisation?.trim() || null
  if (displayName !== before.displayName && !before.nameEditable)
    throw badRequest(
      'Your name is as the Register of All-Party Parliamentary Groups publishes it. Ask the site administrator to correct it.',
      'displayName',
    )
  if (displayName === before.displayName && organisation === before.organisation) return before
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('person')
      .set({ display_name: displayName, organisation, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'person.profile_changed',
      details: {
        nameChanged: displayName !== before.displayName,
        organisationChanged: organisation !== before.organisation,
      },
    })
  })
  return { ...before, displayName, organisation }
}
