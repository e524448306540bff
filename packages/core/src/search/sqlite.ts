/**
 * SQLite's engine: FTS5 over `search_index` (external content, porter stemming, diacritics
 * removed). Ranking is bm25 with the title weighted above the body; negated so that, as on
 * MySQL, a higher score is a better match.
 */
import { type RawBuilder, sql } from 'kysely'
import type { ParsedQuery, SearchTerm } from './parse'

/** Every term becomes a quoted FTS5 string, so no operator of FTS5's own syntax ever reaches it. */
function quoted(term: SearchTerm): string {
  const text = `"${term.tokens.join(' ').replace(/"/g, '""')}"`
  return term.prefix ? `${text}*` : text
}

/** The FTS5 query for a parsed query, or null when it cannot match anything. */
export function fts5Query(query: ParsedQuery): string | null {
  const required = query.terms.filter((t) => !t.exclude).map(quoted)
  if (required.length === 0) return null
  const excluded = query.terms.filter((t) => t.exclude).map(quoted)
  return `(${required.join(' AND ')})${excluded.map((e) => ` NOT ${e}`).join('')}`
}

/** Far more matches than a person pages through; see below for why there is a bound at all. */
const MAX_CANDIDATES = 100_000

/**
 * A derived table of the matching index rows with their scores: `(id, score)`. The LIMIT keeps
 * SQLite from flattening it into the outer join, where the planner may scan another table first
 * and bm25() then fails ("unable to use function bm25 in the requested context").
 */
export function sqliteMatches(query: ParsedQuery): RawBuilder<{ id: number; score: number }> | null {
  const match = fts5Query(query)
  if (match === null) return null
  return sql`(select rowid as id, round(-bm25(search_fts, 4.0, 1.0), 6) as score
    from search_fts where search_fts match ${match} limit ${sql.lit(MAX_CANDIDATES)})`
}
