/**
 * The mysql2 side of the stand-in: statements run as raw byte rows (no type casting, so values reach
 * the wire exactly as MySQL sent them), results normalised to one shape, and the `mysql://` URL.
 */
import type { Connection, ConnectionOptions } from 'mysql2'
import type { MysqlColumn } from './vitess'

/** Bits of the OK packet's server status that say whether a transaction is open. */
export const SERVER_STATUS_IN_TRANS = 1
export const SERVER_STATUS_AUTOCOMMIT = 2

export interface OkHeader {
  affectedRows?: number | string
  insertId?: number | string
  serverStatus?: number
}

export interface RawResult {
  columns?: MysqlColumn[]
  rows?: Array<Array<Buffer | null>>
  header?: OkHeader
}

export interface MysqlError extends Error {
  errno?: number
  sqlState?: string
  sqlMessage?: string
  fatal?: boolean
  code?: string
}

export type Queryable = Pick<Connection, 'query'>

function toRaw(results: unknown, fields: unknown): RawResult {
  if (!fields) {
    const header = Array.isArray(results) ? results.at(-1) : results
    return { header: header as OkHeader }
  }
  const fs = fields as unknown[]
  const multi = fs.length > 0 && (Array.isArray(fs[0]) || fs[0] === undefined)
  if (!multi) return { columns: fs as MysqlColumn[], rows: results as RawResult['rows'] }
  // several results (CALL): the first result set and the final status
  const rs = results as unknown[]
  const raw: RawResult = {}
  fs.forEach((f, i) => {
    if (f && !raw.columns) {
      raw.columns = f as MysqlColumn[]
      raw.rows = rs[i] as RawResult['rows']
    } else if (!f) raw.header = rs[i] as OkHeader
  })
  return raw
}

export function run(conn: Queryable, sql: string): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const options = { sql, rowsAsArray: true, typeCast: false }
    ;(conn.query as (o: object, cb: (err: unknown, results: unknown, fields: unknown) => void) => void).call(
      conn,
      options,
      (err, results, fields) => (err ? reject(err) : resolve(toRaw(results, fields))),
    )
  })
}

export function isMysqlError(
  err: unknown,
): err is MysqlError & { errno: number; sqlState: string; sqlMessage: string } {
  const e = err as MysqlError
  return typeof e?.errno === 'number' && typeof e.sqlMessage === 'string' && !e.fatal
}

export function parseMysqlUrl(mysqlUrl: string): { config: ConnectionOptions; database: string } {
  const u = new URL(mysqlUrl)
  if (u.protocol !== 'mysql:' && u.protocol !== 'mariadb:') {
    throw new Error(`mysqlUrl must be mysql://user:password@host:port/database (got ${u.protocol})`)
  }
  const database = decodeURIComponent(u.pathname.replace(/^\//, ''))
  if (!database) throw new Error('mysqlUrl must name a database: mysql://user:password@host:port/database')
  const config: Record<string, unknown> = {
    host: u.hostname.replace(/^\[|\]$/g, ''),
    port: u.port ? Number(u.port) : 3306,
    user: decodeURIComponent(u.username) || 'root',
    password: decodeURIComponent(u.password),
    database,
    supportBigNumbers: true,
    bigNumberStrings: true,
    multipleStatements: false,
  }
  for (const [key, value] of u.searchParams) {
    try {
      config[key] = JSON.parse(value)
    } catch {
      config[key] = value
    }
  }
  return { config: config as ConnectionOptions, database }
}
