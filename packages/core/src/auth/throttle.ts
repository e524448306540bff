/**
 * Sign-in throttling that slows a guesser without locking the owner out (issue #13):
 *
 * - Per account and source (the device, when it signed in to this account before; else the
 *   address): three failures are free, then each further attempt waits twice as long as the last
 *   (1 s, 2 s, 4 s, … up to 15 minutes). A success clears it.
 * - Per account, from everywhere: past 20 failures in 15 minutes, only devices that signed in to
 *   the account before may try; the owner's own browser still gets in, a guesser's does not.
 * - Per address, whatever the account (RATE_RULES.signInPerAddress), counted by the caller.
 *
 * Everything lives in the `rate_limit` table (key, window_start, count), so that it holds across
 * Workers isolates and needs no table of its own: a back-off row keeps its failure count and the
 * time of the last failure; a known-device row the time of the device's last sign-in.
 */
import { type Db, incrementCounter } from '@appg-hub/db'
import type { Clock } from '../clock'
import { DAY, MINUTE } from '../clock'
import type { ServiceContext } from '../context'
import { hashToken, newToken } from './tokens'

export const FREE_FAILURES = 3
export const MAX_BACKOFF_MS = 15 * MINUTE
export const ACCOUNT_FAILURES = { limit: 20, windowMs: 15 * MINUTE }
/** A device is recognised for this long after its last sign-in. */
export const KNOWN_DEVICE_MS = 90 * DAY
export const DEVICE_COOKIE = 'appg_device'

export interface SignInSource {
  email: string
  address: string | null
  /** The device cookie, if the browser sent one. */
  deviceToken: string | null
}

const pairKey = (email: string, source: string) => `sign-in back-off|${email}|${source}`.slice(0, 200)
const deviceKey = (email: string, hash: string) => `known device|${email}|${hash}`.slice(0, 200)
const accountKey = (email: string) => `sign-in failures|${email}`.slice(0, 200)

function backoffMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0
  return Math.min(MAX_BACKOFF_MS, 1000 * 2 ** (failures - FREE_FAILURES))
}

async function knownDevice(
  db: Db,
  clock: Clock,
  email: string,
  token: string | null,
): Promise<string | null> {
  if (!token || !/^[a-z2-7]{32}$/.test(token)) return null
  const hash = await hashToken(token)
  const row = await db
    .selectFrom('rate_limit')
    .select('window_start')
    .where('key', '=', deviceKey(email, hash))
    .executeTakeFirst()
  if (!row || clock.now().getTime() - new Date(row.window_start).getTime() > KNOWN_DEVICE_MS) return null
  return hash
}

/** Where the back-off is counted: the known device, else the address. */
async function sourceOf(db: Db, clock: Clock, source: SignInSource) {
  const device = await knownDevice(db, clock, source.email, source.deviceToken)
  return {
    device,
    key: pairKey(source.email, device ? `device:${device}` : `address:${source.address ?? '?'}`),
  }
}

/** Seconds to wait before this attempt may run, or 0 when it may run now. */
export async function signInWait(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  source: SignInSource,
): Promise<number> {
  const { db, clock } = ctx
  const now = clock.now().getTime()
  const { device, key } = await sourceOf(db, clock, source)
  const pair = await db
    .selectFrom('rate_limit')
    .select(['count', 'window_start'])
    .where('key', '=', key)
    .executeTakeFirst()
  if (pair) {
    const until = new Date(pair.window_start).getTime() + backoffMs(Number(pair.count))
    if (until > now) return Math.ceil((until - now) / 1000)
  }
  if (device) return 0
  const windowStart = Math.floor(now / ACCOUNT_FAILURES.windowMs) * ACCOUNT_FAILURES.windowMs
  const account = await db
    .selectFrom('rate_limit')
    .select('count')
    .where('key', '=', accountKey(source.email))
    .where('window_start', '=', new Date(windowStart).toISOString())
    .executeTakeFirst()
  if (account && Number(account.count) >= ACCOUNT_FAILURES.limit)
    return Math.ceil((windowStart + ACCOUNT_FAILURES.windowMs - now) / 1000)
  return 0
}

/** Counts a failed attempt against the source's back-off and the account. */
export async function recordSignInFailure(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  source: SignInSource,
): Promise<void> {
  const { db, clock } = ctx
  const now = clock.now()
  const { key } = await sourceOf(db, clock, source)
  const pair = await db.selectFrom('rate_limit').select('count').where('key', '=', key).executeTakeFirst()
  if (pair)
    await db
      .updateTable('rate_limit')
      .set({ count: Number(pair.count) + 1, window_start: now.toISOString() })
      .where('key', '=', key)
      .execute()
  else await incrementCounter(db, key, now.toISOString())
  const windowStart = Math.floor(now.getTime() / ACCOUNT_FAILURES.windowMs) * ACCOUNT_FAILURES.windowMs
  await incrementCounter(db, accountKey(source.email), new Date(windowStart).toISOString())
}

/**
 * Clears the source's back-off and remembers the device; answers the device token to keep in the
 * browser (the one it sent, or a new one).
 */
export async function recordSignInSuccess(
  ctx: Pick<ServiceContext, 'db' | 'clock'>,
  source: SignInSource,
): Promise<string> {
  const { db, clock } = ctx
  const { device, key } = await sourceOf(db, clock, source)
  await db.deleteFrom('rate_limit').where('key', '=', key).execute()
  // An address's back-off goes too: the owner has shown the password from there.
  await db
    .deleteFrom('rate_limit')
    .where('key', '=', pairKey(source.email, `address:${source.address ?? '?'}`))
    .execute()
  const token = device && source.deviceToken ? source.deviceToken : newToken()
  const hash = device ?? (await hashToken(token))
  const now = clock.now().toISOString()
  const known = deviceKey(source.email, hash)
  const updated = await db
    .updateTable('rate_limit')
    .set({ window_start: now })
    .where('key', '=', known)
    .executeTakeFirst()
  if (!Number(updated.numUpdatedRows)) await incrementCounter(db, known, now)
  return token
}
