/**
 * The All-Party Notices: group meetings should be notified at least a week ahead. A draft notice
 * for each session, and the warning when a public session is closer than that.
 */
import { DAY } from '../clock'
import { formatLondonRange } from './london'

export const NOTICE_DAYS = 7

export interface NoticeInput {
  title: string
  startsAt: string
  endsAt: string
  place: string | null
  onlineUrl: string | null
  groups: string[]
  contact: { name: string | null; email: string | null } | null
  speakers: string[]
}

export function noticeText(n: NoticeInput): string {
  const contact = n.contact
    ? [n.contact.name, n.contact.email].filter(Boolean).join(', ')
    : 'the group’s registered contact'
  const lines = [
    n.groups.join('; '),
    '',
    n.title,
    formatLondonRange(n.startsAt, n.endsAt),
    `Place: ${[n.place, n.onlineUrl].filter(Boolean).join(' / ') || 'to be confirmed'}`,
  ]
  if (n.speakers.length) lines.push(`Speakers: ${n.speakers.join('; ')}`)
  lines.push(`Contact: ${contact || 'the group’s registered contact'}`)
  return lines.join('\n')
}

/** A warning when a public session that is still to come starts in fewer than seven days. */
export function noticeWarning(
  visibility: string,
  status: string,
  startsAt: string,
  now: Date,
): string | null {
  if (visibility !== 'public' || (status !== 'draft' && status !== 'scheduled')) return null
  const ahead = Date.parse(startsAt) - now.getTime()
  if (ahead < 0 || ahead >= NOTICE_DAYS * DAY) return null
  return 'This public session is less than seven days away: the All-Party Notices ask for a week’s notice of group meetings.'
}

/** Speaker names from the agenda, each once, in agenda order. */
export function agendaSpeakers(items: { speakers: string | null }[]): string[] {
  const seen = new Set<string>()
  for (const item of items)
    for (const name of (item.speakers ?? '').split(/[;\n]/)) {
      const n = name.trim()
      if (n) seen.add(n)
    }
  return [...seen]
}
