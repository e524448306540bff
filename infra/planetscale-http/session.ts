/**
 * The session object (protobuf JSON of psdb.v1alpha1.Session / vtgate.Session). The driver sends back
 * the session it last received, so all session state (open transaction, reserved connection,
 * session settings, LAST_INSERT_ID) travels in it, signed so it cannot be forged, as vtgate's does.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'
import type { RawResult } from './mysql'

export interface ShardSession {
  target: { keyspace: string; shard: string; tabletType: 'PRIMARY' }
  transactionId?: string
  reservedId?: string
  tabletAlias: { cell: string; uid: number }
}

export interface VitessSession {
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

export interface PsdbSession {
  signature: string
  vitessSession: VitessSession
}

/** What the session records of the connection a session owns (see executor.ts). */
export interface SessionConnection {
  id: string
  inTransaction: boolean
  reserved: boolean
  nextTransactionConfigured: boolean
}

export function newSession(): VitessSession {
  return {
    autocommit: true,
    options: { includedFields: 'ALL', clientFoundRows: true },
    DDLStrategy: 'direct',
    sessionUUID: randomUUID(),
    enableSystemSettings: true,
  }
}

/** Signs sessions with `secret` (new each run, so a session from an earlier run is refused). */
export function sessionSeal(secret: Buffer): {
  sealed(vs: VitessSession): PsdbSession
  unseal(value: unknown): VitessSession | undefined
} {
  const sign = (vs: VitessSession) => createHmac('sha256', secret).update(JSON.stringify(vs)).digest('base64')
  return {
    sealed(vs) {
      return { signature: sign(vs), vitessSession: vs }
    },
    unseal(value) {
      const s = value as PsdbSession
      if (
        !s ||
        typeof s !== 'object' ||
        typeof s.signature !== 'string' ||
        typeof s.vitessSession !== 'object'
      )
        return
      const expected = Buffer.from(sign(s.vitessSession))
      const got = Buffer.from(s.signature)
      if (expected.length !== got.length || !timingSafeEqual(expected, got)) return
      return s.vitessSession
    },
  }
}

/** The id of the connection the session owns, if any. */
export function ownedId(vs: VitessSession): string | undefined {
  const shard = vs.shardSessions?.[0]
  return shard?.transactionId ?? shard?.reservedId
}

/** Records in the session the connection it now owns (or that it owns none). */
export function attach(vs: VitessSession, keyspace: string, o: SessionConnection | undefined): void {
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

/** LAST_INSERT_ID, FOUND_ROWS and ROW_COUNT as vtgate keeps them for the session. */
export function recordStats(vs: VitessSession, raw: RawResult): void {
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
