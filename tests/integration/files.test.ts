import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { FILES_LIMITS, filesJourney } from '../support/files-journey'
import { type HubServer, startHubServer } from '../support/server'

/** Attached files over HTTP against the Node server and its disk store, on SQLite and MySQL. */
const targets: { name: string; databaseUrl?: () => Promise<string> }[] = [{ name: 'sqlite' }]
if (process.env.MYSQL_URL)
  targets.push({
    name: 'mysql',
    databaseUrl: async () => (await import('@appg-hub/db/testing')).createMysqlDatabase(),
  })

describe.each(targets)('files over HTTP on Node + $name', (target) => {
  let server: HubServer
  beforeAll(async () => {
    server = await startHubServer({ databaseUrl: await target.databaseUrl?.(), config: FILES_LIMITS })
  })
  afterAll(async () => {
    await server?.close()
    await (await import('@appg-hub/db/testing')).dropMysqlDatabases()
  })
  filesJourney(() => server)

  it('keeps only complete, accepted files on disk', () => {
    const stored = readdirSync(join(server.filesDir, 'attachments'))
    expect(stored.filter((name) => name.endsWith('.part'))).toEqual([])
    // Refused uploads (spoofed, oversized) leave nothing behind: every stored file has its row.
    return server.db
      .selectFrom('attachment')
      .select('id')
      .execute()
      .then((rows) => expect(stored.sort()).toEqual(rows.map((r) => r.id).sort()))
  })
})
