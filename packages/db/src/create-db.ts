/**
 * Opening a database from Node. Kept apart from the rest of the package so that the Worker
 * bundle, which builds its PlanetScale dialect itself, never pulls in native SQLite or the MySQL
 * wire driver.
 */
import { createMysqlDialect } from './dialects/mysql'
import { createSqliteDialect } from './dialects/sqlite'
import { createKysely, type Db, DEFAULT_DATABASE_URL, parseDatabaseUrl } from './kysely'

export async function createDb(
  url: string = DEFAULT_DATABASE_URL,
  options: { mysqlPoolSize?: number } = {},
): Promise<Db> {
  const target = parseDatabaseUrl(url)
  if (target.kind === 'sqlite') return createKysely(createSqliteDialect(target.path))
  if (target.kind === 'mysql')
    return createKysely(createMysqlDialect(target.url, { poolSize: options.mysqlPoolSize }))
  const { createPlanetscaleDialect } = await import('./dialects/planetscale')
  return createKysely(createPlanetscaleDialect(target.url))
}
export type { Db } from './kysely'
