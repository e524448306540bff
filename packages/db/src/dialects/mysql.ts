import { MysqlDialect } from 'kysely'
// Kysely wants the callback pool from 'mysql2'; the promise wrapper ('mysql2/promise') hangs.
import { createPool } from 'mysql2'

/** `poolSize` is the hub's MYSQL_POOL_SIZE setting (read by apps/server/src/settings.ts). */
export function createMysqlDialect(url: string, options: { poolSize?: number } = {}): MysqlDialect {
  return new MysqlDialect({
    pool: createPool({
      uri: url,
      connectionLimit: options.poolSize ?? 10,
      charset: 'utf8mb4_bin',
      // Numbers come back as numbers (as on SQLite): counts, sums and DECIMALs alike.
      decimalNumbers: true,
      supportBigNumbers: true,
      bigNumberStrings: false,
      // Connections to a database that has gone away are dropped and replaced rather than reused.
      enableKeepAlive: true,
    }),
  })
}
