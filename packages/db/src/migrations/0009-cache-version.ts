import type { Kysely } from 'kysely'
import { createTable } from './helpers'

/**
 * Versions of data that changes rarely (the Register), read once per request so that answers
 * derived from it can be cached (in memory, in the Workers Cache API) and invalidated everywhere
 * at once by bumping the number.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createTable(db, 'cache_version', (t) =>
    t
      .addColumn('name', 'varchar(40)', (c) => c.primaryKey())
      .addColumn('version', 'integer', (c) => c.notNull()),
  )
  await (db as Kysely<{ cache_version: { name: string; version: number } }>)
    .insertInto('cache_version')
    .values([{ name: 'register', version: 1 }])
    .execute()
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('cache_version').execute()
}
