/**
 * The database goes away and comes back: requests get 503 with a plain message (never a 500),
 * the process stays up, and it recovers by itself, on MySQL over the wire and on PlanetScale's
 * HTTP protocol. The outage is a TCP proxy that the test cuts and restores.
 */
import { systemClock } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { startNodeServer } from '@appg-hub/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { testConfig } from '../support/fixtures'
import { loadDemoWorld } from '../support/server'
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy'

const mysql = process.env.MYSQL_URL ? new URL(process.env.MYSQL_URL) : null

describe.skipIf(!mysql).each(['mysql', 'planetscale'] as const)(
  'the database goes down and returns (%s)',
  (path) => {
    let proxy: TcpProxy
    let db: Db
    let server: { url: string; close(): Promise<void> }
    let closeEndpoint = async () => {}

    beforeAll(async () => {
      const databaseUrl = await createMysqlDatabase('hub_faults')
      const seed = await createDb(databaseUrl)
      await loadDemoWorld(seed)
      await seed.destroy()
      proxy = await startTcpProxy({ host: mysql!.hostname, port: Number(mysql!.port || 3306) })
      const proxied = new URL(databaseUrl)
      proxied.host = `127.0.0.1:${proxy.port}`
      if (path === 'mysql') {
        db = await createDb(proxied.toString())
      } else {
        const endpoint = await startPlanetscaleHttp({ mysqlUrl: proxied.toString() })
        closeEndpoint = () => endpoint.close()
        db = await createDb(endpoint.url)
      }
      server = await startNodeServer({
        db,
        clock: systemClock,
        config: { ...testConfig },
        host: '127.0.0.1',
        port: 0,
      })
    })

    afterAll(async () => {
      await server?.close()
      await db?.destroy()
      await closeEndpoint()
      await proxy?.close()
      await dropMysqlDatabases()
    })

    const list = () => fetch(`${server.url}/trpc/register.list?input=${encodeURIComponent('{"limit":5}')}`)

    it('answers normally, then 503 with a clear message while the database is down, then recovers', async () => {
      expect((await list()).status).toBe(200)

      await proxy.cut()
      const down = await list()
      expect(down.status).toBe(503)
      const body = (await down.json()) as { error: { message: string; data: { code: string } } }
      expect(body.error.data.code).toBe('SERVICE_UNAVAILABLE')
      expect(body.error.message).toMatch(/cannot reach its database/)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503)
      // The process is still up and answers what needs no database.
      expect((await fetch(`${server.url}/`)).status).toBe(200)

      await proxy.restore()
      let status = 0
      for (let attempt = 0; attempt < 40 && status !== 200; attempt++) {
        status = (await list()).status
        if (status !== 200) await new Promise((r) => setTimeout(r, 250))
      }
      expect(status).toBe(200)
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
    })
  },
)
