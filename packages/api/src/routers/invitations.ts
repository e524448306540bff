import {
  acceptInvitation,
  declineInvitation,
  groupInvitations,
  ITEM_TYPES,
  MAX_GROUPS_PER_SEND,
  RATE_RULES,
  sendInvitations,
  withdrawInvitation,
} from '@appg-hub/core'
import * as z from 'zod'
import { rateLimit } from '../rate-limit'
import { authedProcedure, router } from '../trpc'
import { slug } from './register'
import { itemId } from './topics'

const id = z.string().trim().min(1).max(36)
const words = z.string().max(2000, 'Keep it under 2,000 characters.')

/** The handshake between groups, the same for topics, sessions ("meeting") and documents. */
export const invitationsRouter = router({
  send: authedProcedure
    .input(
      z.object({
        itemType: z.enum(ITEM_TYPES),
        itemId,
        toGroupSlugs: z.array(slug).min(1, 'Choose at least one group to invite.').max(MAX_GROUPS_PER_SEND),
        message: words.optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      // Each group invited counts, not the call.
      const groups = new Set(input.toGroupSlugs).size
      await rateLimit(ctx, [[RATE_RULES.invitationsPerPerson, ctx.actor.id]], groups)
      return sendInvitations(ctx.service(ctx.actor), input)
    }),

  accept: authedProcedure
    .input(z.object({ id, reply: words.optional() }))
    .mutation(({ ctx, input }) => acceptInvitation(ctx.service(ctx.actor), input)),

  decline: authedProcedure
    .input(z.object({ id, reply: words.optional() }))
    .mutation(({ ctx, input }) => declineInvitation(ctx.service(ctx.actor), input)),

  withdraw: authedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => withdrawInvitation(ctx.service(ctx.actor), input)),

  /** Received, sent and past invitations of a group: for its chair, officers and secretariat. */
  forGroup: authedProcedure
    .input(z.object({ slug }))
    .query(({ ctx, input }) => groupInvitations(ctx.service(ctx.actor), input)),
})
