/** Changing a member's role, removing a member, leaving a group: never the group's last chair. */
import type { Role } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { canSignIn } from '../people/hub'
import { canManageMember } from '../policy'
import { releaseLostSignups } from '../sessions/release'
import { type GroupForActor, groupForActor, requireActor } from './access'

async function currentMembership(ctx: ServiceContext, appgId: string, personId: string) {
  const row = await ctx.db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['membership.id', 'membership.role', 'person.display_name as name'])
    .where('membership.appg_id', '=', appgId)
    .where('membership.person_id', '=', personId)
    .executeTakeFirst()
  if (!row) throw notFound('That member')
  return row
}

/**
 * A group keeps at least one chair who can act: an account that can sign in. The Register's chair
 * counts only once they have an account (people the import made cannot sign in).
 */
async function assertNotLastChair(
  ctx: ServiceContext,
  group: GroupForActor,
  personId: string,
  from: Role,
  to: Role | null,
) {
  if (from !== 'chair' || to === 'chair') return
  const chairs = await ctx.db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.person_id')
    .where('membership.appg_id', '=', group.id)
    .where('membership.role', '=', 'chair')
    .where(canSignIn)
    .execute()
  // A Register chair without an account acts for nobody: taking them off changes no one's powers.
  if (!chairs.some((c) => c.person_id === personId)) return
  if (chairs.length <= 1)
    throw conflict(
      `${group.title} needs a chair who can sign in: appoint another chair on the hub first (a chair listed on the Register counts once they have an account).`,
    )
}

export async function changeMemberRole(
  ctx: ServiceContext,
  input: { slug: string; personId: string; role: Role },
) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  const member = await currentMembership(ctx, group.id, input.personId)
  if (!canManageMember(group, member.role, input.role)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can appoint or change the chair.'
        : `Only the chair and officers of ${group.title} can change roles.`,
    )
  }
  if (member.role === input.role) return { role: input.role }
  await assertNotLastChair(ctx, group, input.personId, member.role, input.role)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('membership')
      .set({ role: input.role, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', member.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.role_changed',
      appgId: group.id,
      details: { personId: input.personId, from: member.role, to: input.role },
    })
  })
  return { role: input.role }
}

export async function removeMember(ctx: ServiceContext, input: { slug: string; personId: string }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (input.personId === actor.id)
    throw badRequest('To leave a group yourself, use "Leave group".', 'personId')
  const member = await currentMembership(ctx, group.id, input.personId)
  if (!canManageMember(group, member.role, null)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can remove the chair.'
        : `Only the chair and officers of ${group.title} can remove members.`,
    )
  }
  await assertNotLastChair(ctx, group, input.personId, member.role, null)
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('membership').where('id', '=', member.id).execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.removed',
      appgId: group.id,
      details: { personId: input.personId, role: member.role },
    })
    await releaseLostSignups(tx, ctx, { personId: input.personId }, actor.id)
  })
}

export async function leaveGroup(ctx: ServiceContext, input: { slug: string }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (!group.role) throw notFound('Your membership of that group')
  await assertNotLastChair(ctx, group, actor.id, group.role, null)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('membership')
      .where('appg_id', '=', group.id)
      .where('person_id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.left',
      appgId: group.id,
      details: { role: group.role },
    })
    await releaseLostSignups(tx, ctx, { personId: actor.id }, actor.id)
  })
}
