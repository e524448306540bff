import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import SQLite from 'better-sqlite3'
import { SqliteDialect } from 'kysely'
import { pinParameters } from './sqlite-parameters'

/**
 * Kysely's SQLite driver prepares a new statement for every query; preparing is a large part of
 * a small query's cost (docs/architecture.md §5 measured 7.7 k → 10.8 k req/s with a cache). Statements are
 * keyed by their SQL text, which Kysely keeps stable because values travel as parameters; their
 * parameters are pinned (see `pinParameters`) so that SQLite does not prepare them again anyway.
 */
function withStatementCache(db: SQLite.Database, size = 500): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>()
  const prepare = db.prepare.bind(db)
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== 'prepare') return Reflect.get(target, prop, receiver)
      return (source: string) => {
        let statement = cache.get(source)
        if (!statement) {
          statement = prepare(pinParameters(source))
          if (cache.size >= size) cache.delete(cache.keys().next().value as string)
          cache.set(source, statement)
        }
        return statement
      }
    },
  })
}

/** `path` is a file path or `:memory:`. */
export function createSqliteDialect(path: string): SqliteDialect {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const database = new SQLite(path)
  database.pragma('journal_mode = WAL')
  database.pragma('busy_timeout = 5000')
  database.pragma('synchronous = NORMAL')
  return new SqliteDialect({ database: withStatementCache(database) })
}
