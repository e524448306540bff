import { clockTime, londonClock, MONTHS, SHORT_MONTHS } from './london-time'
import type { Role } from './trpc'

export const ROLE_NAMES: Record<Role, string> = {
  chair: 'Chair',
  officer: 'Officer',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
}

export const ROLES: Role[] = ['chair', 'officer', 'secretariat', 'member', 'observer']

export const ROLE_HINTS: Record<Role, string> = {
  chair: 'Manages everyone, answers for the group',
  officer: 'Manages members, sends and answers invitations',
  secretariat: 'Drafts documents, keeps the register entry current',
  member: 'Follows topics, comments, signs up to sessions',
  observer: 'Reads what the group shares',
}

export function roleName(role: string): string {
  return ROLE_NAMES[role as Role] ?? role
}

const LONDON = 'Europe/London'

function parse(value: string | null | undefined): Date | null {
  if (!value) return null
  const date = new Date(value.length === 10 ? `${value}T12:00:00Z` : value)
  return Number.isNaN(date.getTime()) ? null : date
}

/**
 * A date's fields in London; Intl (slow to start, see london-time.ts) only for instants before the
 * summer-time rule londonClock knows.
 */
function london(date: Date) {
  const clock = londonClock(date)
  if (clock) return clock
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
      timeZone: LONDON,
    })
      .formatToParts(date)
      .map((p) => [p.type, Number(p.value)]),
  )
  return {
    year: parts.year ?? 0,
    month: (parts.month ?? 1) - 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
  }
}

/** "3 March 2026"; the text as given when it is not a date. */
export function formatDate(value: string | null | undefined): string {
  const date = parse(value)
  if (!date) return value ?? ''
  const d = london(date)
  return `${d.day} ${MONTHS[d.month]} ${d.year}`
}

/** "3 Mar 2026", for tables. */
export function formatShortDate(value: string | null | undefined): string {
  const date = parse(value)
  if (!date) return value ?? ''
  const d = london(date)
  return `${d.day} ${SHORT_MONTHS[d.month]} ${d.year}`
}

/** "3 March 2026, 2:05pm" in London time. */
export function formatDateTime(value: string | null | undefined): string {
  const date = parse(value)
  if (!date) return value ?? ''
  const d = london(date)
  return `${d.day} ${MONTHS[d.month]} ${d.year}, ${clockTime(d.hour, d.minute)}`
}

export function truncate(text: string | null | undefined, max = 200): string {
  if (!text) return ''
  const clean = text.replace(/\s+/g, ' ').trim()
  if (clean.length <= max) return clean
  const cut = clean.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`
}

/**
 * "1,204": a whole number with commas between thousands,
 * other numbers as JavaScript writes them; without Intl, slow to start (see london-time.ts).
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n)
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',')
}

/** "1 comment", "2 comments", "1,204 people": the count and the word in the form English wants. */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`
}

/** Only paths on this site, so that `?next=` cannot send anyone elsewhere. */
export function safeNext(next: string | string[] | undefined, fallback = '/dashboard'): string {
  const value = Array.isArray(next) ? next[0] : next
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  return value
}

export function websiteHref(url: string): string {
  return /^https?:\/\//i.test(url) ? url : `https://${url}`
}

/** "A, B and C". */
export function listText(items: string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`
}
