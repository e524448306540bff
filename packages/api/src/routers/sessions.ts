/**
 * Co-hosted sessions ("meetings" in the schema). Each procedure: a zod input and a call into
 * core, which checks the policy against the session itself.
 */
import {
  addAgendaItem,
  attachMinutes,
  calendarFeed,
  cancelSession,
  confirmInterest,
  createSession,
  getSession,
  INTEREST_RATE_RULES,
  listGroupSessions,
  listMySessions,
  listSignups,
  markSessionHeld,
  moveAgendaItem,
  registerInterest,
  removeAgendaItem,
  revokeCalendarFeed,
  rotateCalendarFeed,
  scheduleSession,
  signUpForSession,
  updateAgendaItem,
  updateSession,
  withdrawSignup,
} from '@appg-hub/core'
import {
  addAgendaItemInput,
  agendaItemInput,
  attachMinutesInput,
  byId,
  cancelSessionInput,
  confirmInterestInput,
  createSessionInput,
  groupSessionsInput,
  moveAgendaItemInput,
  mySessionsInput,
  registerInterestInput,
  sessionSignUpInput,
  updateAgendaItemInput,
  updateSessionInput,
} from '@appg-hub/schemas'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, readerProcedure, router } from '../trpc'

export const sessionsRouter = router({
  create: authedProcedure
    .input(createSessionInput)
    .mutation(({ ctx, input }) => createSession(ctx.core, input)),

  /** Public sessions can be read by anyone; NOT_FOUND for one the caller may not read. */
  get: readerProcedure.input(byId).query(({ ctx, input }) => getSession(ctx.core, input.id)),

  update: authedProcedure
    .input(updateSessionInput)
    .mutation(({ ctx, input }) => updateSession(ctx.core, input)),

  schedule: authedProcedure.input(byId).mutation(({ ctx, input }) => scheduleSession(ctx.core, input)),

  cancel: authedProcedure
    .input(cancelSessionInput)
    .mutation(({ ctx, input }) => cancelSession(ctx.core, input)),

  markHeld: authedProcedure.input(byId).mutation(({ ctx, input }) => markSessionHeld(ctx.core, input)),

  listForGroup: readerProcedure
    .input(groupSessionsInput)
    .query(({ ctx, input }) => listGroupSessions(ctx.core, input)),

  mine: authedProcedure
    .input(mySessionsInput)
    .query(({ ctx, input }) => listMySessions(ctx.core, input ?? {})),

  agenda: router({
    add: authedProcedure
      .input(addAgendaItemInput)
      .mutation(({ ctx, input }) => addAgendaItem(ctx.core, input)),
    update: authedProcedure
      .input(updateAgendaItemInput)
      .mutation(({ ctx, input }) => updateAgendaItem(ctx.core, input)),
    move: authedProcedure
      .input(moveAgendaItemInput)
      .mutation(({ ctx, input }) => moveAgendaItem(ctx.core, input)),
    remove: authedProcedure
      .input(agendaItemInput)
      .mutation(({ ctx, input }) => removeAgendaItem(ctx.core, input)),
  }),

  signUp: authedProcedure
    .input(sessionSignUpInput)
    .mutation(({ ctx, input }) => signUpForSession(ctx.core, input)),

  withdraw: authedProcedure.input(byId).mutation(({ ctx, input }) => withdrawSignup(ctx.core, input)),

  /** The hosts' list of who signed up (the CSV is served at /sessions/:id/signups.csv). */
  signups: authedProcedure.input(byId).query(({ ctx, input }) => listSignups(ctx.core, input)),

  /** A signed-out visitor's interest in a public session, confirmed by email. */
  registerInterest: publicProcedure.input(registerInterestInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [
      [INTEREST_RATE_RULES.perAddress, ctx.clientAddress],
      [INTEREST_RATE_RULES.perEmail, input.email.trim()],
    ])
    return registerInterest(ctx.core, input)
  }),

  confirmInterest: publicProcedure
    .input(confirmInterestInput)
    .mutation(({ ctx, input }) => confirmInterest(ctx.core, input)),

  attachMinutes: authedProcedure
    .input(attachMinutesInput)
    .mutation(({ ctx, input }) => attachMinutes(ctx.core, input)),

  /** My personal calendar feed: its address when first made (only a hash is kept). */
  calendarFeed: authedProcedure.mutation(({ ctx }) => calendarFeed(ctx.core)),

  rotateCalendarFeed: authedProcedure.mutation(({ ctx }) => rotateCalendarFeed(ctx.core)),

  revokeCalendarFeed: authedProcedure.mutation(({ ctx }) => revokeCalendarFeed(ctx.core)),
})
