import { type Db, migrateToLatest } from '@appg-hub/db'

export async function migrate(db: Db): Promise<void> {
  const result = await migrateToLatest(db)
  const applied = result.results ?? []
  if (applied.length === 0) console.log('The database schema is up to date; nothing to do.')
  for (const r of applied) console.log(`Applied migration ${r.migrationName}.`)
}
