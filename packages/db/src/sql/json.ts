/**
 * JSON aggregation, which SQLite, MySQL and MariaDB spell differently: the one place that knows.
 * Lets a read fetch a row and its children in a single query (a single HTTP call on the edge).
 * Kysely's own helpers select from a correlated derived table and cast to JSON, neither of which
 * MariaDB accepts; an aggregate in a plain correlated subquery works on all three.
 */
import { type Expression, type RawBuilder, sql } from 'kysely'
import { type Db, dialectOf } from '../kysely'

/**
 * An aggregate that folds the rows of the (sub)query it is selected in into one JSON array of
 * objects: `{ key: 'table.column' }` (or an expression in place of the column). Read it back with
 * `parseJsonArray`. Element order is not promised: sort after parsing where order matters.
 */
export function jsonAgg(db: Db, fields: Record<string, string | Expression<unknown>>): RawBuilder<unknown> {
  const args = sql.join(
    Object.entries(fields).flatMap(([key, value]) => [
      sql.lit(key),
      typeof value === 'string' ? sql.ref(value) : value,
    ]),
  )
  return dialectOf(db) === 'sqlite'
    ? sql`coalesce(json_group_array(json_object(${args})), '[]')`
    : sql`coalesce(json_arrayagg(json_object(${args})), '[]')`
}

/**
 * Drivers differ in whether an aggregated JSON column arrives parsed (mysql2 with MySQL) or as
 * text (SQLite, MariaDB, PlanetScale); this brings both to an array.
 */
export function parseJsonArray<T>(value: unknown): T[] {
  if (value == null) return []
  return (typeof value === 'string' ? JSON.parse(value) : value) as T[]
}
