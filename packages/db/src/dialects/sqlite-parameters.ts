/**
 * better-sqlite3 builds SQLite with STAT4, under which a statement whose plan could depend on the
 * value of a bare `?` (any join, a LIKE, a range) is marked to be prepared again whenever a new
 * value is bound, and better-sqlite3 binds on every call. So a cached statement was in effect
 * prepared on every run: a two-table join by primary key took 13 µs instead of 2, `me.get`'s
 * memberships 23 µs instead of 4. Written as `+?` (unary plus: the same value, no affinity, valid
 * wherever `?` is) a parameter is an expression the planner does not look into, and the statement
 * stays prepared. Nothing is lost: the hub runs no ANALYZE, so there are no statistics a value
 * could have chosen a better plan from.
 */
export function pinParameters(source: string): string {
  let out = ''
  let quote: string | null = null
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!
    if (quote) {
      // A doubled quote inside a quoted run is an escaped quote: the run goes on.
      if (c === quote) quote = null
    } else if (c === "'" || c === '"' || c === '`') {
      quote = c
    } else if (c === '[') {
      quote = ']'
    } else if (c === '?' && source[i - 1] !== '+') {
      out += '+'
    }
    out += c
  }
  return out
}
