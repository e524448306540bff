import { type CreateTableBuilder, type Kysely, MysqlAdapter, sql } from 'kysely'

/** Application-generated ids (see `newId`). */
export const ID = 'varchar(36)'
/** ISO-8601 UTC timestamps: `2026-06-29T10:00:00.000Z` is 24 characters and sorts as text. */
export const TIME = 'varchar(24)'
/** Enumerations, dates and other short codes. */
export const SHORT = 'varchar(40)'
/** Bodies that can outgrow MySQL's 64 KB TEXT (a 100-page report); SQLite reads it as TEXT. */
export const LONG_TEXT = sql`mediumtext`

export function isMysql(db: Kysely<unknown>): boolean {
  return db.getExecutor().adapter instanceof MysqlAdapter
}

/**
 * Creates a table the same way on every dialect. On MySQL the character set is pinned to utf8mb4
 * with a binary collation, so that names with any character round-trip and ordering and equality
 * behave as they do on SQLite.
 */
export async function createTable(
  db: Kysely<unknown>,
  name: string,
  build: (t: CreateTableBuilder<string, never>) => CreateTableBuilder<string, string>,
): Promise<void> {
  let table = build(db.schema.createTable(name))
  if (isMysql(db)) table = table.modifyEnd(sql`engine=InnoDB default charset=utf8mb4 collate=utf8mb4_bin`)
  await table.execute()
}

/** Drops an index the same way on every dialect: MySQL names its table, SQLite refuses one. */
export async function dropIndex(db: Kysely<unknown>, name: string, table: string): Promise<void> {
  const drop = db.schema.dropIndex(name)
  await (isMysql(db) ? drop.on(table) : drop).execute()
}
