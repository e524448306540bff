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
import * as z from 'zod'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { slug } from './register'

const role = z.enum(['chair', 'officer', 'secretariat', 'member', 'observer'])
const id = z.string().min(1).max(36)
const token = z.string().regex(/^[a-z2-7]{32}$/, 'That invitation link is not valid.')

export const membershipsRouter = router({
  roster: authedProcedure
    .input(z.object({ slug }))
    .query(({ ctx, input }) => getRoster(ctx.service(ctx.actor), input.slug)),

  invite: authedProcedure
    .input(
      z.object({
        slug,
        email: z.email('Enter an email address such as name@example.org.').max(254),
        role,
        /** A person of the group's Register entry: accepting links the account to them. */
        registerPersonId: id.nullish(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await rateLimit(ctx, [[RATE_RULES.invitationsPerPerson, ctx.actor.id]])
      return inviteToGroup(ctx.service(ctx.actor), input)
    }),

  revokeInvite: authedProcedure.input(z.object({ slug, inviteId: id })).mutation(async ({ ctx, input }) => {
    await revokeGroupInvite(ctx.service(ctx.actor), input)
    return { revoked: true }
  }),

  /** Public: the invitation page must say what it is before the person signs in. */
  describeInvite: publicProcedure
    .input(z.object({ token }))
    .query(({ ctx, input }) => describeInvite(ctx.service(null), input.token)),

  acceptInvite: authedProcedure
    .input(z.object({ token }))
    .mutation(({ ctx, input }) => acceptGroupInvite(ctx.service(ctx.actor), input.token)),

  changeRole: authedProcedure
    .input(z.object({ slug, personId: id, role }))
    .mutation(({ ctx, input }) => changeMemberRole(ctx.service(ctx.actor), input)),

  remove: authedProcedure.input(z.object({ slug, personId: id })).mutation(async ({ ctx, input }) => {
    await removeMember(ctx.service(ctx.actor), input)
    return { removed: true }
  }),

  leave: authedProcedure.input(z.object({ slug })).mutation(async ({ ctx, input }) => {
    await leaveGroup(ctx.service(ctx.actor), input)
    return { left: true }
  }),
})
