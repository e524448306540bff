import { deliverOutbox, systemClock } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import type { NodeSettings } from '../config'
import { createDiskStore } from '../files/disk-store'
import { createSmtpTransport, smtpSettingsFrom } from '../mail-smtp'
import { startNodeServer } from '../node'
import { loadFirstRegister } from './first-register'
import { seedDemoWorld } from './seed-demo'

/** Migrates, loads a Register (and in demo mode the demo world) into an empty database, and serves the hub until stopped. */
export async function start(
  db: Db,
  settings: NodeSettings,
  options: { verbose?: boolean } = {},
): Promise<void> {
  await migrateToLatest(db)
  const { n } = await db
    .selectFrom('appg')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(n) === 0) {
    console.log('Empty database: loading the Register (a few seconds, once).')
    await loadFirstRegister(db, settings.settings, options)
  }
  const accounts = settings.config.demoMode ? await seedDemoWorld(db) : []
  const server = await startNodeServer({
    db,
    clock: systemClock,
    config: settings.config,
    host: settings.host,
    port: settings.port,
    files: createDiskStore(settings.filesDir),
    headersTimeoutMs: settings.headersTimeoutMs,
    requestTimeoutMs: settings.requestTimeoutMs,
  })
  console.log(`\nAPPG Hub is running at ${settings.config.publicUrl}  (listening on ${server.url})`)
  if (accounts.length) {
    console.log(`\nDemo accounts (password for all: ${accounts[0]!.password}):`)
    for (const a of accounts) {
      const roles = a.groups.map((g) => `${g.role} of ${g.slug}`).join(', ')
      console.log(`  ${a.email.padEnd(42)} ${roles || 'site administrator'}`)
    }
  }
  const stopMail = startMailDelivery(db, settings)
  console.log('\nPress Ctrl+C to stop.')
  const stop = async () => {
    stopMail()
    await server.close()
    await db.destroy()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

/** How often the outbox is sent when SMTP_URL is set. */
const DELIVERY_INTERVAL_MS = 15_000

/**
 * With SMTP_URL set, sends what the outbox holds every few seconds (immediate emails; digests are
 * queued by `hub send-digests`, run daily). Without it, emails stay in the outbox for the mailbox page.
 */
function startMailDelivery(db: Db, settings: NodeSettings): () => void {
  const smtp = smtpSettingsFrom(settings)
  if (!smtp) {
    console.log('\nEmail: SMTP_URL is not set, so emails stay in the outbox (see /mailbox in demo mode).')
    return () => {}
  }
  console.log(`\nEmail: sending by SMTP through ${new URL(smtp.url).host} as ${smtp.from}.`)
  const transport = createSmtpTransport(smtp)
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      const report = await deliverOutbox(db, transport, { clock: systemClock })
      if (report.failed) console.error(`Email: ${report.failed} could not be sent; they will be tried again.`)
    } catch (error) {
      console.error(`Email: delivery failed: ${(error as Error).message}`)
    } finally {
      running = false
    }
  }, DELIVERY_INTERVAL_MS)
  return () => {
    clearInterval(timer)
    transport.close()
  }
}
