/** Delivering the outbox: unsent rows, oldest first, through a transport; each row records the outcome. */
import type { Db } from '@appg-hub/db'
import { type Clock, systemClock } from '../clock'
import { emailHtml } from './html'
import type { MailTransport } from './transport'

/** A row that failed this many times is left for a person to look at. */
export const MAX_ATTEMPTS = 5

export interface DeliveryReport {
  sent: number
  failed: number
}

/**
 * Sends what is waiting (up to `limit` rows). A sent row gets `sent_at`; a failure raises
 * `attempts` and keeps `last_error`, and the row is tried again on a later run until it has
 * failed `MAX_ATTEMPTS` times. With the "none" transport nothing is touched.
 */
export async function deliverOutbox(
  db: Db,
  transport: MailTransport,
  options: { clock?: Clock; limit?: number } = {},
): Promise<DeliveryReport> {
  const report = { sent: 0, failed: 0 }
  if (!transport.send) return report
  const clock = options.clock ?? systemClock
  const rows = await db
    .selectFrom('email_outbox')
    .select(['id', 'to_email', 'subject', 'body_text', 'attempts'])
    .where('sent_at', 'is', null)
    .where('attempts', '<', MAX_ATTEMPTS)
    .orderBy('created_at')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute()
  for (const row of rows) {
    try {
      await transport.send({
        to: row.to_email,
        subject: row.subject,
        text: row.body_text,
        html: emailHtml(row.subject, row.body_text),
      })
      await db
        .updateTable('email_outbox')
        .set({ sent_at: clock.now().toISOString(), attempts: Number(row.attempts) + 1, last_error: null })
        .where('id', '=', row.id)
        .execute()
      report.sent++
    } catch (error) {
      await db
        .updateTable('email_outbox')
        .set({
          attempts: Number(row.attempts) + 1,
          last_error: String((error as Error)?.message ?? error).slice(0, 1000),
        })
        .where('id', '=', row.id)
        .execute()
      report.failed++
    }
  }
  return report
}
