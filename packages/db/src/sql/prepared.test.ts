import { describe, expect, it } from 'vitest'
import { createDb } from '../create-db'
import { migrateToLatest } from '../migrate'
import { preparedQuery } from './prepared'

describe('preparedQuery', () => {
  it('compiles once per database and runs with each call’s arguments', async () => {
    const db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    let builds = 0
    const byName = preparedQuery((d, name: string) => {
      builds++
      return d
        .selectFrom('cache_version')
        .select(['name', 'version'])
        .where('name', '=', name)
        .where('version', '>', 0)
    })
    expect(await byName(db, 'register')).toEqual([{ name: 'register', version: 1 }])
    expect(await byName(db, 'nothing')).toEqual([])
    expect(await byName(db, "register' or 1=1 --")).toEqual([])
    expect(builds).toBe(1)
    await db.destroy()
  })

  it('refuses a query that does not pass an argument as a parameter', async () => {
    const db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    const broken = preparedQuery((d, _name: string) => d.selectFrom('cache_version').select('name'))
    await expect(broken(db, 'register')).rejects.toThrow(/not a plain parameter/)
    await db.destroy()
  })
})
