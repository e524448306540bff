import type { Db } from '@appg-hub/db'
import { newId } from '@appg-hub/db'
import type { Clock } from './clock'
import { plainTextLines, withoutControls } from './text/control-chars'

export interface EmailInput {
  to: string
  subject: string
  body: string
  kind: string
}

/**
 * Every email goes through the outbox table, written in the same transaction as the change it
 * reports; a sender (SMTP, or the development mailbox page) delivers it afterwards.
 */
export async function queueEmail(db: Db, clock: Clock, email: EmailInput): Promise<void> {
  await db
    .insertInto('email_outbox')
    .values({
      id: newId(),
      to_email: email.to,
      subject: withoutControls(email.subject).slice(0, 300),
      body_text: plainTextLines(email.body),
      kind: email.kind,
      created_at: clock.now().toISOString(),
      sent_at: null,
      attempts: 0,
      last_error: null,
    })
    .execute()
}

/** Several emails in one statement (per few hundred), in the caller's transaction. */
export async function queueEmails(db: Db, clock: Clock, emails: EmailInput[]): Promise<void> {
  const now = clock.now().toISOString()
  for (let i = 0; i < emails.length; i += 200) {
    await db
      .insertInto('email_outbox')
      .values(
        emails.slice(i, i + 200).map((email) => ({
          id: newId(),
          to_email: email.to,
          subject: withoutControls(email.subject).slice(0, 300),
          body_text: plainTextLines(email.body),
          kind: email.kind,
          created_at: now,
          sent_at: null,
          attempts: 0,
          last_error: null,
        })),
      )
      .execute()
  }
}
