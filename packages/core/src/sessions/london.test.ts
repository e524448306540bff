import { describe, expect, it } from 'vitest'
import { formatClockTime, formatLondonDateTime, formatLondonRange, londonToUtc, toLondon } from './london'

describe('Europe/London times', () => {
  it('converts winter and summer wall-clock times to UTC', () => {
    expect(londonToUtc('2026-01-15', '10:00')).toBe('2026-01-15T10:00:00.000Z')
    expect(londonToUtc('2026-07-01', '10:00')).toBe('2026-07-01T09:00:00.000Z')
  })

  it('is right on either side of the October change (25 October 2026)', () => {
    expect(londonToUtc('2026-10-24', '18:00')).toBe('2026-10-24T17:00:00.000Z')
    expect(londonToUtc('2026-10-25', '18:00')).toBe('2026-10-25T18:00:00.000Z')
    // 01:30 happens twice; the first (BST) is taken.
    expect(londonToUtc('2026-10-25', '01:30')).toBe('2026-10-25T00:30:00.000Z')
    expect(toLondon('2026-10-25T01:30:00.000Z')).toEqual({ date: '2026-10-25', time: '01:30' })
  })

  it('refuses a time the March change skips, and dates that do not exist', () => {
    expect(() => londonToUtc('2026-03-29', '01:30')).toThrow(/does not exist/)
    expect(londonToUtc('2026-03-29', '02:00')).toBe('2026-03-29T01:00:00.000Z')
    expect(() => londonToUtc('2026-02-30', '10:00')).toThrow(/does not exist/)
    expect(() => londonToUtc('2026-02-01', '24:10')).toThrow()
    expect(() => londonToUtc('1 Feb', '10:00')).toThrow(/YYYY-MM-DD/)
  })

  it('round-trips through toLondon and formats a range', () => {
    expect(toLondon(londonToUtc('2026-06-30', '09:05'))).toEqual({ date: '2026-06-30', time: '09:05' })
    expect(formatLondonRange('2026-10-27T10:00:00.000Z', '2026-10-27T11:30:00.000Z')).toBe(
      'Tuesday 27 October 2026, 10am–11:30am',
    )
    expect(formatLondonRange('2026-07-15T21:00:00.000Z', '2026-07-15T23:30:00.000Z')).toBe(
      'Wednesday 15 July 2026, 10pm–12:30am on Thursday 16 July 2026',
    )
  })

  it('writes dates and times in words, in London time, GOV.UK style', () => {
    expect(formatLondonDateTime('2026-12-08T09:30:00.000Z')).toBe('Tuesday 8 December 2026, 9:30am')
    // British Summer Time: 11:00 UTC is midday in London.
    expect(formatLondonDateTime('2026-07-15T11:00:00.000Z')).toBe('Wednesday 15 July 2026, midday')
    expect(formatLondonDateTime('2026-01-04T00:00:00.000Z')).toBe('Sunday 4 January 2026, midnight')
    expect(formatLondonDateTime('2026-03-01T13:05:00.000Z')).toBe('Sunday 1 March 2026, 1:05pm')
    expect(formatClockTime('00:30')).toBe('12:30am')
    expect(formatClockTime('12:45')).toBe('12:45pm')
  })
})
