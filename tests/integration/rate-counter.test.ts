import { type Db, incrementCounter, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { afterAll, beforeAll, describe, expect, it as plainIt } from 'vitest'
import { type PlanetscaleHttp, startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { dialects, hubTest } from '../support/hub-test'
import { QueryCounter } from '../support/query-counter'

/**
 * The rate limits' counter: one statement per increment (on the edge each is a round trip), and
 * the right count, on SQLite (RETURNING), on MySQL through mysql2 and through PlanetScale's HTTP
 * protocol (the count handed back as LAST_INSERT_ID).
 */
async function countsAndQueries(db: Db) {
  const counter = new QueryCounter()
  const counted = db.withPlugin(counter)
  const counts: number[] = []
  let queries = 0
  for (const [window, by] of [
    ['2026-01-01T10:00:00.000Z', 1],
    ['2026-01-01T10:00:00.000Z', 1],
    ['2026-01-01T10:00:00.000Z', 5],
    ['2026-01-01T11:00:00.000Z', 2],
    ['2026-01-01T11:00:00.000Z', 1],
  ] as const) {
    queries += await counter.measure(async () => {
      counts.push(await incrementCounter(counted, 'tests|someone', window, by))
    })
  }
  // Another key keeps its own count.
  counts.push(await incrementCounter(db, 'tests|someone else', '2026-01-01T11:00:00.000Z'))
  return { counts, queries }
}

const EXPECTED = { counts: [1, 2, 7, 2, 3, 1], queries: 5 }

describe.each(dialects())('the rate counter on $name', (dialect) => {
  const it = hubTest(dialect)

  it('counts up within a window, starts again in a new one, in one statement each', async ({ db }) => {
    expect(await countsAndQueries(db)).toEqual(EXPECTED)
  })
})

describe.skipIf(!process.env.MYSQL_URL)('the rate counter over PlanetScale’s HTTP protocol', () => {
  let db: Db
  let endpoint: PlanetscaleHttp

  beforeAll(async () => {
    const mysqlUrl = await createMysqlDatabase('hub_counter_ps')
    const direct = await createDb(mysqlUrl)
    await migrateToLatest(direct)
    await direct.destroy()
    endpoint = await startPlanetscaleHttp({ mysqlUrl })
    db = await createDb(endpoint.url)
  })
  afterAll(async () => {
    await db?.destroy()
    await endpoint?.close()
    await dropMysqlDatabases()
  })

  plainIt('counts the same, in one statement each', async () => {
    expect(await countsAndQueries(db)).toEqual(EXPECTED)
  })
})
