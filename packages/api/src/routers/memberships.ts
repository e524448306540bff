import {
  acceptGroupInvite,
  changeMemberRole,
  describeInvite,
  getRoster,
  inviteToGroup,
  leaveGroup,
  RATE_RULES,
  removeMember,
  revokeGroupInvite,
} from '@appg-hub/core'
import {
  bySlug,
  changeRoleInput,
  inviteMemberInput,
  memberInput,
  memberInviteTokenInput,
  revokeMemberInviteInput,
} from '@appg-hub/schemas'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const membershipsRouter = router({
  roster: authedProcedure
    .input(bySlug)
    .query(({ ctx, input }) => getRoster(ctx.service(ctx.actor), input.slug)),

  invite: authedProcedure.input(inviteMemberInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [[RATE_RULES.invitationsPerPerson, ctx.actor.id]])
    return inviteToGroup(ctx.service(ctx.actor), input)
  }),

  revokeInvite: authedProcedure.input(revokeMemberInviteInput).mutation(async ({ ctx, input }) => {
    await revokeGroupInvite(ctx.service(ctx.actor), input)
    return { revoked: true }
  }),

  /** Public: the invitation page must say what it is before the person signs in. */
  describeInvite: publicProcedure
    .input(memberInviteTokenInput)
    .query(({ ctx, input }) => describeInvite(ctx.service(null), input.token)),

  acceptInvite: authedProcedure
    .input(memberInviteTokenInput)
    .mutation(({ ctx, input }) => acceptGroupInvite(ctx.service(ctx.actor), input.token)),

  changeRole: authedProcedure
    .input(changeRoleInput)
    .mutation(({ ctx, input }) => changeMemberRole(ctx.service(ctx.actor), input)),

  remove: authedProcedure.input(memberInput).mutation(async ({ ctx, input }) => {
    await removeMember(ctx.service(ctx.actor), input)
    return { removed: true }
  }),

  leave: authedProcedure.input(bySlug).mutation(async ({ ctx, input }) => {
    await leaveGroup(ctx.service(ctx.actor), input)
    return { left: true }
  }),
})
