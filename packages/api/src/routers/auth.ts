import {
  changeEmail,
  changePassword,
  checkPasswordResetLink,
  createSignIn,
  DomainError,
  endAllMySignIns,
  endMySignIn,
  invalidateSignIn,
  listMySignIns,
  normaliseEmail,
  RATE_RULES,
  recordSignInFailure,
  recordSignInSuccess,
  requestPasswordReset,
  resetPassword,
  signIn,
  signInWait,
  signUp,
} from '@appg-hub/core'
import {
  changeEmailInput,
  changePasswordInput,
  checkResetLinkInput,
  endSignInInput,
  requestPasswordResetInput,
  resetPasswordInput,
  signInInput,
  signUpInput,
} from '@appg-hub/schemas'
import { expensiveWork, passwordCheck, rateLimit, tooManyAttempts } from '../rate-limit'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const authRouter = router({
  signUp: publicProcedure.input(signUpInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [[RATE_RULES.signUpPerAddress, ctx.clientAddress]])
    await expensiveWork(ctx)
    // The same answer whether the address was free or had an account (whose owner is emailed):
    // no sign-in either way; the client signs in next with the same password.
    await signUp(ctx.core, input)
    return { status: 'sign-in' as const }
  }),

  /** Throttled per account and source without locking the owner out (core `auth/throttle.ts`). */
  signIn: publicProcedure.input(signInInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [[RATE_RULES.signInPerAddress, ctx.clientAddress]])
    await expensiveWork(ctx)
    const source = {
      email: normaliseEmail(input.email),
      address: ctx.clientAddress,
      deviceToken: ctx.deviceToken,
    }
    const wait = await signInWait(ctx.core, source)
    if (wait) throw tooManyAttempts(ctx, wait, 'failed sign-ins for this account')
    const actor = await signIn(ctx.core, input).catch(async (error: unknown) => {
      if (error instanceof DomainError && error.code === 'UNAUTHORIZED')
        await recordSignInFailure(ctx.core, source)
      throw error
    })
    const device = await recordSignInSuccess(ctx.core, source)
    // A sign-in this browser already held ends: a new sign-in always gets a new token.
    if (await ctx.getActor()) {
      const previous = ctx.signInId()
      if (previous) await invalidateSignIn(ctx, previous)
    }
    const started = await createSignIn(ctx, actor.id, ctx.userAgent)
    ctx.startSignIn(started.token, started.expiresAt)
    ctx.rememberDevice(device)
    return { id: actor.id, displayName: actor.displayName }
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    await ctx.endSignIn()
    return { signedOut: true }
  }),

  /** Ends every sign-in of mine, on every device. */
  signOutEverywhere: authedProcedure.mutation(async ({ ctx }) => {
    await endAllMySignIns(ctx.core)
    await ctx.endSignIn()
    return { signedOut: true }
  }),

  /** The devices I am signed in on. */
  signIns: authedProcedure.query(({ ctx }) => listMySignIns(ctx.core, ctx.signInId())),

  endSignIn: authedProcedure.input(endSignInInput).mutation(async ({ ctx, input }) => {
    await endMySignIn(ctx.core, input.id)
    return { ended: true }
  }),

  /** Ends every sign-in, then signs this device in again. */
  changePassword: authedProcedure.input(changePasswordInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [[RATE_RULES.passwordPerAccount, ctx.actor.id]])
    await passwordCheck(ctx, ctx.actor)
    await changePassword(ctx.core, input)
    const started = await createSignIn(ctx, ctx.actor.id, ctx.userAgent)
    ctx.startSignIn(started.token, started.expiresAt)
    return { changed: true }
  }),

  /** Always answers the same, account or not; the email holds a one-time link. */
  requestPasswordReset: publicProcedure.input(requestPasswordResetInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [
      [RATE_RULES.resetPerAccount, input.email.trim()],
      [RATE_RULES.resetPerAddress, ctx.clientAddress],
    ])
    await requestPasswordReset(ctx.core, input)
    return { sent: true }
  }),

  /** Whether an emailed link can still be used, so that a bad one is said before the form. */
  checkResetLink: publicProcedure
    .input(checkResetLinkInput)
    .query(({ ctx, input }) => checkPasswordResetLink(ctx.core, input)),

  /** Sets a new password from an emailed link, ends every sign-in, and signs this device in. */
  resetPassword: publicProcedure.input(resetPasswordInput).mutation(async ({ ctx, input }) => {
    await expensiveWork(ctx)
    const { personId } = await resetPassword(ctx.core, input)
    const started = await createSignIn(ctx, personId, ctx.userAgent)
    ctx.startSignIn(started.token, started.expiresAt)
    return { reset: true }
  }),

  changeEmail: authedProcedure.input(changeEmailInput).mutation(async ({ ctx, input }) => {
    await rateLimit(ctx, [[RATE_RULES.passwordPerAccount, ctx.actor.id]])
    await passwordCheck(ctx, ctx.actor)
    const changed = await changeEmail(ctx.core, input)
    const started = await createSignIn(ctx, ctx.actor.id, ctx.userAgent)
    ctx.startSignIn(started.token, started.expiresAt)
    return changed
  }),
})
