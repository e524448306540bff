import { ERASE_CONFIRMATION, eraseMyAccount, exportMyData, RATE_RULES } from '@appg-hub/core'
import { eraseAccountInput } from '@appg-hub/schemas'
import { passwordCheck, rateLimit } from '../rate-limit'
import { authedProcedure, router } from '../trpc'

export const privacyRouter = router({
  /** Everything the hub holds about me, as JSON (rate-limited: it reads a lot). */
  export: authedProcedure.mutation(async ({ ctx }) => {
    await rateLimit(ctx, [[RATE_RULES.exportsPerPerson, ctx.actor.id]])
    return exportMyData(ctx.core)
  }),

  /** Erases my account; my contributions stay under a pseudonym. Signs me out. */
  erase: authedProcedure.input(eraseAccountInput).mutation(async ({ ctx, input }) => {
    await passwordCheck(ctx, ctx.actor)
    const result = await eraseMyAccount(ctx.core, input)
    await ctx.endSignIn()
    return { ...result, confirmation: ERASE_CONFIRMATION }
  }),
})
