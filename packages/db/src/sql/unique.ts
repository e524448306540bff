/**
 * Whether a failed write broke a unique index or primary key, as each driver reports it:
 * better-sqlite3 (`SQLITE_CONSTRAINT_UNIQUE` / `_PRIMARYKEY`), mysql2 (`ER_DUP_ENTRY`, errno
 * 1062) and PlanetScale over HTTP (the MySQL message, "Duplicate entry … (errno 1062)").
 */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false
  const e = error as { code?: unknown; errno?: unknown; message?: unknown }
  if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' || e.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return true
  if (e.code === 'ER_DUP_ENTRY' || e.errno === 1062) return true
  return (
    typeof e.message === 'string' && /Duplicate entry|errno 1062|UNIQUE constraint failed/.test(e.message)
  )
}
