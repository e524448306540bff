/**
 * Co-hosted sessions ("meetings" in the schema). Each procedure: a zod input and a call into
 * core, which checks the policy against the session itself.
 */
import {
  addAgendaItem,
  attachMinutes,
  calendarFeed,
  cancelMeeting,
  confirmInterest,
  createMeeting,
  getMeeting,
  INTEREST_RATE_RULES,
  listGroupMeetings,
  listMyMeetings,
  listSignups,
  markMeetingHeld,
  moveAgendaItem,
  registerInterest,
  removeAgendaItem,
  revokeCalendarFeed,
  rotateCalendarFeed,
  scheduleMeeting,
  signUpForMeeting,
  updateAgendaItem,
  updateMeeting,
  withdrawSignup,
} from '@appg-hub/core'
import {
  addAgendaItemInput,
  agendaItemInput,
  attachMinutesInput,
  byId,
  cancelMeetingInput,
  confirmInterestInput,
  createMeetingInput,
  groupMeetingsInput,
  meetingSignUpInput,
  moveAgendaItemInput,
  myMeetingsInput,
  registerInterestInput,
  updateAgendaItemInput,
  updateMeetingInput,
} from '@appg-hub/schemas'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const meetingsRouter = router({
  create: authedProcedure
    .input(createMeetingInput)
    .mutation(({ ctx, input }) => createMeeting(ctx.service(ctx.actor), input)),

  /** Public sessions can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) => getMeeting(ctx.service(await ctx.getActor()), input.id)),

  update: authedProcedure
    .input(updateMeetingInput)
    .mutation(({ ctx, input }) => updateMeeting(ctx.service(ctx.actor), input)),

  schedule: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => scheduleMeeting(ctx.service(ctx.actor), input)),

  cancel: authedProcedure
    .input(cancelMeetingInput)
    .mutation(({ ctx, input }) => cancelMeeting(ctx.service(ctx.actor), input)),

  markHeld: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => markMeetingHeld(ctx.service(ctx.actor), input)),

  listForGroup: publicProcedure
    .input(groupMeetingsInput)
    .query(async ({ ctx, input }) => listGroupMeetings(ctx.service(await ctx.getActor()), input)),

  mine: authedProcedure
    .input(myMeetingsInput)
    .query(({ ctx, input }) => listMyMeetings(ctx.service(ctx.actor), input ?? {})),

  agenda: router({
    add: authedProcedure
      .input(addAgendaItemInput)
      .mutation(({ ctx, input }) => addAgendaItem(ctx.service(ctx.actor), input)),
    update: authedProcedure
      .input(updateAgendaItemInput)
      .mutation(({ ctx, input }) => updateAgendaItem(ctx.service(ctx.actor), input)),
    move: authedProcedure
      .input(moveAgendaItemInput)
      .mutation(({ ctx, input }) => moveAgendaItem(ctx.service(ctx.actor), input)),
    remove: authedProcedure
      .input(agendaItemInput)
      .mutation(({ ctx, input }) => removeAgendaItem(ctx.service(ctx.actor), input)),
  }),

  signUp: authedProcedure
    .input(meetingSignUpInput)
    .mutation(({ ctx, input }) => signUpForMeeting(ctx.service(ctx.actor), input)),

  withdraw: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => withdrawSignup(ctx.service(ctx.actor), input)),

  /** The hosts' list of who signed up (the CSV is served at /sessions/:id/signups.csv). */
  signups: authedProcedure.input(byId).query(({ ctx, input }) => listSignups(ctx.service(ctx.actor), input)),

  /** A signed-out visitor's interest in a public session, confirmed by email. */
  registerInterest: publicProcedure.input(registerInterestInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [
      [INTEREST_RATE_RULES.perAddress, ctx.clientAddress],
      [INTEREST_RATE_RULES.perEmail, input.email.trim()],
    ])
    return registerInterest(ctx.service(null), input)
  }),

  confirmInterest: publicProcedure
    .input(confirmInterestInput)
    .mutation(({ ctx, input }) => confirmInterest(ctx.service(null), input)),

  attachMinutes: authedProcedure
    .input(attachMinutesInput)
    .mutation(({ ctx, input }) => attachMinutes(ctx.service(ctx.actor), input)),

  /** My personal calendar feed: its address when first made (only a hash is kept). */
  calendarFeed: authedProcedure.mutation(({ ctx }) => calendarFeed(ctx.service(ctx.actor))),

  rotateCalendarFeed: authedProcedure.mutation(({ ctx }) => rotateCalendarFeed(ctx.service(ctx.actor))),

  revokeCalendarFeed: authedProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.service(ctx.actor))),
})
