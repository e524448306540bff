/** The emails that carry notifications: one at once, or a daily digest of several. */
import type { EmailInput } from '../outbox'
import { notificationText } from './kinds'

const SETTINGS_PATH = '/notifications'

function footer(publicUrl: string, how: string): string {
  return `${how} To change how often APPG Hub emails you, open ${publicUrl}${SETTINGS_PATH}.`
}

export function immediateEmail(
  to: string,
  n: { kind: string; text: string; excerpt?: string | null; path: string },
  publicUrl: string,
): EmailInput {
  const body = [
    n.text,
    ...(n.excerpt ? ['', `“${n.excerpt}”`] : []),
    '',
    `Open it: ${publicUrl}${n.path}`,
    '',
    footer(publicUrl, 'You receive an email for each notification.'),
  ]
  return { to, kind: `notification.${n.kind}`, subject: n.text, body: body.join('\n') }
}

export interface DigestEntry {
  text: string
  excerpt: string | null
  path: string | null
  createdAt: string
}

export function digestEmail(to: string, entries: DigestEntry[], publicUrl: string): EmailInput {
  const count = entries.length === 1 ? '1 notification' : `${entries.length} notifications`
  const lines = [`Your APPG Hub digest: ${count} since the last one.`, '']
  for (const e of entries) {
    lines.push(`• ${notificationText(e.text, e.excerpt)}`)
    if (e.path) lines.push(`  ${publicUrl}${e.path}`)
    lines.push('')
  }
  lines.push(footer(publicUrl, 'You receive one digest a day.'))
  return { to, kind: 'notification.digest', subject: `APPG Hub digest: ${count}`, body: lines.join('\n') }
}
