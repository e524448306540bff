/**
 * What the matrix is complete against: every procedure of the app router, and every row of every
 * table (to compare before and after a refused call).
 */
import { appRouter } from '@appg-hub/api'
import type { Db } from '@appg-hub/db'

/** A flat list of every procedure of the app router: path, type and declared access. */
export interface ProcedureInfo {
  path: string
  type: 'query' | 'mutation' | 'subscription'
  access: 'public' | 'signed-in' | 'site-admin' | undefined
  /** The zod schemas of `.input()` (merged in order when there are several). */
  inputs: unknown[]
}

/**
 * tRPC v11 keeps a flat map of every procedure (`_def.procedures`, keyed by dotted path) next to
 * the nested `record`; lazy routers (`_def.lazy`) would be missing from both until loaded, so
 * their presence fails loudly instead of being skipped.
 */
export function listProcedures(router = appRouter): ProcedureInfo[] {
  const def = router._def as unknown as {
    procedures: Record<
      string,
      { _def: { type: ProcedureInfo['type']; meta?: { access?: string }; inputs: unknown[] } }
    >
    record: Record<string, unknown>
    lazy?: Record<string, unknown>
  }
  if (def.lazy && Object.keys(def.lazy).length > 0)
    throw new Error(`lazy routers are not enumerable without loading: ${Object.keys(def.lazy).join(', ')}`)
  const flat = new Map<string, ProcedureInfo>()
  for (const [path, procedure] of Object.entries(def.procedures)) {
    flat.set(path, {
      path,
      type: procedure._def.type,
      access: procedure._def.meta?.access as ProcedureInfo['access'],
      inputs: procedure._def.inputs,
    })
  }
  // Cross-check against a walk of the nested record, so that neither view can hide a procedure.
  const walked: string[] = []
  const walk = (record: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(record)) {
      const path = prefix ? `${prefix}.${key}` : key
      const v = value as {
        _def?: { procedure?: boolean; router?: boolean; record?: Record<string, unknown> }
      }
      if (typeof value === 'function' && v._def?.procedure) walked.push(path)
      else if (v._def?.router && v._def.record) walk(v._def.record, path)
      else if (value && typeof value === 'object') walk(value as Record<string, unknown>, path)
    }
  }
  walk(def.record, '')
  for (const path of walked)
    if (!flat.has(path))
      throw new Error(`procedure ${path} is in the router record but not in _def.procedures`)
  if (walked.length !== flat.size)
    throw new Error(`the router record holds ${walked.length} procedures, _def.procedures ${flat.size}`)
  return [...flat.values()].sort((a, b) => a.path.localeCompare(b.path))
}

/**
 * Every row of every table, for comparing before and after a refused call. The tables come from
 * the database itself (Kysely's introspection, which skips only its own migration tables), so a
 * table added to `Database` later is covered without editing this list; `expectedTables` in the
 * matrix checks that the introspected set and `Database` agree.
 */
export async function snapshotAll(db: Db, options: { except?: readonly string[] } = {}) {
  const tables = (await tableNames(db)).filter((name) => !options.except?.includes(name))
  const entries = await Promise.all(
    tables.map(async (table) => {
      // biome-ignore lint/suspicious/noExplicitAny: the table name comes from introspection.
      const rows = await (db as any).selectFrom(table).selectAll().execute()
      return [table, (rows as unknown[]).map((r) => JSON.stringify(r)).sort()] as const
    }),
  )
  return Object.fromEntries(entries) as Record<string, string[]>
}

/** The tables of the database, asked once per database (the schema does not change under a test). */
const tablesOf = new WeakMap<Db, Promise<string[]>>()
export function tableNames(db: Db): Promise<string[]> {
  let names = tablesOf.get(db)
  if (!names) {
    // SQLite's FTS5 table and its shadow tables only mirror search_index, which is compared.
    names = db.introspection.getTables().then((tables) =>
      tables
        .map((t) => t.name)
        .filter((name) => !name.startsWith('search_fts'))
        .sort(),
    )
    tablesOf.set(db, names)
  }
  return names
}
