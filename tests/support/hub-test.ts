/**
 * The integration tests' fixtures: each test gets `{ db, world, api, clock }` on a fresh database of
 * one dialect (SQLite always, MariaDB when MYSQL_URL is set), in place of the `beforeEach` and
 * `afterAll` every file used to repeat:
 *
 *     describe.each(dialects())('documents on $name', (dialect) => {
 *       const it = hubTest(dialect)
 *       it('…', async ({ world, api }) => { … })
 *     })
 */
import { fakeClock } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { type TestDatabase, testDatabases } from '@appg-hub/db/testing'
import type { startNodeServer } from '@appg-hub/server/node'
import { afterAll, beforeAll, test } from 'vitest'
import { callers, testConfig } from './fixtures'
import { type JointWorld, makeJointWorld } from './joint-work'

/** The databases to run on, one suite each. */
export function dialects(): TestDatabase[] {
  return testDatabases()
}

type NodeServerOptions = Parameters<typeof startNodeServer>[0]

export type Api = ReturnType<typeof callers>
export type FakeClock = ReturnType<typeof fakeClock>

export interface HubFixtures<W> {
  /** A migrated database, emptied for each test. */
  db: Db
  /** The clock the callers share (fake: tests move it). */
  clock: FakeClock
  /** The named people and groups, made before each test. */
  world: W
  /** tRPC callers acting as a person (`api.as(id)`), on `clock`. */
  api: Api
  /**
   * The Node server on `db` and `clock`, started for the tests that ask for it and stopped after
   * each (also when it fails). Its URL names `localhost`, where the browser-style clients keep cookies.
   */
  server: { url: string }
}

export interface HubTestOptions<W> {
  /** The fake clock's starting time (the real time by default). */
  now?: Date
  /** The world to make (the joint-work world by default); null for an empty database. */
  world?: ((db: Db) => Promise<W>) | null
  /** What the `server` fixture's Node server is started with, past `db`, `clock` and the test config. */
  server?: Partial<Omit<NodeServerOptions, 'db' | 'clock'>>
}

/**
 * The test function of one dialect's suite; call it in that suite's `describe`. The database is
 * closed after the suite (vitest allows file-scoped fixtures only outside a describe).
 */
export function hubTest<W = JointWorld>(dialect: TestDatabase, options: HubTestOptions<W> = {}) {
  // The first `fresh()` creates and migrates a MariaDB database: done in a hook (hookTimeout), so
  // that it does not count against the first test's own timeout on a loaded machine.
  beforeAll(async () => {
    await dialect.fresh()
  })
  afterAll(() => dialect.close())
  const makeWorld =
    options.world === null
      ? async () => undefined as W
      : (options.world ?? (makeJointWorld as unknown as (db: Db) => Promise<W>))
  return test.extend<HubFixtures<W>>({
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
    db: async ({}, use) => {
      await use(await dialect.fresh())
    },
    // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
    clock: async ({}, use) => {
      await use(fakeClock(options.now ?? new Date()))
    },
    // Made for every test, used or not: tests read its rows through `db` too.
    world: [
      async ({ db }: { db: Db }, use: (world: W) => Promise<void>) => {
        await use(await makeWorld(db))
      },
      { auto: true },
    ],
    api: async ({ db, clock }, use) => {
      await use(callers(db, clock))
    },
    server: async ({ db, clock }, use) => {
      // Imported here: most files never start a server.
      const { startNodeServer } = await import('@appg-hub/server/node')
      const server = await startNodeServer({
        db,
        clock,
        config: { ...testConfig },
        host: '127.0.0.1',
        port: 0,
        ...options.server,
      })
      try {
        await use({ url: server.url.replace('127.0.0.1', 'localhost') })
      } finally {
        await server.close()
      }
    },
  })
}

/** The fixtures a helper of a test file takes (`Pick<HubContext, 'api' | 'world'>`). */
export type HubContext = HubFixtures<JointWorld>
