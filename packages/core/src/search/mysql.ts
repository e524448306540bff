/**
 * MySQL's and MariaDB's engine (PlanetScale too, over its HTTP protocol): an InnoDB FULLTEXT
 * index on `search_index (title, body)`, queried IN BOOLEAN MODE. InnoDB does not index words
 * shorter than `innodb_ft_min_token_size` (3 by default) nor its stopwords, and a required word it
 * did not index matches nothing, so such words are left out of the query rather than required;
 * inside a quoted phrase and as a prefix they work and are kept.
 */
import { type RawBuilder, sql } from 'kysely'
import type { ParsedQuery, SearchTerm } from './parse'

const MIN_TOKEN = 3
/** InnoDB's default full-text stopword list (INNODB_FT_DEFAULT_STOPWORD). */
const STOPWORDS = new Set(
  'a about an are as at be by com de en for from how i in is it la of on or that the this to was what when where who will with und www'.split(
    ' ',
  ),
)

function indexed(token: string): boolean {
  return token.length >= MIN_TOKEN && !STOPWORDS.has(token)
}

/** A term in boolean-mode syntax, or null when InnoDB could not match it. */
function written(term: SearchTerm): string | null {
  if (term.prefix) return `${term.tokens[0]}*`
  if (!term.tokens.some(indexed)) return null
  // Tokens are letters and digits only, so a quoted string holds no operator.
  return `"${term.tokens.join(' ')}"`
}

/** The boolean-mode query for a parsed query, or null when it cannot match anything. */
export function booleanQuery(query: ParsedQuery): string | null {
  const parts: string[] = []
  for (const term of query.terms) {
    const text = written(term)
    if (text !== null) parts.push(`${term.exclude ? '-' : '+'}${text}`)
  }
  return parts.some((p) => p.startsWith('+')) ? parts.join(' ') : null
}

const score = (against: string) =>
  sql<number>`round(match(title, body) against (${against} in boolean mode), 6)`

/** After the last page's last row, in the order (score desc, id desc). */
function after(against: string, cursor: { score: number; id: number } | undefined) {
  return cursor
    ? sql`and (${score(against)} < ${cursor.score} or (${score(against)} = ${cursor.score} and id < ${cursor.id}))`
    : sql``
}

/**
 * A derived table of the index rows matching `against` (a `booleanQuery`) with their scores, best first: `(id, score)`, from
 * after `cursor`, at most `candidates` of them (all without). MySQL materializes it, so the bound
 * is what keeps the access rules from being read for every match (see `searchHub`).
 */
export function mysqlMatches(
  against: string,
  options: { cursor?: { score: number; id: number }; candidates?: number } = {},
): RawBuilder<{ id: number; score: number }> {
  const bound = options.candidates
    ? sql`order by score desc, id desc limit ${sql.lit(options.candidates)}`
    : sql``
  return sql`(select id, ${score(against)} as score
    from search_index where match(title, body) against (${against} in boolean mode) ${after(against, options.cursor)}
    ${bound})`
}

/** How many rows match (from after `cursor`). */
export function mysqlMatchCount(against: string, cursor?: { score: number; id: number }): RawBuilder<number> {
  return sql<number>`(select count(*) from search_index
    where match(title, body) against (${against} in boolean mode) ${after(against, cursor)})`
}
