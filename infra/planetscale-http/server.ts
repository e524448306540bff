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
 */
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { gunzipSync, gzipSync } from 'node:zlib'
import {
  type Connection,
  type ConnectionOptions,
  createConnection,
  createPool,
  escape as escapeSql,
  type PoolConnection,
} from 'mysql2'
import { classify, goQuote, normalizeForError, type Statement, vitessSyntaxError } from './sql'
import {
  goDuration,
  type MysqlColumn,
  mysqlStatementError,
  type TabletContext,
  tabletError,
  tabletFailure,
  toVitessField,
  toVitessRow,
  type VitessError,
  type VitessResult,
} from './vitess'

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
const SERVER_STATUS_IN_TRANS = 1
const SERVER_STATUS_AUTOCOMMIT = 2
const MAX_REQUEST_BYTES = 64 * 1024 * 1024
const MAX_SESSION_SETTINGS = 64

// --- session (protobuf JSON of psdb.v1alpha1.Session / vtgate.Session) ---------------------------

interface ShardSession {
  target: { keyspace: string; shard: string; tabletType: 'PRIMARY' }
  transactionId?: string
  reservedId?: string
  tabletAlias: { cell: string; uid: number }
}

interface VitessSession {
  inTransaction?: boolean
  shardSessions?: ShardSession[]
  autocommit: boolean
  options: { includedFields: 'ALL'; clientFoundRows: boolean }
  lastInsertId?: string
  foundRows?: string
  rowCount?: string
  inReservedConn?: boolean
  DDLStrategy: string
  sessionUUID: string
  enableSystemSettings: boolean
  /** Stand-in only: the session's SET/USE statements, replayed on a connection made for it. */
  systemSettings?: string[]
}

interface PsdbSession {
  signature: string
  vitessSession: VitessSession
}

// --- mysql2 plumbing --------------------------------------------------------------------------------

interface OkHeader {
  affectedRows?: number | string
  insertId?: number | string
  serverStatus?: number
}

interface RawResult {
  columns?: MysqlColumn[]
  rows?: Array<Array<Buffer | null>>
  header?: OkHeader
}

interface MysqlError extends Error {
  errno?: number
  sqlState?: string
  sqlMessage?: string
  fatal?: boolean
  code?: string
}

type Queryable = Pick<Connection, 'query'>

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

function run(conn: Queryable, sql: string): Promise<RawResult> {
  return new Promise((resolve, reject) => {
    const options = { sql, rowsAsArray: true, typeCast: false }
    ;(conn.query as (o: object, cb: (err: unknown, results: unknown, fields: unknown) => void) => void).call(
      conn,
      options,
      (err, results, fields) => (err ? reject(err) : resolve(toRaw(results, fields))),
    )
  })
}

function isMysqlError(
  err: unknown,
): err is MysqlError & { errno: number; sqlState: string; sqlMessage: string } {
  const e = err as MysqlError
  return typeof e?.errno === 'number' && typeof e.sqlMessage === 'string' && !e.fatal
}

function parseMysqlUrl(mysqlUrl: string): { config: ConnectionOptions; database: string } {
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

/** Connections owned by one session at a time: Vitess's transaction pool. */
class TransactionPool {
  private idle: Connection[] = []
  private total = 0
  private waiters: Array<{
    resolve: (c: Connection) => void
    reject: (e: Error) => void
    timer: NodeJS.Timeout
  }> = []
  private broken = new WeakSet<Connection>()
  private closed = false

  constructor(
    private readonly config: ConnectionOptions,
    private readonly init: string[],
    private readonly max: number,
    private readonly timeoutMs: number,
  ) {}

  async acquire(): Promise<Connection> {
    if (this.closed) throw new Error('server is closing')
    for (let c = this.idle.pop(); c; c = this.idle.pop()) {
      if (!this.broken.has(c)) return c
      this.total--
      c.destroy()
    }
    if (this.total < this.max) return this.create()
    return new Promise((resolve, reject) => {
      const waiter = {
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter)
          reject(new PoolExhaustedError())
        }, this.timeoutMs),
      }
      this.waiters.push(waiter)
    })
  }

  /** Back to the pool if `clean` (no open transaction, no session state), otherwise closed. */
  release(conn: Connection, clean: boolean): void {
    if (clean && !this.closed && !this.broken.has(conn)) {
      const waiter = this.waiters.shift()
      if (waiter) {
        clearTimeout(waiter.timer)
        waiter.resolve(conn)
      } else this.idle.push(conn)
      return
    }
    this.total--
    conn.destroy()
    const waiter = this.waiters.shift()
    if (waiter) {
      clearTimeout(waiter.timer)
      this.create().then(waiter.resolve, waiter.reject)
    }
  }

  async end(): Promise<void> {
    this.closed = true
    for (const w of this.waiters) {
      clearTimeout(w.timer)
      w.reject(new Error('server is closing'))
    }
    this.waiters = []
    await Promise.all(this.idle.map((c) => new Promise<void>((resolve) => c.end(() => resolve()))))
    this.idle = []
  }

  private async create(): Promise<Connection> {
    this.total++
    try {
      const conn = createConnection(this.config)
      conn.on('error', () => this.broken.add(conn))
      await new Promise<void>((resolve, reject) => conn.connect((err) => (err ? reject(err) : resolve())))
      for (const sql of this.init) await run(conn, sql)
      return conn
    } catch (err) {
      this.total--
      throw err
    }
  }
}

class PoolExhaustedError extends Error {
  constructor() {
    super('transaction pool connection limit exceeded')
  }
}

/** A session's own connection: an open transaction, session settings, or both. */
interface Owned {
  id: string
  conn: Connection
  busy: boolean
  /** What holds it while busy, as vttablet words it ("for query", "for tx killer rollback"). */
  purpose: string
  inTransaction: boolean
  autocommit: boolean
  /** Holds session state (settings, locks, temporary tables): never goes back to the pool. */
  reserved: boolean
  /** `SET TRANSACTION ...` ran: the next transaction on this connection is configured. */
  nextTransactionConfigured: boolean
  released: boolean
  killed?: string
  txTimer?: NodeJS.Timeout
  idleTimer?: NodeJS.Timeout
}

interface ExecuteOutcome {
  result?: VitessResult
  error?: VitessError
}

function formatVitessTime(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)} UTC`
}

export async function startPlanetscaleHttp(options: PlanetscaleHttpOptions): Promise<PlanetscaleHttp> {
  const username = options.username ?? 'planetscale'
  const password = options.password ?? 'planetscale'
  const host = options.host ?? '127.0.0.1'
  const maxRows = options.maxRows ?? 100_000
  const transactionTimeoutMs = options.transactionTimeoutMs ?? 20_000
  const idleTimeoutMs = options.idleTimeoutMs ?? 20_000
  const log = options.log
  const { config, database: keyspace } = parseMysqlUrl(options.mysqlUrl)
  const ctx: TabletContext = { keyspace, callerId: username }
  const secret = randomBytes(32)

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

  const owned = new Map<string, Owned>()
  const ended = new Map<string, { at: Date; reason: string }>()
  let idCounter = 0n
  const idBase = BigInt(Date.now()) * 1_000_000n
  const nextId = () => String(idBase + ++idCounter)

  // --- sessions ---

  const sign = (vs: VitessSession) => createHmac('sha256', secret).update(JSON.stringify(vs)).digest('base64')

  function newSession(): VitessSession {
    return {
      autocommit: true,
      options: { includedFields: 'ALL', clientFoundRows: true },
      DDLStrategy: 'direct',
      sessionUUID: randomUUID(),
      enableSystemSettings: true,
    }
  }

  function sealed(vs: VitessSession): PsdbSession {
    return { signature: sign(vs), vitessSession: vs }
  }

  function unseal(value: unknown): VitessSession | undefined {
    const s = value as PsdbSession
    if (!s || typeof s !== 'object' || typeof s.signature !== 'string' || typeof s.vitessSession !== 'object')
      return
    const expected = Buffer.from(sign(s.vitessSession))
    const got = Buffer.from(s.signature)
    if (expected.length !== got.length || !timingSafeEqual(expected, got)) return
    return s.vitessSession
  }

  function attach(vs: VitessSession, o: Owned | undefined): void {
    delete vs.inTransaction
    delete vs.inReservedConn
    delete vs.shardSessions
    if (!o) return
    const holdsState = o.reserved || o.nextTransactionConfigured
    const shard: ShardSession = {
      target: { keyspace, shard: '-', tabletType: 'PRIMARY' },
      tabletAlias: { cell: 'local', uid: 100 },
    }
    if (o.inTransaction) {
      vs.inTransaction = true
      shard.transactionId = o.id
    }
    if (holdsState) {
      vs.inReservedConn = true
      shard.reservedId = o.id
    }
    vs.shardSessions = [shard]
  }

  function recordStats(vs: VitessSession, raw: RawResult): void {
    const set = (key: 'lastInsertId' | 'foundRows' | 'rowCount', value: string) => {
      if (value === '0') delete vs[key]
      else vs[key] = value
    }
    if (raw.columns) {
      set('foundRows', String(raw.rows?.length ?? 0))
      set('rowCount', '-1')
    } else if (raw.header) {
      const insertId = String(raw.header.insertId ?? 0)
      if (insertId !== '0') set('lastInsertId', insertId)
      set('rowCount', String(raw.header.affectedRows ?? 0))
    }
  }

  function toResult(raw: RawResult): VitessResult {
    const result: VitessResult = {}
    if (raw.columns) {
      result.fields = raw.columns.map(toVitessField)
      if (raw.rows?.length) result.rows = raw.rows.map(toVitessRow)
    } else if (raw.header) {
      const affected = String(raw.header.affectedRows ?? 0)
      const insertId = String(raw.header.insertId ?? 0)
      if (affected !== '0') result.rowsAffected = affected
      if (insertId !== '0') result.insertId = insertId
    }
    return result
  }

  function statementError(err: unknown, stmt: Statement): VitessError {
    if (isMysqlError(err)) {
      if (err.errno === 1064)
        return { code: 'INVALID_ARGUMENT', message: vitessSyntaxError(stmt.sql, err.sqlMessage) }
      return mysqlStatementError(ctx, err, goQuote(normalizeForError(stmt.sql)))
    }
    if (err instanceof PoolExhaustedError) return tabletFailure(ctx, 'RESOURCE_EXHAUSTED', err.message)
    const e = err as MysqlError
    return tabletError(ctx, 'UNAVAILABLE', `${e?.message ?? String(err)} (CallerID: ${ctx.callerId})`)
  }

  function rowLimitError(stmt: Statement): VitessError {
    return mysqlStatementError(
      ctx,
      { errno: 10001, sqlState: 'HY000', sqlMessage: `Row count exceeded ${maxRows}` },
      goQuote(normalizeForError(stmt.sql)),
    )
  }

  function lostTransactionError(id: string): VitessError {
    const e = ended.get(id)
    const why = e ? `ended at ${formatVitessTime(e.at)} (${e.reason})` : 'not found'
    return tabletFailure(ctx, 'ABORTED', `transaction ${id}: ${why}`)
  }

  // --- owned connections ---

  async function acquireOwned(settings: string[]): Promise<Owned> {
    const conn = await txPool.acquire()
    const o: Owned = {
      id: nextId(),
      conn,
      busy: true,
      purpose: 'for query',
      inTransaction: false,
      autocommit: true,
      reserved: settings.length > 0,
      nextTransactionConfigured: false,
      released: false,
    }
    owned.set(o.id, o)
    try {
      for (const sql of settings) {
        const raw = await run(conn, sql)
        if (raw.header?.serverStatus !== undefined)
          o.autocommit = !!(raw.header.serverStatus & SERVER_STATUS_AUTOCOMMIT)
      }
    } catch (err) {
      release(o, false)
      throw err
    }
    return o
  }

  function release(o: Owned, clean: boolean): void {
    if (o.released) return
    o.released = true
    clearTimeout(o.txTimer)
    clearTimeout(o.idleTimer)
    owned.delete(o.id)
    txPool.release(o.conn, clean)
  }

  /** Ends a session's connection from the outside (timeouts, shutdown). */
  async function kill(o: Owned, reason: string): Promise<void> {
    if (o.released) return
    if (o.inTransaction) {
      ended.set(o.id, { at: new Date(), reason })
      if (ended.size > 10_000) ended.delete(ended.keys().next().value!)
    }
    log?.(`killing connection ${o.id}: ${reason}`)
    if (o.busy) {
      // a statement is running: drop the connection under it (MySQL rolls back)
      o.killed = reason
      release(o, false)
      return
    }
    o.busy = true
    o.purpose = 'for tx killer rollback'
    let clean = !o.reserved && !o.nextTransactionConfigured
    if (o.inTransaction) {
      try {
        await run(o.conn, 'ROLLBACK')
      } catch {
        clean = false
      }
    }
    release(o, clean)
  }

  function armTimers(o: Owned, wasInTransaction: boolean, began: boolean): void {
    if (o.inTransaction && (!wasInTransaction || began)) {
      clearTimeout(o.txTimer)
      o.txTimer = setTimeout(
        () => void kill(o, `exceeded timeout: ${goDuration(transactionTimeoutMs)}`),
        transactionTimeoutMs,
      )
    } else if (!o.inTransaction && wasInTransaction) {
      clearTimeout(o.txTimer)
    }
    clearTimeout(o.idleTimer)
    o.idleTimer = setTimeout(
      () => void kill(o, `exceeded idle timeout: ${goDuration(idleTimeoutMs)}`),
      idleTimeoutMs,
    )
  }

  async function probeStatus(o: Owned): Promise<void> {
    const raw = await run(o.conn, 'DO 0')
    const status = raw.header?.serverStatus ?? 0
    o.inTransaction = !!(status & SERVER_STATUS_IN_TRANS)
    o.autocommit = !!(status & SERVER_STATUS_AUTOCOMMIT)
  }

  async function runOwned(vs: VitessSession, o: Owned, stmt: Statement): Promise<ExecuteOutcome> {
    o.busy = true
    o.purpose = 'for query'
    clearTimeout(o.idleTimer)
    const wasInTransaction = o.inTransaction
    let outcome: ExecuteOutcome
    let ok = false
    let broken = false
    try {
      if (stmt.readsLastInsertId) await run(o.conn, `DO LAST_INSERT_ID(${vs.lastInsertId ?? '0'})`)
      const raw = await run(o.conn, stmt.sql)
      if (raw.header?.serverStatus !== undefined && !raw.columns) {
        o.inTransaction = !!(raw.header.serverStatus & SERVER_STATUS_IN_TRANS)
        o.autocommit = !!(raw.header.serverStatus & SERVER_STATUS_AUTOCOMMIT)
      } else if (!o.autocommit) {
        await probeStatus(o) // a SELECT opens a transaction when autocommit is off
      }
      if ((raw.rows?.length ?? 0) > maxRows) {
        outcome = { error: rowLimitError(stmt) }
      } else {
        recordStats(vs, raw)
        outcome = { result: toResult(raw) }
        ok = true
      }
    } catch (err) {
      if (o.killed) {
        outcome = { error: lostTransactionError(o.id) }
        broken = true
      } else if (isMysqlError(err)) {
        outcome = { error: statementError(err, stmt) }
        try {
          await probeStatus(o) // a deadlock, for one, rolls the whole transaction back
        } catch {
          broken = true
        }
      } else {
        outcome = { error: statementError(err, stmt) }
        broken = true
      }
    }
    o.busy = false

    if (broken || o.killed) {
      if (o.inTransaction && !o.killed) ended.set(o.id, { at: new Date(), reason: 'connection lost' })
      release(o, false)
      // the transaction is gone; the client finds out on its next statement (or its ROLLBACK)
      if (!wasInTransaction) attach(vs, undefined)
      return outcome
    }
    if (ok && stmt.kind === 'session-setting') {
      const settings = (vs.systemSettings ?? []).filter((s) => s !== stmt.sql)
      settings.push(stmt.sql)
      vs.systemSettings = settings.slice(-MAX_SESSION_SETTINGS)
      o.reserved = true
    }
    if (ok && stmt.kind === 'reserve') o.reserved = true
    o.nextTransactionConfigured = ok && stmt.kind === 'set-next-transaction'

    if (!o.inTransaction && !o.reserved && !o.nextTransactionConfigured) {
      release(o, true)
      attach(vs, undefined)
    } else {
      armTimers(o, wasInTransaction, ok && stmt.kind === 'begin')
      attach(vs, o)
    }
    return outcome
  }

  async function runPooled(vs: VitessSession, stmt: Statement): Promise<ExecuteOutcome> {
    let conn: PoolConnection
    try {
      conn = await new Promise<PoolConnection>((resolve, reject) =>
        pool.getConnection((err, c) => (err ? reject(err) : resolve(c))),
      )
    } catch (err) {
      return { error: statementError(err, stmt) }
    }
    try {
      if (stmt.readsLastInsertId) await run(conn, `DO LAST_INSERT_ID(${vs.lastInsertId ?? '0'})`)
      const raw = await run(conn, stmt.sql)
      const status = raw.header?.serverStatus
      if (status !== undefined && (status & SERVER_STATUS_IN_TRANS || !(status & SERVER_STATUS_AUTOCOMMIT))) {
        // something left this pooled connection mid-transaction: never hand it to anyone else
        conn.destroy()
      } else conn.release()
      if ((raw.rows?.length ?? 0) > maxRows) return { error: rowLimitError(stmt) }
      recordStats(vs, raw)
      return { result: toResult(raw) }
    } catch (err) {
      if (isMysqlError(err)) conn.release()
      else conn.destroy()
      return { error: statementError(err, stmt) }
    }
  }

  async function execute(vs: VitessSession, sql: string): Promise<ExecuteOutcome> {
    const stmt = classify(sql)
    const shard = vs.shardSessions?.[0]
    const ownedId = shard?.transactionId ?? shard?.reservedId
    let o: Owned | undefined
    if (ownedId) {
      o = owned.get(ownedId)
      if (!o) {
        if (vs.inTransaction) {
          // killed by a timeout, or from before a restart
          const error = lostTransactionError(ownedId)
          if (stmt.kind === 'rollback') {
            attach(vs, undefined)
            return { result: {} }
          }
          if (stmt.kind === 'commit') attach(vs, undefined)
          return { error }
        }
        // a reserved connection that timed out: a new one gets the session's settings replayed
        attach(vs, undefined)
      } else if (o.busy) {
        return { error: tabletFailure(ctx, 'ABORTED', `transaction ${ownedId}: in use: ${o.purpose}`) }
      } else {
        o.busy = true
      }
    }
    if (!o) {
      if (stmt.kind === 'commit' || stmt.kind === 'rollback') return { result: {} } // nothing open
      const settings = vs.systemSettings ?? []
      const needsOwn =
        stmt.kind === 'begin' ||
        stmt.kind === 'session-setting' ||
        stmt.kind === 'set-next-transaction' ||
        stmt.kind === 'reserve' ||
        settings.length > 0
      if (!needsOwn) return runPooled(vs, stmt)
      try {
        o = await acquireOwned(settings)
      } catch (err) {
        return { error: statementError(err, stmt) }
      }
    }
    return runOwned(vs, o, stmt)
  }

  // --- HTTP ---

  function authorized(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? ''
    const m = /^Basic\s+(\S+)$/i.exec(header)
    if (!m) return false
    const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
    const colon = decoded.indexOf(':')
    if (colon < 0) return false
    const user = decoded.slice(0, colon)
    const pass = decoded.slice(colon + 1)
    const same = (a: string, b: string) => {
      const x = Buffer.from(a)
      const y = Buffer.from(b)
      return x.length === y.length && timingSafeEqual(x, y)
    }
    const percentDecoded = (s: string) => {
      try {
        return decodeURIComponent(s)
      } catch {
        return s
      }
    }
    // the driver takes user and password from a URL, still percent-encoded
    return (
      (same(user, username) || same(percentDecoded(user), username)) &&
      (same(pass, password) || same(percentDecoded(pass), password))
    )
  }

  function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
    let buf = Buffer.from(JSON.stringify(body))
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'accept-encoding': 'gzip',
    }
    if (buf.length > 1024 && /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) {
      buf = gzipSync(buf)
      headers['content-encoding'] = 'gzip'
    }
    headers['content-length'] = buf.length
    res.writeHead(status, headers).end(buf)
  }

  /** Errors outside the RPC itself use the Connect protocol's shape, as PlanetScale's API does. */
  function sendConnectError(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    code: string,
    message: string,
  ) {
    send(req, res, status, { code, message })
  }

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = []
    let size = 0
    for await (const chunk of req) {
      size += (chunk as Buffer).length
      if (size > MAX_REQUEST_BYTES) throw new Error('request too large')
      chunks.push(chunk as Buffer)
    }
    const body = Buffer.concat(chunks)
    return /\bgzip\b/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(body) : body
  }

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
    if (!authorized(req)) {
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
      const shard = vs.shardSessions?.[0]
      const o = owned.get(shard?.transactionId ?? shard?.reservedId ?? '')
      if (o) await kill(o, 'session closed')
      send(req, res, 200, { session: sealed(newSession()) })
      return
    }

    const query = typeof body.query === 'string' ? body.query : ''
    const started = process.hrtime.bigint()
    const outcome = await execute(vs, query)
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
        await Promise.all([...owned.values()].map((o) => kill(o, 'server shutting down')))
        await closed
        await txPool.end()
        await new Promise<void>((resolve) => pool.end(() => resolve()))
      })()
      return closing
    },
  }
}
