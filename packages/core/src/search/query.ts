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
  jsonAgg,
  parseJsonArray,
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
import { mysqlMatches } from './mysql'
import { type ParsedQuery, parseQuery } from './parse'
import { makeSnippet, type SnippetPart } from './snippet'
import { sqliteMatches } from './sqlite'

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

function matchesFor(db: Db, query: ParsedQuery): RawBuilder<{ id: number; score: number }> | null {
  return dialectOf(db) === 'sqlite' ? sqliteMatches(query) : mysqlMatches(query)
}

interface SearchCursor {
  score: number
  updatedAt: string
  id: number
}

function encodeSearchCursor(c: SearchCursor): string {
  return encodeCursor(JSON.stringify([c.score, c.updatedAt, c.id]))
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
    value.length === 3 &&
    typeof value[0] === 'number' &&
    Number.isFinite(value[0]) &&
    typeof value[1] === 'string' &&
    value[1].length <= 24 &&
    Number.isSafeInteger(value[2])
  )
    return { score: value[0], updatedAt: value[1], id: value[2] as number }
  throw badRequest('That page link is not valid; start again from the first page.', 'cursor')
}

/**
 * The ids of one page of readable matches, best first: relevance, then the most recently changed,
 * then the index row (a stable order for the cursor).
 */
function pageOfMatches(
  db: Db,
  actor: Actor | null,
  matches: RawBuilder<{ id: number; score: number }>,
  input: SearchInput,
  limit: number,
) {
  const after = decodeSearchCursor(input.cursor)
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
    .orderBy('hit.score', 'desc')
    .orderBy('s.updated_at', 'desc')
    .orderBy('hit.id', 'desc')
    .limit(limit + 1)
  if (input.types && input.types.length > 0) {
    const rowTypes = input.types.flatMap((t) => (t === 'document' ? ['document', 'published'] : [t]))
    query = query.where('s.doc_type', 'in', rowTypes)
  }
  if (input.group) {
    const slug = input.group
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
  if (input.from) query = query.where('s.updated_at', '>=', `${input.from}T00:00:00.000Z`)
  if (input.to) query = query.where('s.updated_at', '<=', `${input.to}T23:59:59.999Z`)
  if (after) {
    query = query.where((eb) =>
      eb.or([
        eb('hit.score', '<', after.score),
        eb.and([
          eb('hit.score', '=', after.score),
          eb.or([
            eb('s.updated_at', '<', after.updatedAt),
            eb.and([eb('s.updated_at', '=', after.updatedAt), eb('hit.id', '<', after.id)]),
          ]),
        ]),
      ]),
    )
  }
  return query
}

/** One query: the page of readable matches, then their titles, groups and text for the snippets. */
export async function searchHub(ctx: ServiceContext, input: SearchInput): Promise<Page<SearchResult>> {
  const { db, actor } = ctx
  const limit = Math.min(Math.max(1, input.limit ?? SEARCH_PAGE_SIZE), SEARCH_MAX_PAGE_SIZE)
  const parsed = parseQuery(input.q)
  const matches = matchesFor(db, parsed)
  if (!matches) {
    decodeSearchCursor(input.cursor)
    return { items: [], nextCursor: null }
  }
  const rows = await db
    .selectFrom(pageOfMatches(db, actor, matches, input, limit).as('p'))
    .innerJoin('search_index as s', 's.id', 'p.id')
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
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
    .execute()

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
        snippet: makeSnippet(row.body, parsed),
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
        ? encodeSearchCursor({ score: Number(last.score), updatedAt: last.updated_at, id: Number(last.id) })
        : null,
  }
}
