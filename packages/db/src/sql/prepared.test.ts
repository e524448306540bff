import { describe, expect, it } from 'vitest'
import { createDb } from '../create-db'
import { migrateToLatest } from '../migrate'
import { preparedQueries, preparedQuery } from './prepared'

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

describe('preparedQueries', () => {
  it('compiles once per form and runs each call with its own arguments', async () => {
    const db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    const builds: string[] = []
    const versions = preparedQueries(
      (d, shape: { newest: boolean }, args: { name?: string; above: number }) => {
        builds.push(JSON.stringify(shape))
        let query = d
          .selectFrom('cache_version')
          .select(['name', 'version'])
          .where('version', '>', args.above)
        if (args.name !== undefined) query = query.where('name', '=', args.name)
        return query.orderBy('version', shape.newest ? 'desc' : 'asc')
      },
    )
    expect(await versions(db, { newest: true }, { name: 'register', above: 0 })).toEqual([
      { name: 'register', version: 1 },
    ])
    expect(await versions(db, { newest: true }, { name: 'register', above: 1 })).toEqual([])
    expect(await versions(db, { newest: true }, { name: "register' or 1=1 --", above: 0 })).toEqual([])
    // An argument left out is another form: no name filter.
    expect((await versions(db, { newest: true }, { above: 0 })).length).toBeGreaterThan(0)
    expect(await versions(db, { newest: false }, { name: 'register', above: 0 })).toHaveLength(1)
    expect(builds).toEqual(['{"newest":true}', '{"newest":true}', '{"newest":false}'])
    await db.destroy()
  })

  it('refuses a form that computes with an argument instead of passing it', async () => {
    const db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    const broken = preparedQueries((d, _shape: null, args: { name: string }) =>
      d.selectFrom('cache_version').select('name').where('name', '=', `${args.name}!`),
    )
    await expect(broken(db, null, { name: 'register' })).rejects.toThrow(/not a plain parameter/)
    await db.destroy()
  })
})
