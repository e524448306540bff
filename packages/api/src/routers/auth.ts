import {
  changeEmail,
  changePassword,
  createSession,
  endAllMySessions,
  endMySession,
  listMySessions,
  PASSWORD_MAX_LENGTH,
  RATE_RULES,
  requestPasswordReset,
  resetPassword,
  signIn,
  signUp,
} from '@appg-hub/core'
import * as z from 'zod'
import { rateLimit } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'

const email = z.email('Enter an email address such as name@example.org.').max(254)
const password = z.string().min(1, 'Enter your password.').max(PASSWORD_MAX_LENGTH)

export const authRouter = router({
  signUp: publicProcedure
    .input(
      z.object({
        email,
        password,
        displayName: z.string().trim().min(1, 'Enter your name.').max(200),
        organisation: z.string().trim().max(300).optional(),
        kind: z.enum(['mp', 'peer', 'staff', 'secretariat', 'other']).optional(),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      await rateLimit(ctx, [[RATE_RULES.signUpPerAddress, ctx.clientAddress]])
      const actor = await signUp(ctx.service(null), input)
      const session = await createSession(ctx.db, ctx.clock, actor.id, ctx.userAgent)
      ctx.startSession(session.token, session.expiresAt)
      return { id: actor.id, displayName: actor.displayName }
    }),

  signIn: publicProcedure.input(z.object({ email, password })).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [
      [RATE_RULES.signInPerAccount, input.email.trim()],
      [RATE_RULES.signInPerAddress, ctx.clientAddress],
    ])
    const actor = await signIn(ctx.service(null), input)
    const session = await createSession(ctx.db, ctx.clock, actor.id, ctx.userAgent)
    ctx.startSession(session.token, session.expiresAt)
    return { id: actor.id, displayName: actor.displayName }
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.endSession()
    return { signedOut: true }
  }),

  /** Ends every session of mine, on every device. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await endAllMySessions(ctx.service(ctx.actor))
    await ctx.endSession()
    return { signedOut: true }
  }),

  /** The devices I am signed in on. */
  sessions: authedProcedure.query(({ ctx }) => listMySessions(ctx.service(ctx.actor), ctx.sessionId())),

  endSession: authedProcedure
    .input(z.object({ id: z.string().regex(/^[0-9a-f]{16}$/, 'That is not a session.') }))
    .mutation(async ({ ctx, input }) => {
      await endMySession(ctx.service(ctx.actor), input.id)
      return { ended: true }
    }),

  /** Ends every session, then signs this device in again. */
  changePassword: authedProcedure
    .input(z.object({ currentPassword: password, newPassword: z.string().max(PASSWORD_MAX_LENGTH) }))
    .mutation(async ({ ctx, input }) => {
      await rateLimit(ctx, [[RATE_RULES.passwordPerAccount, ctx.actor.id]])
      await changePassword(ctx.service(ctx.actor), input)
      const session = await createSession(ctx.db, ctx.clock, ctx.actor.id, ctx.userAgent)
      ctx.startSession(session.token, session.expiresAt)
      return { changed: true }
    }),

  /** Always answers the same, account or not; the email holds a one-time link. */
  requestPasswordReset: publicProcedure.input(z.object({ email })).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [
      [RATE_RULES.resetPerAccount, input.email.trim()],
      [RATE_RULES.resetPerAddress, ctx.clientAddress],
    ])
    await requestPasswordReset(ctx.service(null), input)
    return { sent: true }
  }),

  /** Sets a new password from an emailed link, ends every session, and signs this device in. */
  resetPassword: publicProcedure
    .input(
      z.object({
        token: z.string().regex(/^[a-z2-7]{32}$/, 'This link is not valid. Ask for a new one.'),
        password: z.string().max(PASSWORD_MAX_LENGTH),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const { personId } = await resetPassword(ctx.service(null), input)
      const session = await createSession(ctx.db, ctx.clock, personId, ctx.userAgent)
      ctx.startSession(session.token, session.expiresAt)
      return { reset: true }
    }),

  changeEmail: authedProcedure
    .input(z.object({ password, newEmail: email }))
    .mutation(async ({ ctx, input }) => {
      await rateLimit(ctx, [[RATE_RULES.passwordPerAccount, ctx.actor.id]])
      return changeEmail(ctx.service(ctx.actor), input)
    }),
})
