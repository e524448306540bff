import { type Dialect, Kysely, SqliteAdapter } from 'kysely'
import type { Database } from './schema'

export type Db = Kysely<Database>

export const DEFAULT_DATABASE_URL = 'sqlite:./data/appg-hub.db'

export type DatabaseTarget = { kind: 'sqlite'; path: string } | { kind: 'mysql' | 'planetscale'; url: string }

/** Which database a DATABASE_URL names, and how to reach it. */
export function parseDatabaseUrl(url: string): DatabaseTarget {
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

export function dialectOf(db: Db): 'sqlite' | 'mysql' {
  return db.getExecutor().adapter instanceof SqliteAdapter ? 'sqlite' : 'mysql'
}
