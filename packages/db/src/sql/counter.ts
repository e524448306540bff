/**
 * A counter that many requests may raise at once (rate limits): an upsert, which SQLite and MySQL
 * spell differently — the one place that knows — followed by a read of the new value.
 */
import { sql } from 'kysely'
import { type Db, dialectOf } from '../kysely'

/**
 * Adds one to the counter `key` in the window starting at `windowStart` (a new window starts
 * again from one) and returns the count in the current window. Two queries, no transaction: the
 * upsert is atomic on both dialects.
 */
export async function incrementCounter(db: Db, key: string, windowStart: string, by = 1): Promise<number> {
  const insert = db.insertInto('rate_limit').values({ key, window_start: windowStart, count: by })
  const count = sql<number>`case when rate_limit.window_start = ${windowStart} then rate_limit.count + ${by} else ${by} end`
  if (dialectOf(db) === 'sqlite') {
    await insert
      .onConflict((oc) => oc.column('key').doUpdateSet({ count, window_start: windowStart }))
      .execute()
  } else {
    // MySQL evaluates assignments left to right: count must read the old window_start.
    await insert.onDuplicateKeyUpdate({ count, window_start: windowStart }).execute()
  }
  const row = await db
    .selectFrom('rate_limit')
    .select('count')
    .where('key', '=', key)
    .executeTakeFirstOrThrow()
  return Number(row.count)
}
