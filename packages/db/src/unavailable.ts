/**
 * Whether an error means "the database cannot be reached just now" (rather than a bug or bad
 * input), for each driver: the API answers 503 with a plain message for these, and the process
 * carries on; pools reconnect by themselves when the database returns.
 */
const UNREACHABLE_CODES = new Set([
  // network (mysql2, fetch)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  // mysql2 / MySQL server
  'PROTOCOL_CONNECTION_LOST',
  'PROTOCOL_SEQUENCE_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_SERVER_SHUTDOWN',
  'ER_ACCESS_DENIED_ERROR',
  'ER_BAD_DB_ERROR',
  // SQLite
  'SQLITE_BUSY',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
])

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 5) return false
  const e = error as {
    code?: unknown
    name?: unknown
    message?: unknown
    status?: unknown
    body?: { code?: unknown }
    cause?: unknown
  }
  if (typeof e.code === 'string' && UNREACHABLE_CODES.has(e.code)) return true
  // @planetscale/database: fetch failures surface as TypeError('fetch failed'); server-side
  // trouble as a DatabaseError/UnknownError carrying an HTTP status.
  if (e.name === 'TypeError' && typeof e.message === 'string' && /fetch failed|network/i.test(e.message))
    return true
  if (e.name === 'DatabaseError' || e.name === 'UnknownError') {
    // Vitess answers "code = Unavailable" when it cannot reach MySQL behind it.
    if (
      e.body?.code === 'unavailable' ||
      (typeof e.message === 'string' && /code = Unavailable/.test(e.message))
    )
      return true
    if (typeof e.status === 'number') return e.status >= 500 || e.status === 401 || e.status === 429
  }
  return isDatabaseUnavailable(e.cause, depth + 1)
}
