import { type MigrationResultSet, Migrator } from 'kysely/migration'
import type { Db } from './kysely'
import { migrations } from './migrations'

/** Brings the schema up to date; safe to re-run (applied migrations are skipped). */
export async function migrateToLatest(db: Db): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
  const result = await migrator.migrateToLatest()
  if (result.error) throw result.error
  return result
}
