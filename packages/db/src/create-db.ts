import { type Dialect, Kysely, SqliteAdapter } from 'kysely'
import { createMysqlDialect } from './dialects/mysql'
import { createSqliteDialect } from './dialects/sqlite'
import type { Database } from './schema'

export type Db = Kysely<Database>

export const DEFAULT_DATABASE_URL = 'sqlite:./data/appg-hub.db'

/** Which database a URL names, and how to reach it. */
export function parseDatabaseUrl(
  url: string,
): { kind: 'sqlite'; path: string } | { kind: 'mysql' | 'planetscale'; url: string } {
  if (url.startsWith('sqlite:')) return { kind: 'sqlite', path: url.slice('sqlite:'.length) || ':memory:' }
  if (url.startsWith('mysql://') || url.startsWith('mariadb://'))
    return { kind: 'mysql', url: url.replace(/^mariadb:/, 'mysql:') }
  if (url.startsWith('planetscale://') || url.startsWith('planetscale+http://'))
    return { kind: 'planetscale', url }
  throw new Error(
    `DATABASE_URL must start with sqlite:, mysql:// or planetscale:// (got "${url.split(':')[0]}:…")`,
  )
}

export function createKysely(dialect: Dialect): Db {
  return new Kysely<Database>({ dialect })
}

/**
 * Opens the database named by `url` (Node only: the Worker builds its PlanetScale dialect itself,
 * so that neither native SQLite nor the MySQL wire driver ends up in its bundle).
 */
export async function createDb(url: string = DEFAULT_DATABASE_URL): Promise<Db> {
  const target = parseDatabaseUrl(url)
  if (target.kind === 'sqlite') return createKysely(createSqliteDialect(target.path))
  if (target.kind === 'mysql') return createKysely(createMysqlDialect(target.url))
  const { createPlanetscaleDialect } = await import('./dialects/planetscale')
  return createKysely(createPlanetscaleDialect(target.url))
}

export function dialectOf(db: Db): 'sqlite' | 'mysql' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'mysql'
}
