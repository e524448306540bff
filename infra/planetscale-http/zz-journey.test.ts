import { afterAll, beforeAll, describe } from 'vitest'
import { apiJourney } from '../../tests/support/api-journey'
import { type HubServer, startHubServer } from '../../tests/support/server'
import { createMysqlDatabase, dropMysqlDatabases } from '../../tests/support/mysql-database'
import { type PlanetscaleHttp, startPlanetscaleHttp } from './server'

describe('API journey on Node through the PlanetScale stand-in', () => {
  let ps: PlanetscaleHttp
  let server: HubServer
  beforeAll(async () => {
    ps = await startPlanetscaleHttp({ mysqlUrl: await createMysqlDatabase('psh_journey'), idleTimeoutMs: 2000 })
    server = await startHubServer({ databaseUrl: ps.url })
  }, 240_000)
  afterAll(async () => {
    await server?.close()
    await ps?.close()
    await dropMysqlDatabases()
  })
  apiJourney(() => server)
})
