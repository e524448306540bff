import { systemClock } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { migrateToLatest } from '@appg-hub/db'
import { readSettings } from '../config'
import { startNodeServer } from '../node'
import { DEMO_EDITION, MEMBERS_FILE, registerDataDir } from './data-files'
import { importRegisterFile } from './import-register'
import { seedDemoWorld } from './seed-demo'

/** Migrates, loads the demo world into an empty database, and serves the hub until stopped. */
export async function start(db: Db): Promise<void> {
  const settings = readSettings()
  await migrateToLatest(db)
  const { n } = await db
    .selectFrom('appg')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(n) === 0) {
    console.log('Empty database: loading the Register and the demo world (a few seconds, once).')
    const dir = registerDataDir()
    await importRegisterFile(db, dir + DEMO_EDITION, 'edition')
    await importRegisterFile(db, dir + MEMBERS_FILE, 'members')
  }
  const accounts = settings.config.demoMode ? await seedDemoWorld(db) : []
  const server = await startNodeServer({
    db,
    clock: systemClock,
    config: settings.config,
    host: settings.host,
    port: settings.port,
  })
  console.log(`\nAPPG Hub is running at ${settings.config.publicUrl}  (listening on ${server.url})`)
  if (accounts.length) {
    console.log(`\nDemo accounts (password for all: ${accounts[0]!.password}):`)
    for (const a of accounts) {
      const roles = a.groups.map((g) => `${g.role} of ${g.slug}`).join(', ')
      console.log(`  ${a.email.padEnd(42)} ${roles || 'site administrator'}`)
    }
  }
  console.log('\nPress Ctrl+C to stop.')
  const stop = async () => {
    await server.close()
    await db.destroy()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}
