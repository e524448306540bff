import { deliverOutbox, expireInvitations, sendDigests, systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import type { NodeSettings } from '../config'
import { createSmtpTransport, smtpSettingsFrom } from '../mail-smtp'

/** Rounds of delivery per run (100 emails each): what is left waits for the next run. */
const MAX_ROUNDS = 50

/**
 * The daily job: writes down invitations that expired, queues each digest reader's email, then
 * delivers the outbox by SMTP when SMTP_URL is set (else the emails stay in the outbox, readable
 * on the development mailbox page).
 */
export async function sendDigestsCommand(db: Db, settings: NodeSettings): Promise<void> {
  await migrateToLatest(db)
  const { config } = settings
  const clock = systemClock
  const expired = await expireInvitations(db, { clock, config }, 'all')
  if (expired) console.log(`Marked ${expired} invitation${expired === 1 ? '' : 's'} expired.`)
  const digests = await sendDigests(db, clock, config)
  console.log(
    `Queued ${digests.people} digest email${digests.people === 1 ? '' : 's'} (${digests.notifications} notifications).`,
  )
  const smtp = smtpSettingsFrom(settings)
  if (!smtp) {
    console.log('SMTP_URL is not set: the emails wait in the outbox.')
    return
  }
  const transport = createSmtpTransport(smtp)
  let sent = 0
  let failed = 0
  try {
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const report = await deliverOutbox(db, transport, { clock })
      sent += report.sent
      failed += report.failed
      if (report.sent + report.failed < 100 || report.sent === 0) break
    }
  } finally {
    transport.close()
  }
  console.log(
    `Sent ${sent} email${sent === 1 ? '' : 's'} by SMTP${failed ? `; ${failed} failed and will be tried again` : ''}.`,
  )
}
