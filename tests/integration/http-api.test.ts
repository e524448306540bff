import { afterAll, beforeAll, describe } from 'vitest'
import { apiJourney, jointWorkJourney } from '../support/api-journey'
import { type HubServer, startHubServer } from '../support/server'

/** The API journey over HTTP against the Node server, on SQLite and (with MYSQL_URL) on MySQL. */
const targets: { name: string; databaseUrl?: () => Promise<string> }[] = [{ name: 'sqlite' }]
if (process.env.MYSQL_URL)
  targets.push({
    name: 'mysql',
    databaseUrl: async () => (await import('@appg-hub/db/testing')).createMysqlDatabase(),
  })

describe.each(targets)('the API over HTTP on Node + $name', (target) => {
  let server: HubServer
  beforeAll(async () => {
    server = await startHubServer({ databaseUrl: await target.databaseUrl?.() })
  })
  afterAll(async () => {
    await server?.close()
    await (await import('@appg-hub/db/testing')).dropMysqlDatabases()
  })
  apiJourney(() => server)
  jointWorkJourney(() => server)
})
