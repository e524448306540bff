/** Time comes from here so that tests can move it (expiry, idle timeouts, digests). */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock tests set and move by hand. */
export function fakeClock(start = new Date('2026-06-29T09:00:00.000Z')): Clock & {
  set(date: Date | string): void
  advance(ms: number): void
} {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (date) => {
      current = new Date(date)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}

export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export function addMs(date: Date, ms: number): string {
  return new Date(date.getTime() + ms).toISOString()
}
