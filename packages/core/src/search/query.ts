/**
 * `search.query`: one ranked list of the groups, topics, sessions, documents and comments that
 * match, as far as the caller may read them. Each dialect module supplies the matching index rows
 * with a score (`sqlite.ts`, `mysql.ts`); everything else is one portable query (`page-query.ts`).
 * Access is decided in SQL, before paging, by the rule of a single read (`itemReadableBy`,
 * evaluated on the live item row at search time), so a result, its title, its snippet and the
 * existence of a next page are only ever about readable things.
 */
import {
  type Db,
  dialectOf,
  type IndexDocType,
  parseJsonArray,
  SEARCH_DOC_TYPES,
  type SearchDocType,
} from '@appg-hub/db'
import { SEARCH_MAX_PAGE_SIZE } from '@appg-hub/schemas'
import type { ServiceContext } from '../context'
import { badRequest } from '../errors'
import { itemPath } from '../items/load'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { booleanQuery } from './mysql'
import { pageRows, type SearchCursor } from './page-query'
import { type ParsedQuery, parseQuery } from './parse'
import { type SnippetPart, snippetMaker } from './snippet'
import { fts5Query } from './sqlite'

export { SEARCH_MAX_PAGE_SIZE } from '@appg-hub/schemas'

export { SEARCH_DOC_TYPES, type SearchDocType }

export const SEARCH_PAGE_SIZE = 20

export interface SearchInput {
  q: string
  types?: SearchDocType[]
  /** A group's slug: only that group and the items it takes part in. */
  group?: string
  /** Changed on or after this day (YYYY-MM-DD, UTC). */
  from?: string
  /** Changed on or before this day (YYYY-MM-DD, UTC). */
  to?: string
  cursor?: string | null
  limit?: number
}

export interface SearchResult {
  type: SearchDocType
  id: string
  title: string
  /** The words around the match; `match` marks the matched words. Plain text, never HTML. */
  snippet: SnippetPart[]
  url: string
  groups: { slug: string; title: string }[]
  updatedAt: string
}

/** The query in the engine's own syntax, or null when it cannot match anything. */
function engineQuery(db: Db, query: ParsedQuery): string | null {
  return dialectOf(db) === 'sqlite' ? fts5Query(query) : booleanQuery(query)
}

/**
 * How many of the best matches a first attempt ranks: enough for a page when most of
 * them are readable; when fewer than a page are and more rows match, the search is run again over
 * every match (`searchHub`), so the bound changes how much work is done, never what is found.
 */
const CANDIDATES_PER_ROW = 10
const MIN_CANDIDATES = 200

function encodeSearchCursor(c: SearchCursor): string {
  return encodeCursor(JSON.stringify([c.score, c.id]))
}

/** Undefined for no cursor; anything `encodeSearchCursor` did not make is a BAD_REQUEST. */
function decodeSearchCursor(cursor: string | null | undefined): SearchCursor | undefined {
  const text = decodeCursor(cursor)
  if (text === undefined) return undefined
  let value: unknown = null
  try {
    value = JSON.parse(text)
  } catch {}
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    Number.isFinite(value[0]) &&
    Number.isSafeInteger(value[1])
  )
    return { score: value[0], id: value[1] as number }
  throw badRequest('That page link is not valid; start again from the first page.', 'cursor')
}

/** One attempt at the page: the first bounded by `candidates`, the second (undefined) not. */
async function readPage(
  ctx: ServiceContext,
  match: string,
  input: SearchInput,
  limit: number,
  cursor: SearchCursor | undefined,
  candidates: number | undefined,
) {
  const { db, actor } = ctx
  const reader = !actor ? 'public' : actor.isSiteAdmin ? 'admin' : 'person'
  const rowTypes =
    input.types && input.types.length > 0
      ? [
          ...new Set(
            input.types.flatMap((t): IndexDocType[] => (t === 'document' ? ['document', 'published'] : [t])),
          ),
        ].sort()
      : null
  const rows = await pageRows(
    db,
    { reader, rowTypes, candidates: candidates ?? null },
    {
      match,
      readerId: reader === 'person' ? actor?.id : undefined,
      group: input.group || undefined,
      from: input.from ? `${input.from}T00:00:00.000Z` : undefined,
      to: input.to ? `${input.to}T23:59:59.999Z` : undefined,
      afterScore: cursor?.score,
      afterId: cursor?.id,
      rows: limit + 1,
    },
  )
  // Only the empty page's row lacks an index row; every other row has all of them.
  const found = rows.flatMap(({ id, doc_type, doc_id, body, updated_at, ...rest }) =>
    id === null || doc_type === null || doc_id === null || body === null || updated_at === null
      ? []
      : [{ ...rest, id, doc_type, doc_id, body, updated_at }],
  )
  return { total: rows[0]?.total ?? null, rows: found }
}

/** One query (two when the best matches hold less than a page of readable ones): see `pageRows`. */
export async function searchHub(ctx: ServiceContext, input: SearchInput): Promise<Page<SearchResult>> {
  const limit = Math.min(Math.max(1, input.limit ?? SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE_SIZE)
  const parsed = parseQuery(input.q)
  const cursor = decodeSearchCursor(input.cursor)
  const match = engineQuery(ctx.db, parsed)
  if (match === null) return { items: [], nextCursor: null }
  const candidates = Math.max(MIN_CANDIDATES, (limit + 1) * CANDIDATES_PER_ROW)
  let read = await readPage(ctx, match, input, limit, cursor, candidates)
  // Less than a page readable among the best matches while more rows match: the rest of the page
  // may lie further down, so every match is ranked.
  if (read.rows.length <= limit && read.total !== null && Number(read.total) > candidates)
    read = await readPage(ctx, match, input, limit, cursor, undefined)
  const { rows } = read
  const snippet = snippetMaker(parsed)
  const page = rows.slice(0, limit)
  const last = page[page.length - 1]
  return {
    items: page.map((row) => {
      const type = (row.doc_type === 'published' ? 'document' : row.doc_type) as SearchDocType
      const groups =
        type === 'group'
          ? [{ slug: row.groupSlug ?? '', title: row.title }]
          : parseJsonArray<{ slug: string; title: string; owner: number; at: string }>(row.groups)
              .sort(
                (a, b) =>
                  Number(b.owner) - Number(a.owner) ||
                  a.at.localeCompare(b.at) ||
                  a.slug.localeCompare(b.slug),
              )
              .map(({ slug, title }) => ({ slug, title }))
      return {
        type,
        id: row.doc_id,
        title: type === 'comment' ? `Comment on “${row.title}”` : row.title,
        snippet: snippet(row.body),
        url:
          type === 'group'
            ? `/groups/${row.groupSlug}`
            : type === 'comment'
              ? `${itemPath(row.item_type!, row.item_id!)}#comment-${row.doc_id}`
              : itemPath(row.item_type!, row.item_id!),
        groups,
        updatedAt: row.updated_at,
      }
    }),
    nextCursor:
      rows.length > limit && last
        ? encodeSearchCursor({ score: Number(last.score), id: Number(last.id) })
        : null,
  }
}
