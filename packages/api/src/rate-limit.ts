import { type Actor, consumeRate, RATE_RULES, type RateRule } from '@appg-hub/core'
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
  cost = 1,
): Promise<void> {
  for (const [rule, subject] of checks) {
    if (!subject) continue
    const decision = await consumeRate(ctx, rule, subject.toLowerCase(), cost)
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

/** Charges one unit of expensive work (rendering, diffing, hashing) to the caller's address and person. */
export function expensiveWork(ctx: ApiContext, actor: Actor | null = null): Promise<void> {
  return rateLimit(ctx, [
    [RATE_RULES.expensiveWork, ctx.clientAddress],
    [RATE_RULES.expensiveWork, actor?.id],
  ])
}

/**
 * Every check of a signed-in person's password (changing it or the email address, erasing the
 * account) is limited like sign-in, so that a stolen session cannot be used to guess it faster.
 */
export function passwordCheck(ctx: ApiContext, actor: Actor): Promise<void> {
  return rateLimit(ctx, [
    [RATE_RULES.passwordChecksPerAccount, actor.id],
    [RATE_RULES.signInPerAddress, ctx.clientAddress],
    [RATE_RULES.expensiveWork, ctx.clientAddress],
    [RATE_RULES.expensiveWork, actor.id],
  ])
}

/** Refuses with 429 and Retry-After for a wait decided elsewhere (sign-in back-off). */
export function tooManyAttempts(ctx: ApiContext, seconds: number, what: string): TRPCError {
  ctx.setHeader('Retry-After', String(seconds))
  const wait =
    seconds < 90 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many ${what}. Please wait ${wait} and try again.`,
  })
}
