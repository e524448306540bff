/**
 * A counter that many requests may raise at once (rate limits): an upsert, which SQLite and MySQL
 * spell differently — the one place that knows — that also answers the new value.
 */
import { type RawBuilder, sql } from 'kysely'
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

/** One counter to raise by `chargeCounters`, and the most it may reach in its window. */
export interface CounterCharge {
  key: string
  windowStart: string
  by: number
  limit: number
}

/**
 * Raises several counters (distinct keys) in one statement, for a request charged to several
 * subjects (an address and a person) in one round trip, and answers the index of the first charge
 * whose counter is now over its limit, or -1: each subject is still limited on its own.
 *
 * SQLite answers every new count with RETURNING. MySQL has no RETURNING, and LAST_INSERT_ID(expr)
 * keeps one value per statement, so the statement reports just the answer: the rows are written
 * last charge first; the first row's VALUES sets the id to "none over" before anything is written,
 * and an update that takes its counter over the limit sets it to its charge's index, so that the
 * earliest charge over its limit sets it last. (LAST_INSERT_ID() without an argument is never read:
 * Vitess answers that from the session, not from the statement.) A counter new in this statement
 * holds `by`, over its limit exactly when `by` is, which is known here. Should a driver not report
 * the id, the counts are read back.
 */
export async function chargeCounters(db: Db, charges: CounterCharge[]): Promise<number> {
  if (charges.length === 0) return -1
  if (new Set(charges.map((c) => c.key)).size !== charges.length)
    throw new Error('chargeCounters: each counter once per statement')
  const overAt = (count: (c: CounterCharge) => number | undefined) =>
    charges.findIndex((c) => (count(c) ?? c.by) > c.limit)
  if (dialectOf(db) === 'sqlite') {
    const rows = await db
      .insertInto('rate_limit')
      .values(charges.map((c) => ({ key: c.key, window_start: c.windowStart, count: c.by })))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql<number>`case when rate_limit.window_start = excluded.window_start then rate_limit.count + excluded.count else excluded.count end`,
          window_start: sql<string>`excluded.window_start`,
        }),
      )
      .returning(['key', 'count'])
      .execute()
    const counts = new Map(rows.map((r) => [r.key, Number(r.count)]))
    return overAt((c) => counts.get(c.key))
  }
  // The id set is `count * m + tag` (tag: a charge's index + 1, or n + 1 for none over), so that
  // the assignment hands back the count itself (`div m`) and, in an update, LAST_INSERT_ID's
  // argument depends on the row: never a constant the server might work out ahead of the CASE.
  const n = charges.length
  const m = n + 2
  const key = sql.ref('rate_limit.key')
  const oldCount = sql.ref('rate_limit.count')
  const oldWindow = sql.ref('rate_limit.window_start')
  const perKey = (value: (c: CounterCharge, i: number) => RawBuilder<unknown>) =>
    sql`case ${key} ${sql.join(
      charges.map((c, i) => sql`when ${c.key} then ${value(c, i)}`),
      sql` `,
    )} end`
  const newCount = (c: CounterCharge) =>
    sql`(case when ${oldWindow} = ${c.windowStart} then ${oldCount} + ${c.by} else ${c.by} end)`
  const result = await db
    .insertInto('rate_limit')
    .values(
      [...charges].reverse().map((c, row) => ({
        key: c.key,
        window_start: c.windowStart,
        count: row === 0 ? sql<number>`last_insert_id(${c.by * m + n + 1}) div ${m}` : c.by,
      })),
    )
    .onDuplicateKeyUpdate({
      // MySQL evaluates assignments left to right: count must read the old window_start.
      count: perKey(
        (c, i) =>
          sql`case when ${newCount(c)} > ${c.limit} then last_insert_id(${newCount(c)} * ${m} + ${i + 1}) div ${m} else ${newCount(c)} end`,
      ) as RawBuilder<number>,
      window_start: perKey((c) => sql`${c.windowStart}`) as RawBuilder<string>,
    })
    .executeTakeFirst()
  const newOver = overAt(() => undefined)
  const id = result.insertId === undefined ? 0 : Number(result.insertId % BigInt(m))
  if (id > 0) {
    const over = [newOver, id === n + 1 ? -1 : id - 1].filter((i) => i >= 0)
    return over.length ? Math.min(...over) : -1
  }
  const rows = await db
    .selectFrom('rate_limit')
    .select(['key', 'count'])
    .where(
      'key',
      'in',
      charges.map((c) => c.key),
    )
    .execute()
  const counts = new Map(rows.map((r) => [r.key, Number(r.count)]))
  return overAt((c) => counts.get(c.key))
}
