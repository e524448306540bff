/**
 * `search.query`: one ranked list of the groups, topics, sessions, documents and comments that
 * match, as far as the caller may read them. Each dialect module supplies the matching index rows
 * with a score (`sqlite.ts`, `mysql.ts`); everything else is one portable query. Access is decided
 * in SQL, before paging, by the rule of a single read (`itemReadableBy`, evaluated on the live item
 * row at search time), so a result, its title, its snippet and the existence of a next page are
 * only ever about readable things.
 */
import {
  type Db,
  dialectOf,
  type IndexDocType,
  jsonAgg,
  parseJsonArray,
  preparedQueries,
  SEARCH_DOC_TYPES,
  type SearchDocType,
} from '@appg-hub/db'
import { SEARCH_MAX_PAGE_SIZE } from '@appg-hub/schemas'
import { type RawBuilder, sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { badRequest } from '../errors'
import { itemPath } from '../items/load'
import { documentDraftReadableBy, itemReadableBy } from '../links/readable'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { booleanQuery, mysqlMatchCount, mysqlMatches } from './mysql'
import { type ParsedQuery, parseQuery } from './parse'
import { type SnippetPart, snippetMaker } from './snippet'
import { fts5Query, sqliteMatchCount, sqliteMatches } from './sqlite'

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

function matchesFor(
  db: Db,
  match: string,
  options: { cursor?: SearchCursor; candidates?: number },
): RawBuilder<{ id: number; score: number }> {
  return dialectOf(db) === 'sqlite' ? sqliteMatches(match, options) : mysqlMatches(match, options)
}

function matchCountFor(db: Db, match: string, cursor: SearchCursor | undefined): RawBuilder<number> {
  return dialectOf(db) === 'sqlite' ? sqliteMatchCount(match, cursor) : mysqlMatchCount(match, cursor)
}

/**
 * How many of the best matches a first attempt ranks: enough for a page when most of
 * them are readable; when fewer than a page are and more rows match, the search is run again over
 * every match (`searchHub`), so the bound changes how much work is done, never what is found.
 */
const CANDIDATES_PER_ROW = 10
const MIN_CANDIDATES = 200

/** Where the last page ended: its last row's score and index row id (the keyset of the order). */
interface SearchCursor {
  score: number
  id: number
}

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

/**
 * The ids of one page of readable matches, best first: relevance, then the index row. Every change
 * to an item's words writes its index row anew (and a rebuild writes them oldest first), so of two
 * equally relevant rows the higher id is the more recently changed: recency breaks ties, and
 * (score, id) is a keyset for the cursor.
 */
function pageOfMatches(
  db: Db,
  actor: Actor | null,
  matches: RawBuilder<{ id: number; score: number }>,
  shape: PageShape,
  args: PageArgs,
  after: SearchCursor | undefined,
) {
  let query = db
    .selectFrom(matches.as('hit'))
    .innerJoin('search_index as s', 's.id', 'hit.id')
    .leftJoin('topic as t', (j) => j.onRef('t.id', '=', 's.item_id').on('s.item_type', '=', 'topic'))
    .leftJoin('meeting as m', (j) => j.onRef('m.id', '=', 's.item_id').on('s.item_type', '=', 'meeting'))
    .leftJoin('document as d', (j) => j.onRef('d.id', '=', 's.item_id').on('s.item_type', '=', 'document'))
    .leftJoin('comment as c', (j) => j.onRef('c.id', '=', 's.doc_id').on('s.doc_type', '=', 'comment'))
    .select(['hit.id', 'hit.score', 's.updated_at'])
    // Readable exactly when a single read of the item (for a comment, of its topic, session or
    // document) would succeed; Register groups are public.
    .where((eb) =>
      eb.or([
        eb.and([
          eb('s.doc_type', '=', 'group'),
          eb.exists(eb.selectFrom('appg').select('appg.id').whereRef('appg.id', '=', 's.doc_id')),
        ]),
        eb.and([eb('t.id', 'is not', null), itemReadableBy(eb as never, actor, 'topic', 't')]),
        eb.and([eb('m.id', 'is not', null), itemReadableBy(eb as never, actor, 'meeting', 'm')]),
        eb.and([eb('d.id', 'is not', null), itemReadableBy(eb as never, actor, 'document', 'd')]),
      ]),
    )
    // Of a published document's two rows, each reader finds the words a single read shows them:
    // its groups the working draft, everyone else the approved revision (documents published
    // before approved revisions were kept have only the one row, their head).
    .where((eb) => {
      const draftReader = documentDraftReadableBy(eb as never, actor, 'd')
      return eb.or([
        eb('s.doc_type', 'not in', ['document', 'published']),
        eb.and([
          eb('s.doc_type', '=', 'document'),
          eb.or([draftReader, eb('d.published_revision_id', 'is', null)]),
        ]),
        eb.and([eb('s.doc_type', '=', 'published'), eb.not(draftReader)]),
      ])
    })
    // A comment hidden or deleted since it was indexed is not found either.
    .where((eb) =>
      eb.or([
        eb('s.doc_type', '!=', 'comment'),
        eb.and([eb('c.id', 'is not', null), eb('c.deleted_at', 'is', null), eb('c.hidden_at', 'is', null)]),
      ]),
    )
    // The order the engine module already returns the matches in: the rows are read in that order
    // and reading stops at the page's end, so only the rows before it are checked for access.
    .orderBy('hit.score', 'desc')
    .orderBy('hit.id', 'desc')
    .limit(args.rows)
  if (shape.rowTypes) query = query.where('s.doc_type', 'in', shape.rowTypes)
  if (args.group !== undefined) {
    const slug = args.group
    query = query.where((eb) =>
      eb.or([
        eb.and([
          eb('s.doc_type', '=', 'group'),
          eb('s.doc_id', 'in', eb.selectFrom('appg').select('appg.id').where('appg.slug', '=', slug)),
        ]),
        eb.exists(
          eb
            .selectFrom('participant as fp')
            .innerJoin('appg as fa', 'fa.id', 'fp.appg_id')
            .select('fp.appg_id')
            .whereRef('fp.item_type', '=', 's.item_type')
            .whereRef('fp.item_id', '=', 's.item_id')
            .where('fa.slug', '=', slug),
        ),
      ]),
    )
  }
  if (args.from !== undefined) query = query.where('s.updated_at', '>=', args.from)
  if (args.to !== undefined) query = query.where('s.updated_at', '<=', args.to)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('hit.score', '<', after.score),
        eb.and([eb('hit.score', '=', after.score), eb('hit.id', '<', after.id)]),
      ]),
    )
  }
  return query
}

/**
 * What the page query's form depends on (the key it is compiled under): who reads — the public,
 * a person, a site admin — , the index row types asked for, and the bound on the first attempt.
 */
interface PageShape {
  reader: 'public' | 'person' | 'admin'
  rowTypes: IndexDocType[] | null
  candidates: number | null
}

/** The page query's parameters; the optional ones are left out when not asked for. */
interface PageArgs {
  match: string
  readerId?: string
  group?: string
  from?: string
  to?: string
  afterScore?: number
  afterId?: number
  /** The page's size plus one, to tell whether there is a next page. */
  rows: number
}

/** The reader the access rules are written for: they read only the id and the admin flag. */
function shapeReader(shape: PageShape, id: string | undefined): Actor | null {
  if (shape.reader === 'public') return null
  const unused = (): never => {
    throw new Error('search: the prepared page query knows only the reader’s id and admin flag')
  }
  return {
    id: id ?? '',
    isSiteAdmin: shape.reader === 'admin',
    get email() {
      return unused()
    },
    get displayName() {
      return unused()
    },
    get kind() {
      return unused()
    },
  }
}

/**
 * The page's rows (one more, to tell whether there is a next page), with their titles, groups and
 * text for the snippets. Built and compiled once per form (`preparedQueries`): building this query
 * with Kysely costs about as much as running it.
 */
const pageRows = preparedQueries((db: Db, shape: PageShape, args: PageArgs) => {
  const actor = shapeReader(shape, args.readerId)
  const cursor =
    args.afterScore !== undefined && args.afterId !== undefined
      ? { score: args.afterScore, id: args.afterId }
      : undefined
  const candidates = shape.candidates ?? undefined
  const matches = matchesFor(db, args.match, { cursor, candidates })
  // With a bound, how many rows match, computed once. The one-row table it is read from is
  // left-joined to the page, so that the answer carries it even when the page is empty.
  const total = candidates ? matchCountFor(db, args.match, cursor) : null
  return db
    .selectFrom(sql<{ total: number | null }>`(select ${total ?? sql`null`} as total)`.as('n'))
    .leftJoin(pageOfMatches(db, actor, matches, shape, args, cursor).as('p'), (j) => j.onTrue())
    .leftJoin('search_index as s', 's.id', 'p.id')
    .leftJoin('appg as g', (j) => j.onRef('g.id', '=', 's.doc_id').on('s.doc_type', '=', 'group'))
    .leftJoin('topic as t', (j) => j.onRef('t.id', '=', 's.item_id').on('s.item_type', '=', 'topic'))
    .leftJoin('meeting as m', (j) => j.onRef('m.id', '=', 's.item_id').on('s.item_type', '=', 'meeting'))
    .leftJoin('document as d', (j) => j.onRef('d.id', '=', 's.item_id').on('s.item_type', '=', 'document'))
    .select((eb) => [
      'p.id',
      'p.score',
      'p.updated_at',
      's.doc_type',
      's.doc_id',
      's.item_type',
      's.item_id',
      's.body',
      'g.slug as groupSlug',
      sql<string>`coalesce(g.title, t.title, m.title, d.title, '')`.as('title'),
      'n.total',
      eb
        .selectFrom('participant')
        .innerJoin('appg', 'appg.id', 'participant.appg_id')
        .select(
          jsonAgg(db, {
            slug: 'appg.slug',
            title: 'appg.title',
            owner: 'participant.is_owner',
            at: 'participant.joined_at',
          }).as('groups'),
        )
        .whereRef('participant.item_type', '=', 's.item_type')
        .whereRef('participant.item_id', '=', 's.item_id')
        .as('groups'),
    ])
    .orderBy('p.score', 'desc')
    .orderBy('p.id', 'desc')
})

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
