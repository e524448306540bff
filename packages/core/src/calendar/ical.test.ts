import { describe, expect, it } from 'vitest'
import { escapeText, foldLine, icalUtc, renderCalendar } from './ical'

describe('the iCalendar writer', () => {
  it('writes UTC date-times', () => {
    expect(icalUtc('2026-10-25T18:00:00.000Z')).toBe('20261025T180000Z')
  })

  it('escapes backslashes, semicolons, commas and newlines', () => {
    expect(escapeText('Room 10; House of Commons, London\nbring ID \\ pass')).toBe(
      'Room 10\\; House of Commons\\, London\\nbring ID \\\\ pass',
    )
  })

  it('folds at 75 octets without splitting a multi-byte character', () => {
    const line = `SUMMARY:${'é'.repeat(100)}`
    const folded = foldLine(line)
    const pieces = folded.split('\r\n')
    expect(pieces.length).toBeGreaterThan(1)
    for (const piece of pieces) expect(new TextEncoder().encode(piece).length).toBeLessThanOrEqual(75)
    expect(pieces.slice(1).every((p) => p.startsWith(' '))).toBe(true)
    expect(pieces.map((p, i) => (i ? p.slice(1) : p)).join('')).toBe(line)
    expect(foldLine('SHORT:x')).toBe('SHORT:x')
  })

  it('renders a calendar with CRLF line ends', () => {
    const text = renderCalendar({
      name: 'Test',
      events: [
        {
          uid: 'abc@appg-hub',
          stamp: '2026-06-29T09:00:00.000Z',
          start: '2026-07-01T09:00:00.000Z',
          end: '2026-07-01T10:00:00.000Z',
          summary: 'A, B',
          sequence: 2,
          status: 'CANCELLED',
        },
      ],
    })
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.split('\r\n')).toContain('SUMMARY:A\\, B')
    expect(text.split('\r\n')).toContain('STATUS:CANCELLED')
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/)
  })
})
