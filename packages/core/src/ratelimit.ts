/**
 * Rate limits held in the database (docs/architecture.md §7), so that they hold the same on Node and on
 * Workers, where isolates share no memory: a fixed window per key.
 */
import { chargeCounters, incrementCounter } from '@appg-hub/db'
import { HOUR, MINUTE } from './clock'
import type { ServiceContext } from './context'

export interface RateRule {
  /** What is limited, for the key and the message ("sign-in attempts"). */
  name: string
  limit: number
  windowMs: number
}

export const RATE_RULES = {
  /** Password checks by a signed-in person (changing the password or address, erasing the account). */
  passwordChecksPerAccount: { name: 'password checks for this account', limit: 10, windowMs: 15 * MINUTE },
  signInPerAddress: { name: 'sign-in attempts from your address', limit: 50, windowMs: 15 * MINUTE },
  signUpPerAddress: { name: 'new accounts from your address', limit: 10, windowMs: HOUR },
  passwordPerAccount: { name: 'password changes for this account', limit: 5, windowMs: HOUR },
  resetPerAccount: { name: 'password reset emails for this address', limit: 3, windowMs: HOUR },
  resetPerAddress: { name: 'password reset requests from your address', limit: 10, windowMs: HOUR },
  /** Counted per invitation: each person invited, each group invited. */
  invitationsPerPerson: { name: 'invitations', limit: 200, windowMs: HOUR },
  exportsPerPerson: { name: 'downloads', limit: 20, windowMs: HOUR },
  /** Attached files, per person (or per address when signed out). */
  fileDownloads: { name: 'file downloads', limit: 300, windowMs: HOUR },
  /**
   * Work that costs far more than a query (rendering a document, a diff, hashing a password), per
   * address and per person, so that no one caller can keep the server busy for the others.
   */
  expensiveWork: {
    name: 'expensive requests (previews, comparisons, password checks)',
    limit: 120,
    windowMs: 10 * MINUTE,
  },
} as const satisfies Record<string, RateRule>

export interface RateDecision {
  allowed: boolean
  /** Seconds until the window resets (for Retry-After). */
  retryAfterSeconds: number
}

/**
 * Counts `cost` attempts (one by default; an invitation to five groups costs five) against `rule`
 * for `subject` (an email, an address, a person id).
 */
export async function consumeRate(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  rule: RateRule,
  subject: string,
  cost = 1,
): Promise<RateDecision> {
  const { key, windowStart, retryAfterSeconds } = rateWindow(clock.now().getTime(), rule, subject)
  const count = await incrementCounter(db, key, windowStart, cost)
  return { allowed: count <= rule.limit, retryAfterSeconds }
}

/** The counter's key and current window for `subject` under `rule` at `now` (ms). */
function rateWindow(now: number, rule: RateRule, subject: string) {
  const windowStart = Math.floor(now / rule.windowMs) * rule.windowMs
  return {
    key: `${rule.name}|${subject}`.slice(0, 200),
    windowStart: new Date(windowStart).toISOString(),
    retryAfterSeconds: Math.max(1, Math.ceil((windowStart + rule.windowMs - now) / 1000)),
  }
}

/**
 * `consumeRate` for several checks (an address and a person) in one statement, on the edge one
 * round trip instead of one each: the index of the first check over its limit with its wait, or
 * null when every one is within. Each subject keeps its own counter and limit; unlike checks made
 * one after another, a refused request is counted against every subject, not only up to the first
 * one over. The checks' keys must differ.
 */
export async function consumeRates(
  { db, clock }: Pick<ServiceContext, 'db' | 'clock'>,
  checks: { rule: RateRule; subject: string }[],
  cost = 1,
): Promise<{ index: number; retryAfterSeconds: number } | null> {
  const now = clock.now().getTime()
  const windows = checks.map((c) => ({ ...rateWindow(now, c.rule, c.subject), limit: c.rule.limit }))
  const index = await chargeCounters(
    db,
    windows.map((w) => ({ key: w.key, windowStart: w.windowStart, by: cost, limit: w.limit })),
  )
  return index === -1 ? null : { index, retryAfterSeconds: windows[index]!.retryAfterSeconds }
}
