/**
 * How outbox rows leave the hub. A transport sends one message; the SMTP one lives with the Node
 * server (apps/server/src/mail-smtp.ts). Without one ("none"), nothing is sent and the rows stay
 * readable in the development mailbox page.
 */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  /** The same words as `text`, as plain accessible HTML (mail/html.ts). */
  html: string
}

export interface MailTransport {
  /** For logs: 'smtp', 'none', … */
  readonly name: string
  /** Absent for a transport that delivers nothing (the development mailbox). */
  send?(mail: OutgoingMail): Promise<void>
}

/** The development mailbox: rows stay unsent, to be read on the mailbox page. */
export const noMailTransport: MailTransport = { name: 'none' }
