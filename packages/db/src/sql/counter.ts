/**
 * A counter that many requests may raise at once (rate limits): an upsert, which SQLite and MySQL
 * spell differently — the one place that knows — that also answers the new value.
 */
import { sql } from 'kysely'
import { type Db, dialectOf } from '../kysely'

/**
 * Adds one to the counter `key` in the window starting at `windowStart` (a new window starts
 * again from one) and returns the count in the current window. One statement, atomic on both
 * dialects (on the edge each statement is a round trip): SQLite answers the new count with
 * RETURNING; MySQL has no RETURNING, so the update hands the new count to LAST_INSERT_ID(expr),
 * which the server reports as the statement's insert id. Should a driver not report it, the
 * count is read back.
 */
export async function incrementCounter(db: Db, key: string, windowStart: string, by = 1): Promise<number> {
  const insert = db.insertInto('rate_limit').values({ key, window_start: windowStart, count: by })
  const count = sql<number>`case when rate_limit.window_start = ${windowStart} then rate_limit.count + ${by} else ${by} end`
  if (dialectOf(db) === 'sqlite') {
    const row = await insert
      .onConflict((oc) => oc.column('key').doUpdateSet({ count, window_start: windowStart }))
      .returning('count')
      .executeTakeFirstOrThrow()
    return Number(row.count)
  }
  // MySQL evaluates assignments left to right: count must read the old window_start.
  const result = await insert
    .onDuplicateKeyUpdate({ count: sql<number>`last_insert_id(${count})`, window_start: windowStart })
    .executeTakeFirst()
  // One row affected: a new counter, at `by`; two: an existing one, whose new count is the insert id.
  if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) return by
  if (result.insertId !== undefined && result.insertId > 0n) return Number(result.insertId)
  const row = await db
    .selectFrom('rate_limit')
    .select('count')
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
