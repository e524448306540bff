/**
 * Kysely builds and compiles a query on every call: for a small hot query (the session check on
 * every signed-in request, the Register's cache version) that costs more than running it. A
 * prepared query is built and compiled once per database instance, with markers in place of its
 * arguments, and then run with the arguments put where the markers were.
 */
import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from '../kysely'

type Slot = { arg: number } | { value: unknown }

export function preparedQuery<A extends string[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<Db, { query: CompiledQuery<R>; slots: Slot[] }>()
  return async (db, ...args) => {
    let entry = compiled.get(db)
    if (!entry) {
      const markers = args.map((_, i) => `\u0000prepared-argument-${i}\u0000`) as A
      const query = build(db, ...markers).compile()
      const slots = query.parameters.map((value): Slot => {
        const arg = markers.indexOf(value as string)
        return arg >= 0 ? { arg } : { value }
      })
      // Every argument must travel as a parameter, unchanged, or the markers would be run.
      if (markers.some((_, i) => !slots.some((s) => 'arg' in s && s.arg === i)))
        throw new Error('preparedQuery: an argument is not a plain parameter of the query')
      entry = { query, slots }
      compiled.set(db, entry)
    }
    const parameters = entry.slots.map((s) => ('arg' in s ? args[s.arg] : s.value))
    const result = await db.executeQuery<R>({ ...entry.query, parameters })
    return result.rows
  }
}
