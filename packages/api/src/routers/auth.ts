import { createSession, invalidateAllSessions, PASSWORD_MAX_LENGTH, signIn, signUp } from '@appg-hub/core'
import { z } from 'zod'
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
      const actor = await signUp(ctx.service(null), input)
      const session = await createSession(ctx.db, ctx.clock, actor.id, ctx.userAgent)
      ctx.startSession(session.token, session.expiresAt)
      return { id: actor.id, displayName: actor.displayName }
    }),

  signIn: publicProcedure.input(z.object({ email, password })).mutation(async ({ ctx, input }) => {
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
    await invalidateAllSessions(ctx.db, ctx.actor.id)
    await ctx.endSession()
    return { signedOut: true }
  }),
})
