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

const score = sql<number>`round(-bm25(search_fts, 4.0, 1.0), 6)`

/** After the last page's last row, in the order (score desc, id desc). */
function after(cursor: { score: number; id: number } | undefined) {
  return cursor
    ? sql`and (${score} < ${cursor.score} or (${score} = ${cursor.score} and rowid < ${cursor.id}))`
    : sql``
}

/**
 * The index rows matching `match` (an `fts5Query`) with their scores, best first: `(id, score)` ordered by score, then id,
 * from after `cursor`, at most `candidates` of them. Only bm25 is computed for every match (inside
 * FTS5, which keeps just the best `candidates` while sorting); the caller reads this ordered stream
 * and stops at the end of its page, so the index rows and the access rules are read only for the
 * rows it visits (since 3.46 SQLite reads an ordered sub-query in order instead of sorting again:
 * a search's EXPLAIN QUERY PLAN shows this one sort). The LIMIT also keeps SQLite from flattening
 * it into the outer join, where the planner may scan another table first and bm25() then fails
 * ("unable to use function bm25 in the requested context").
 */
export function sqliteMatches(
  match: string,
  options: { cursor?: { score: number; id: number }; candidates?: number } = {},
): RawBuilder<{ id: number; score: number }> {
  return sql`(select rowid as id, ${score} as score
    from search_fts where search_fts match ${match} ${after(options.cursor)}
    order by score desc, id desc limit ${sql.lit(options.candidates ?? MAX_CANDIDATES)})`
}

/** How many rows match (from after `cursor`): no ranking, so far cheaper than the matches. */
export function sqliteMatchCount(match: string, cursor?: { score: number; id: number }): RawBuilder<number> {
  return sql<number>`(select count(*) from search_fts where search_fts match ${match} ${after(cursor)})`
}
