/**
 * Runs statements for sessions. A transaction or a session with settings owns one MySQL connection
 * (from the transaction pool) until it ends, with vttablet's transaction and idle timeouts; every
 * other statement runs on any pooled connection. What a session owns is recorded in the session
 * object (session.ts), so a statement finds its connection again from the session alone.
 */
import type { Connection, Pool, PoolConnection } from 'mysql2'
import {
  isMysqlError,
  type MysqlError,
  type RawResult,
  run,
  SERVER_STATUS_AUTOCOMMIT,
  SERVER_STATUS_IN_TRANS,
} from './mysql'
import { attach, ownedId, recordStats, type VitessSession } from './session'
import { classify, goQuote, normalizeForError, type Statement, vitessSyntaxError } from './sql'
import { PoolExhaustedError, type TransactionPool } from './transaction-pool'
import {
  goDuration,
  mysqlStatementError,
  type TabletContext,
  tabletError,
  tabletFailure,
  toVitessField,
  toVitessRow,
  type VitessError,
  type VitessResult,
} from './vitess'

const MAX_SESSION_SETTINGS = 64

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

export interface ExecuteOutcome {
  result?: VitessResult
  error?: VitessError
}

function formatVitessTime(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0')
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}.${p(d.getUTCMilliseconds(), 3)} UTC`
}

export interface ExecutorOptions {
  ctx: TabletContext
  /** Statements outside transactions. */
  pool: Pool
  /** Connections sessions own. */
  txPool: TransactionPool
  maxRows: number
  transactionTimeoutMs: number
  idleTimeoutMs: number
  log?: (line: string) => void
}

export interface Executor {
  /** Runs `sql` for the session, updating it in place (owned connection, LAST_INSERT_ID, ...). */
  execute(vs: VitessSession, sql: string): Promise<ExecuteOutcome>
  /** Ends what the session owns (rolling back its transaction), as CloseSession does. */
  closeSession(vs: VitessSession): Promise<void>
  /** Ends every owned connection, for shutdown. */
  killAll(reason: string): Promise<void>
}

export function createExecutor({
  ctx,
  pool,
  txPool,
  maxRows,
  transactionTimeoutMs,
  idleTimeoutMs,
  log,
}: ExecutorOptions): Executor {
  const owned = new Map<string, Owned>()
  const ended = new Map<string, { at: Date; reason: string }>()
  let idCounter = 0n
  const idBase = BigInt(Date.now()) * 1_000_000n
  const nextId = () => String(idBase + ++idCounter)

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
      if (!wasInTransaction) attach(vs, ctx.keyspace, undefined)
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
      attach(vs, ctx.keyspace, undefined)
    } else {
      armTimers(o, wasInTransaction, ok && stmt.kind === 'begin')
      attach(vs, ctx.keyspace, o)
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
    const id = ownedId(vs)
    let o: Owned | undefined
    if (id) {
      o = owned.get(id)
      if (!o) {
        if (vs.inTransaction) {
          // killed by a timeout, or from before a restart
          const error = lostTransactionError(id)
          if (stmt.kind === 'rollback') {
            attach(vs, ctx.keyspace, undefined)
            return { result: {} }
          }
          if (stmt.kind === 'commit') attach(vs, ctx.keyspace, undefined)
          return { error }
        }
        // a reserved connection that timed out: a new one gets the session's settings replayed
        attach(vs, ctx.keyspace, undefined)
      } else if (o.busy) {
        return { error: tabletFailure(ctx, 'ABORTED', `transaction ${id}: in use: ${o.purpose}`) }
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

  return {
    execute,
    async closeSession(vs) {
      const o = owned.get(ownedId(vs) ?? '')
      if (o) await kill(o, 'session closed')
    },
    async killAll(reason) {
      await Promise.all([...owned.values()].map((o) => kill(o, reason)))
    },
  }
}
