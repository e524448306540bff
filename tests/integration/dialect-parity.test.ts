/**
 * The same rows read through SQLite, MySQL (mysql2) and PlanetScale (its HTTP protocol, in front
 * of the same MySQL) come back as identical values: numbers as numbers, flags as 0/1, timestamps
 * as the same ISO strings, JSON aggregates as the same arrays.
 */
import { getGroup, listGroups } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PlanetscaleHttp, startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { loadDemoWorld } from '../support/server'

describe.skipIf(!process.env.MYSQL_URL)('values are the same on every path', () => {
  let sqlite: Db
  let mysql: Db
  let planetscale: Db
  let endpoint: PlanetscaleHttp

  beforeAll(async () => {
    sqlite = await createDb('sqlite::memory:')
    await loadDemoWorld(sqlite)
    const mysqlUrl = await createMysqlDatabase('hub_parity')
    mysql = await createDb(mysqlUrl)
    await loadDemoWorld(mysql)
    endpoint = await startPlanetscaleHttp({ mysqlUrl })
    planetscale = await createDb(endpoint.url)
  })

  afterAll(async () => {
    await Promise.all([sqlite?.destroy(), mysql?.destroy(), planetscale?.destroy()])
    await endpoint?.close()
    await dropMysqlDatabases()
  })

  async function onEach<T>(read: (db: Db) => Promise<T>): Promise<{ sqlite: T; mysql: T; planetscale: T }> {
    return { sqlite: await read(sqlite), mysql: await read(mysql), planetscale: await read(planetscale) }
  }

  function expectSame<T>(values: { sqlite: T; mysql: T; planetscale: T }) {
    expect(values.mysql).toEqual(values.sqlite)
    expect(values.planetscale).toEqual(values.sqlite)
  }

  it('counts, sums and flags are numbers', async () => {
    const values = await onEach((db) =>
      db
        .selectFrom('membership')
        .select((eb) => [
          eb.fn.countAll<number>().as('memberships'),
          eb.fn.count<number>('person_id').distinct().as('people'),
          sql<number>`sum(case when role = 'chair' then 1 else 0 end)`.as('chairs'),
        ])
        .executeTakeFirstOrThrow(),
    )
    expect(typeof values.planetscale.memberships).toBe('number')
    expectSame(values)
  })

  it('a person row, with its flag, enum and timestamps', async () => {
    const values = await onEach((db) =>
      db
        .selectFrom('person')
        .select([
          'email',
          'display_name',
          'kind',
          'is_site_admin',
          'email_preference',
          'mnis_id',
          'erased_at',
        ])
        .where('email', 'like', '%@demo.appg-hub.test')
        .orderBy('email')
        .execute(),
    )
    expect(values.planetscale.find((p) => p.email === 'admin@demo.appg-hub.test')?.is_site_admin).toBe(1)
    expectSame(values)
  })

  it('groups and memberships read by the services, JSON aggregates included', async () => {
    const page = await onEach((db) =>
      listGroups({ db }, { limit: 50, tag: 'Health, Medicine & Public Health' }),
    )
    expectSame(page)
    const cancer = await onEach(async (db) => {
      const { id: _id, created_at: _c, updated_at: _u, ...group } = await getGroup({ db }, 'cancer')
      return { ...group, people: group.people.map(({ personId: _p, ...person }) => person) }
    })
    // The demo Register's one benefit of the cancer group (demo-register.jsonl), dates as ISO.
    expect(cancer.planetscale.benefits).toEqual([
      {
        source: 'Demo Cancer Alliance',
        description: 'Secretariat services',
        value_band: '15,001-16,500',
        received: '2019-12-02',
        registered: '2019-12-09',
        benefit_type: 'Benefits In Kind',
        position: 0,
      },
    ])
    expectSame(cancer)
  })

  it('integer columns and text of any length', async () => {
    const values = await onEach((db) =>
      db
        .selectFrom('benefit')
        .innerJoin('appg', 'appg.id', 'benefit.appg_id')
        .select(['appg.slug', 'benefit.position', 'benefit.description', 'benefit.value_band'])
        .orderBy('appg.slug')
        .orderBy('benefit.position')
        .execute(),
    )
    expect(values.planetscale.every((b) => typeof b.position === 'number')).toBe(true)
    expectSame(values)
  })
})
