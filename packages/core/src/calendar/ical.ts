/**
 * A small iCalendar (RFC 5545) writer for session calendars: UTC times (`Z`), so no VTIMEZONE is
 * needed and every client shows the right local time; text escaped (§3.3.11) and lines folded at
 * 75 octets without splitting a UTF-8 character (§3.1); CRLF line ends.
 */
import { withoutControls } from '../text/control-chars'

export interface CalendarEvent {
  /** Stable across changes: `<session id>@appg-hub`. */
  uid: string
  /** When this version of the event was written (the session's last change). */
  stamp: string
  start: string
  end: string
  summary: string
  description?: string | null
  location?: string | null
  url?: string | null
  /** Raised on every change (iCalendar SEQUENCE). */
  sequence: number
  status: 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED'
  /** Names of the hosting groups, owner first. */
  categories?: string[]
}

export interface Calendar {
  name: string
  events: CalendarEvent[]
}

/** `2026-10-25T18:00:00.000Z` → `20261025T180000Z`. */
export function icalUtc(iso: string): string {
  return `${new Date(iso).toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`
}

/** Escapes a TEXT value: backslash, semicolon, comma and newlines. */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

const encoder = new TextEncoder()

/** Folds one content line into pieces of at most 75 octets, continuation lines starting with a space. */
export function foldLine(line: string): string {
  if (encoder.encode(line).length <= 75) return line
  const out: string[] = []
  let current = ''
  let size = 0
  let limit = 75
  for (const char of line) {
    const n = encoder.encode(char).length
    if (size + n > limit) {
      out.push(current)
      current = ''
      size = 0
      limit = 74 // the leading space takes one octet
    }
    current += char
    size += n
  }
  out.push(current)
  return out.join('\r\n ')
}

/** Every value passes here after escaping, so no control character (§3.3.11) reaches the file. */
function property(name: string, value: string): string {
  return foldLine(`${name}:${withoutControls(value)}`)
}

/** The whole VCALENDAR text, CRLF-terminated. */
export function renderCalendar(calendar: Calendar): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//APPG Hub//Sessions//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    property('X-WR-CALNAME', escapeText(calendar.name)),
    'X-WR-TIMEZONE:Europe/London',
  ]
  for (const e of calendar.events) {
    lines.push('BEGIN:VEVENT')
    lines.push(property('UID', e.uid))
    lines.push(`DTSTAMP:${icalUtc(e.stamp)}`)
    lines.push(`DTSTART:${icalUtc(e.start)}`)
    lines.push(`DTEND:${icalUtc(e.end)}`)
    lines.push(`SEQUENCE:${e.sequence}`)
    lines.push(`STATUS:${e.status}`)
    lines.push(property('SUMMARY', escapeText(e.summary)))
    if (e.location) lines.push(property('LOCATION', escapeText(e.location)))
    if (e.description) lines.push(property('DESCRIPTION', escapeText(e.description)))
    if (e.categories?.length) lines.push(property('CATEGORIES', e.categories.map(escapeText).join(',')))
    if (e.url) lines.push(property('URL', e.url))
    lines.push('END:VEVENT')
  }
  lines.push('END:VCALENDAR')
  return `${lines.join('\r\n')}\r\n`
}
