/**
 * A local stand-in for PlanetScale's HTTP database API (the one `@planetscale/database` speaks),
 * in front of MySQL or MariaDB. See README.md for what it does and does not emulate.
 *
 * Protocol, as `@planetscale/database` 1.20 uses it:
 *   POST /psdb.v1alpha1.Database/CreateSession  {}                       → { branch, user, session }
 *   POST /psdb.v1alpha1.Database/Execute        { query, session|null }  → { session, result | error, timing }
 * with `Authorization: Basic base64(user:password)` and JSON bodies. The driver sends back the
 * session it last received, so all session state (open transaction, reserved connection, session
 * settings, LAST_INSERT_ID) travels in the session object, signed so it cannot be forged, as
 * vtgate's does. A transaction or a session with settings owns one MySQL connection until it ends;
 * every other statement runs on any pooled connection.
 *
 * This file is the server and its routing. session.ts is the session object, executor.ts runs
 * statements on owned or pooled connections, mysql.ts and transaction-pool.ts are the mysql2 side,
 * vitess.ts and sql.ts the wire format and the SQL handling, http.ts the HTTP plumbing.
 */
import { randomBytes } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createConnection, createPool, escape as escapeSql } from 'mysql2'
import { createExecutor } from './executor'
import { authorized, readBody, send, sendConnectError } from './http'
import { parseMysqlUrl, run } from './mysql'
import { newSession, sessionSeal, type VitessSession } from './session'
import { TransactionPool } from './transaction-pool'
import type { TabletContext } from './vitess'

export interface PlanetscaleHttpOptions {
  /** `mysql://user:password@host:port/database`; the database is the PlanetScale "keyspace". */
  mysqlUrl: string
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number
  /** Address to listen on; default 127.0.0.1. */
  host?: string
  /** The stand-in's own credentials, checked on every request (basic auth). */
  username?: string
  password?: string
  /** Rows one statement may return before it fails (PlanetScale: 100,000). */
  maxRows?: number
  /** A transaction is rolled back this long after it began (PlanetScale: 20 s). */
  transactionTimeoutMs?: number
  /** A session's own connection (transaction or session settings) is released after this long idle. */
  idleTimeoutMs?: number
  /** Pooled connections for statements outside transactions. */
  poolSize?: number
  /** Connections for transactions and sessions with settings ("transaction pool"). */
  transactionPoolSize?: number
  /** How long BEGIN waits for a free transaction-pool connection before failing. */
  transactionPoolTimeoutMs?: number
  /**
   * sql_mode for every connection. Default: MySQL 8's default (what PlanetScale runs), without
   * ONLY_FULL_GROUP_BY on MariaDB (whose version of it rejects functionally dependent columns that
   * MySQL accepts). `null` leaves the server's own setting.
   */
  sqlMode?: string | null
  /** time_zone for every connection; PlanetScale runs in UTC. `null` leaves the server's own. */
  timeZone?: string | null
  /** Receives one line per request when set. */
  log?: (line: string) => void
}

export interface PlanetscaleHttp {
  /** `planetscale+http://user:password@host:port`, for `createPlanetscaleDialect` / DATABASE_URL. */
  url: string
  port: number
  close(): Promise<void>
}

const CREATE_SESSION = '/psdb.v1alpha1.Database/CreateSession'
const EXECUTE = '/psdb.v1alpha1.Database/Execute'
const CLOSE_SESSION = '/psdb.v1alpha1.Database/CloseSession'
const MYSQL8_SQL_MODE =
  'ONLY_FULL_GROUP_BY,STRICT_TRANS_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'

export async function startPlanetscaleHttp(options: PlanetscaleHttpOptions): Promise<PlanetscaleHttp> {
  const username = options.username ?? 'planetscale'
  const password = options.password ?? 'planetscale'
  const host = options.host ?? '127.0.0.1'
  const log = options.log
  const { config, database: keyspace } = parseMysqlUrl(options.mysqlUrl)
  const ctx: TabletContext = { keyspace, callerId: username }
  const { sealed, unseal } = sessionSeal(randomBytes(32))

  // Which server is behind us decides the default sql_mode; this also fails fast on a bad URL.
  const probe = createConnection(config)
  let version: string
  try {
    await new Promise<void>((resolve, reject) => probe.connect((err) => (err ? reject(err) : resolve())))
    const raw = await run(probe, 'SELECT VERSION()')
    version = raw.rows?.[0]?.[0]?.toString() ?? ''
  } finally {
    probe.destroy()
  }
  const isMariaDb = /mariadb/i.test(version)
  const sqlMode =
    options.sqlMode === undefined
      ? isMariaDb
        ? MYSQL8_SQL_MODE.replace('ONLY_FULL_GROUP_BY,', '')
        : MYSQL8_SQL_MODE
      : options.sqlMode
  const timeZone = options.timeZone === undefined ? '+00:00' : options.timeZone
  const init: string[] = []
  if (timeZone !== null) init.push(`SET time_zone = ${escapeSql(timeZone)}`)
  if (sqlMode !== null) init.push(`SET sql_mode = ${escapeSql(sqlMode)}`)

  const pool = createPool({ ...config, connectionLimit: options.poolSize ?? 10, waitForConnections: true })
  pool.on('connection', (conn) => {
    for (const sql of init) conn.query(sql, (err) => err && log?.(`connection init failed: ${err.message}`))
  })
  const txPool = new TransactionPool(
    config,
    init,
    options.transactionPoolSize ?? 20,
    options.transactionPoolTimeoutMs ?? 1_000,
  )
  const executor = createExecutor({
    ctx,
    pool,
    txPool,
    maxRows: options.maxRows ?? 100_000,
    transactionTimeoutMs: options.transactionTimeoutMs ?? 20_000,
    idleTimeoutMs: options.idleTimeoutMs ?? 20_000,
    log,
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? '').split('?')[0]
    if (path !== CREATE_SESSION && path !== EXECUTE && path !== CLOSE_SESSION) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('404 page not found\n')
      return
    }
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST' }).end()
      return
    }
    if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
      res.writeHead(415, { 'accept-post': 'application/json' }).end()
      return
    }
    if (!authorized(req, username, password)) {
      log?.(`${path}: rejected credentials`)
      sendConnectError(req, res, 401, 'unauthenticated', 'invalid username/password')
      return
    }
    let body: Record<string, unknown>
    try {
      const text = (await readBody(req)).toString('utf8')
      const parsed: unknown = text.trim() ? JSON.parse(text) : {}
      if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
        throw new Error('body is not a JSON object')
      body = parsed as Record<string, unknown>
    } catch (err) {
      const rpc = path.split('/').pop()
      sendConnectError(
        req,
        res,
        400,
        'invalid_argument',
        `unmarshal into *psdb.v1alpha1.${rpc}Request: ${(err as Error).message}`,
      )
      return
    }

    if (path === CREATE_SESSION) {
      send(req, res, 200, {
        branch: randomBytes(6).toString('hex'),
        user: { username, psid: 'planetscale-1' },
        session: sealed(newSession()),
      })
      return
    }

    let vs: VitessSession
    if (body.session === null || body.session === undefined) vs = newSession()
    else {
      const unsealed = unseal(body.session)
      if (!unsealed) {
        sendConnectError(req, res, 400, 'invalid_argument', 'invalid session: signature mismatch')
        return
      }
      vs = unsealed
    }

    if (path === CLOSE_SESSION) {
      await executor.closeSession(vs)
      send(req, res, 200, { session: sealed(newSession()) })
      return
    }

    const query = typeof body.query === 'string' ? body.query : ''
    const started = process.hrtime.bigint()
    const outcome = await executor.execute(vs, query)
    const timing = Number(process.hrtime.bigint() - started) / 1e9
    log?.(
      `${outcome.error ? 'ERR' : 'ok '} ${(timing * 1000).toFixed(1)}ms ${query.slice(0, 200).replace(/\s+/g, ' ')}`,
    )
    const response: Record<string, unknown> = { session: sealed(vs) }
    if (outcome.error) response.error = outcome.error
    else response.result = outcome.result ?? {}
    if (timing) response.timing = timing
    send(req, res, 200, response)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      log?.(`internal error: ${(err as Error)?.stack ?? String(err)}`)
      if (!res.headersSent)
        sendConnectError(req, res, 500, 'internal', (err as Error)?.message ?? String(err))
      else res.destroy()
    })
  })
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port ?? 0, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    await Promise.all([txPool.end(), new Promise<void>((resolve) => pool.end(() => resolve()))])
    throw err
  }
  const port = (server.address() as AddressInfo).port
  const urlHost = host.includes(':') ? `[${host}]` : host
  const url = `planetscale+http://${encodeURIComponent(username)}:${encodeURIComponent(password)}@${urlHost}:${port}`

  let closing: Promise<void> | undefined
  return {
    url,
    port,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()))
        server.closeAllConnections()
        await executor.killAll('server shutting down')
        await closed
        await txPool.end()
        await new Promise<void>((resolve) => pool.end(() => resolve()))
      })()
      return closing
    },
  }
}
