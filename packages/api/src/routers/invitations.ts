import {
  acceptInvitation,
  declineInvitation,
  groupInvitations,
  RATE_RULES,
  sendInvitations,
  withdrawInvitation,
} from '@appg-hub/core'
import { answerInvitationInput, byId, bySlug, sendInvitationsInput } from '@appg-hub/schemas'
import { rateLimit } from '../rate-limit'
import { authedProcedure, router } from '../trpc'

/** The handshake between groups, the same for topics, sessions ("meeting") and documents. */
export const invitationsRouter = router({
  send: authedProcedure.input(sendInvitationsInput).mutation(async ({ ctx, input }) => {
    // Each group invited counts, not the call.
    const groups = new Set(input.toGroupSlugs).size
    await rateLimit(ctx, [[RATE_RULES.invitationsPerPerson, ctx.actor.id]], groups)
    return sendInvitations(ctx.service(ctx.actor), input)
  }),

  accept: authedProcedure
    .input(answerInvitationInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.service(ctx.actor), input)),

  decline: authedProcedure
    .input(answerInvitationInput)
    .mutation(({ ctx, input }) => declineInvitation(ctx.service(ctx.actor), input)),

  withdraw: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => withdrawInvitation(ctx.service(ctx.actor), input)),

  /** Received, sent and past invitations of a group: for its chair, officers and secretariat. */
  forGroup: authedProcedure
    .input(bySlug)
    .query(({ ctx, input }) => groupInvitations(ctx.service(ctx.actor), input)),
})
