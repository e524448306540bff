import { describe, expect, it } from 'vitest'
import { formatCount, formatDate, formatDateTime, formatShortDate, plural } from './format'

describe('plural', () => {
  it('uses the singular for one only', () => {
    expect(plural(1, 'comment')).toBe('1 comment')
    expect(plural(0, 'comment')).toBe('0 comments')
    expect(plural(2, 'person', 'people')).toBe('2 people')
    expect(plural(1204, 'group')).toBe('1,204 groups')
  })
})

describe('formatCount', () => {
  it('puts commas between thousands as en-GB does', () => {
    for (const n of [0, 7, 999, 1000, 12_345, 1_234_567, -4321, 9_007_199_254_740_991])
      expect(formatCount(n)).toBe(n.toLocaleString('en-GB'))
  })
})

describe('dates', () => {
  it('writes a day, a short day and a time in London', () => {
    expect(formatDate('2026-03-03')).toBe('3 March 2026')
    expect(formatShortDate('2026-09-03')).toBe('3 Sept 2026')
    expect(formatDateTime('2026-03-03T14:05:00Z')).toBe('3 March 2026, 2:05pm')
    // Summer time: an hour ahead of UTC, across midnight.
    expect(formatDateTime('2026-07-31T23:10:00.000Z')).toBe('1 August 2026, 12:10am')
    expect(formatDateTime('2026-07-01T11:30:00Z')).toBe('1 July 2026, 12:30pm')
  })

  it('writes older instants through Intl, and keeps text that is not a date', () => {
    expect(formatDateTime('1990-07-01T11:30:00Z')).toBe('1 July 1990, 12:30pm')
    expect(formatDate('1985-12-25')).toBe('25 December 1985')
    expect(formatDate('sometime')).toBe('sometime')
    expect(formatDate(null)).toBe('')
  })
})
