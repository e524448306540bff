/** The development mailbox (demo mode): what the outbox holds, newest first. */
import type { ServiceContext } from '../context'

export interface MailboxEntry {
  id: string
  to: string
  subject: string
  body: string
  kind: string
  createdAt: string
  sentAt: string | null
}

/** Who may read it is the API's to decide (`dev.mailbox`); `to` keeps it to one address. */
export async function readMailbox(
  ctx: Pick<ServiceContext, 'db'>,
  input: { to?: string; limit?: number },
): Promise<MailboxEntry[]> {
  let query = ctx.db
    .selectFrom('email_outbox')
    .select([
      'id',
      'to_email as to',
      'subject',
      'body_text as body',
      'kind',
      'created_at as createdAt',
      'sent_at as sentAt',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(input.limit ?? 50)
  if (input.to) query = query.where('to_email', '=', input.to.trim().toLowerCase())
  return query.execute()
}
