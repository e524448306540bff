import { chargeCounters, type Db, incrementCounter, migrateToLatest } from '@appg-hub/db'
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

const W1 = '2026-01-01T10:00:00.000Z'
const W2 = '2026-01-01T11:00:00.000Z'

/**
 * Several counters raised in one statement (an address and a person): each answer is the first
 * charge over its own limit, or -1, whether its counter is new, raised or in a new window, and
 * whichever of them the statement writes first.
 */
async function chargesAndQueries(db: Db) {
  const counter = new QueryCounter()
  const counted = db.withPlugin(counter)
  const charge = (key: string, by: number, limit: number, windowStart = W1) => ({
    key: `charges|${key}`,
    windowStart,
    by,
    limit,
  })
  const answers: number[] = []
  let queries = 0
  for (const charges of [
    [charge('a', 1, 3), charge('b', 1, 5)],
    [charge('a', 1, 3), charge('b', 1, 5)],
    [charge('a', 2, 3), charge('b', 1, 5)],
    [charge('a', 1, 3), charge('b', 3, 5)],
    [charge('a', 1, 10), charge('b', 1, 5)],
    [charge('a', 1, 3, W2), charge('b', 1, 5, W2)],
    [charge('a', 1, 3, W2), charge('c', 9, 5, W2)],
    [charge('d', 1, 5, W2), charge('a', 1, 3, W2)],
    [charge('e', 1, 5, W2), charge('a', 1, 3, W2)],
    [charge('a', 1, 3, W2), charge('f', 1, 5, W2)],
    [charge('g', 1, 5, W2)],
    [charge('g', 5, 5, W2)],
  ]) {
    queries += await counter.measure(async () => {
      answers.push(await chargeCounters(counted, charges))
    })
  }
  const counts = Object.fromEntries(
    (
      await db
        .selectFrom('rate_limit')
        .select(['key', 'count', 'window_start'])
        .where('key', 'like', 'charges|%')
        .orderBy('key')
        .execute()
    ).map((r) => [r.key.slice('charges|'.length), [Number(r.count), r.window_start === W1 ? 'W1' : 'W2']]),
  )
  return { answers, counts, queries }
}

const EXPECTED_CHARGES = {
  answers: [-1, -1, 0, 0, 1, -1, 1, -1, 1, 0, -1, 0],
  counts: {
    a: [5, 'W2'],
    b: [1, 'W2'],
    c: [9, 'W2'],
    d: [1, 'W2'],
    e: [1, 'W2'],
    f: [1, 'W2'],
    g: [6, 'W2'],
  },
  queries: 12,
}

describe.each(dialects())('the rate counter on $name', (dialect) => {
  const it = hubTest(dialect)

  it('counts up within a window, starts again in a new one, in one statement each', async ({ db }) => {
    expect(await countsAndQueries(db)).toEqual(EXPECTED)
  })

  it('charges several counters in one statement, each against its own limit', async ({ db }) => {
    expect(await chargesAndQueries(db)).toEqual(EXPECTED_CHARGES)
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

  plainIt('charges several counters the same, in one statement each', async () => {
    expect(await chargesAndQueries(db)).toEqual(EXPECTED_CHARGES)
  })
})
