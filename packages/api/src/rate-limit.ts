import { consumeRate, type RateRule } from '@appg-hub/core'
import { TRPCError } from '@trpc/server'
import type { ApiContext } from './context'

/**
 * Counts one attempt for each subject (an account, an address) and refuses with 429 and
 * Retry-After once any of them is over its limit. Subjects that are unknown (no address behind a
 * proxy that hides it) are skipped rather than lumped together.
 */
export async function rateLimit(
  ctx: ApiContext,
  checks: [RateRule, string | null | undefined][],
): Promise<void> {
  for (const [rule, subject] of checks) {
    if (!subject) continue
    const decision = await consumeRate(ctx.db, ctx.clock, rule, subject.toLowerCase())
    if (!decision.allowed) {
      ctx.setHeader('Retry-After', String(decision.retryAfterSeconds))
      const minutes = Math.ceil(decision.retryAfterSeconds / 60)
      throw new TRPCError({
        code: 'TOO_MANY_REQUESTS',
        message: `Too many ${rule.name}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
      })
    }
  }
}
