/**
 * Kysely builds and compiles a query on every call: for a small hot query (the session check on
 * every signed-in request, the Register's cache version) that costs more than running it, and for
 * a large one (search's page, about a millisecond) it is a good part of the request. A prepared
 * query is built and compiled once per database instance, with markers in place of its arguments,
 * and then run with the arguments put where the markers were.
 */
import type { Compilable, CompiledQuery } from 'kysely'
import type { Db } from '../kysely'

type Slot = { arg: number } | { value: unknown }
type Prepared = { query: CompiledQuery<unknown>; slots: Slot[] }

function prepare(query: CompiledQuery<unknown>, markers: string[]): Prepared {
  const slots = query.parameters.map((value): Slot => {
    const arg = markers.indexOf(value as string)
    return arg >= 0 ? { arg } : { value }
  })
  // Every argument must travel as a parameter, unchanged, or the markers would be run.
  if (markers.some((_, i) => !slots.some((s) => 'arg' in s && s.arg === i)))
    throw new Error('preparedQuery: an argument is not a plain parameter of the query')
  return { query, slots }
}

async function run<R>(db: Db, entry: Prepared, args: readonly unknown[]): Promise<R[]> {
  const parameters = entry.slots.map((s) => ('arg' in s ? args[s.arg] : s.value))
  const result = await db.executeQuery<R>({ ...(entry.query as CompiledQuery<R>), parameters })
  return result.rows
}

const marker = (i: number) => `\u0000prepared-argument-${i}\u0000`

export function preparedQuery<A extends string[], R>(
  build: (db: Db, ...args: A) => Compilable<R>,
): (db: Db, ...args: A) => Promise<R[]> {
  const compiled = new WeakMap<Db, Prepared>()
  return async (db, ...args) => {
    let entry = compiled.get(db)
    if (!entry) {
      const markers = args.map((_, i) => marker(i))
      entry = prepare(build(db, ...(markers as A)).compile(), markers)
      compiled.set(db, entry)
    }
    return run<R>(db, entry, args)
  }
}

/**
 * A prepared query whose form varies: compiled once per database and `shape`, which must name
 * everything the form depends on (it is the key, as JSON), while `args` are the values that
 * travel as parameters (one left undefined is not given). `build` receives markers in place of the args: it may place them in the
 * query but never compute with them (an argument that is not a plain parameter is refused). The
 * forms are kept up to `forms` per database, the least recently used dropped first.
 */
export function preparedQueries<S, A extends object, R>(
  build: (db: Db, shape: S, args: A) => Compilable<R>,
  forms = 100,
): (db: Db, shape: S, args: A) => Promise<R[]> {
  const compiled = new WeakMap<Db, Map<string, Prepared>>()
  return async (db, shape, args) => {
    let byShape = compiled.get(db)
    if (!byShape) {
      byShape = new Map()
      compiled.set(db, byShape)
    }
    // Which args are given is part of the form: an argument given or not changes the query.
    const given = args as Record<string, unknown>
    const names = Object.keys(given)
      .filter((name) => given[name] !== undefined)
      .sort()
    const key = JSON.stringify([shape, names])
    let entry = byShape.get(key)
    if (entry) {
      byShape.delete(key)
    } else {
      const markers = names.map((_, i) => marker(i))
      const placed = Object.fromEntries(names.map((name, i) => [name, markers[i]])) as A
      entry = prepare(build(db, shape, placed).compile(), markers)
      if (byShape.size >= forms) byShape.delete(byShape.keys().next().value as string)
    }
    byShape.set(key, entry)
    return run<R>(
      db,
      entry,
      names.map((name) => given[name]),
    )
  }
}
