import { type Actor, consumeRate, consumeRates, RATE_RULES, type RateRule } from '@appg-hub/core'
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
    if (!decision.allowed) throw tooMany(ctx, rule, decision.retryAfterSeconds)
  }
}

function tooMany(ctx: ApiContext, rule: RateRule, retryAfterSeconds: number): TRPCError {
  ctx.setHeader('Retry-After', String(retryAfterSeconds))
  const minutes = Math.ceil(retryAfterSeconds / 60)
  return new TRPCError({
    code: 'TOO_MANY_REQUESTS',
    message: `Too many ${rule.name}. Please wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`,
  })
}

/**
 * `rateLimit` for one rule over several subjects, charged in one statement (one round trip on the
 * edge rather than one per subject); each subject is still limited on its own. A refused request
 * is counted against every subject, not only up to the first one over.
 */
async function rateLimitAtOnce(
  ctx: ApiContext,
  rule: RateRule,
  subjects: (string | null | undefined)[],
  cost = 1,
): Promise<void> {
  const known = subjects.filter((s): s is string => Boolean(s)).map((s) => s.toLowerCase())
  // One subject (or the same twice) is what `rateLimit` does in as many statements.
  if (known.length < 2 || new Set(known).size < known.length)
    return rateLimit(
      ctx,
      known.map((s) => [rule, s]),
      cost,
    )
  const refused = await consumeRates(
    ctx,
    known.map((subject) => ({ rule, subject })),
    cost,
  )
  if (refused) throw tooMany(ctx, rule, refused.retryAfterSeconds)
}

/** Charges one unit of expensive work (rendering, diffing, hashing) to the caller's address and person. */
export function expensiveWork(ctx: ApiContext, actor: Actor | null = null): Promise<void> {
  return rateLimitAtOnce(ctx, RATE_RULES.expensiveWork, [ctx.clientAddress, actor?.id])
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
