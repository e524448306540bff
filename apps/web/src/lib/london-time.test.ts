import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { clockTime, londonClock, MONTHS, SHORT_MONTHS } from './london-time'

/** What Intl says a London clock shows, to check the hand-written rule against. */
function intlLondon(date: Date) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZone: 'Europe/London',
    })
      .formatToParts(date)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  )
  return { ...parts, month: (parts.month ?? 0) - 1 }
}

const FROM = Date.UTC(1996, 0, 1)
const TO = Date.UTC(2100, 0, 1)

describe('londonClock', () => {
  it('agrees with Intl on any minute from 1996 to 2099', () => {
    fc.assert(
      fc.property(fc.integer({ min: FROM / 60_000, max: TO / 60_000 - 1 }), (minutes) => {
        const date = new Date(minutes * 60_000)
        expect(londonClock(date)).toEqual(intlLondon(date))
      }),
      { numRuns: 2000 },
    )
  })

  it('agrees with Intl either side of each change of the clocks', () => {
    for (let year = 1996; year < 2100; year++)
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0, 1))
        const change = lastDay.getTime() - lastDay.getUTCDay() * 86_400_000
        for (const delta of [-60_000, 0, 60_000]) {
          const date = new Date(change + delta)
          expect(londonClock(date), date.toISOString()).toEqual(intlLondon(date))
        }
      }
  })

  it('reads summer time: 23:30 UTC on 30 June is 00:30 on 1 July in London', () => {
    expect(londonClock(new Date('2026-06-30T23:30:00Z'))).toEqual({
      year: 2026,
      month: 6,
      day: 1,
      hour: 0,
      minute: 30,
    })
  })

  it('leaves instants before 1996 to Intl', () => {
    expect(londonClock(new Date('1995-07-01T12:00:00Z'))).toBeNull()
  })
})

describe('month names and the clock', () => {
  it('are the names Intl gives in British English', () => {
    for (let month = 0; month < 12; month++) {
      const date = new Date(Date.UTC(2026, month, 15, 12))
      expect(MONTHS[month]).toBe(new Intl.DateTimeFormat('en-GB', { month: 'long' }).format(date))
      expect(SHORT_MONTHS[month]).toBe(new Intl.DateTimeFormat('en-GB', { month: 'short' }).format(date))
    }
  })

  it('writes a twelve-hour time with noon and midnight as 12', () => {
    expect(clockTime(0, 5)).toBe('12:05am')
    expect(clockTime(9, 0)).toBe('9:00am')
    expect(clockTime(12, 30)).toBe('12:30pm')
    expect(clockTime(14, 5)).toBe('2:05pm')
    expect(clockTime(23, 59)).toBe('11:59pm')
  })
})
