/**
 * The SQL of one page of search results: the dialect's matches with their scores, joined to the
 * index rows and the live items, filtered by the rule of a single read (`itemReadableBy`) and by
 * the caller's filters, in (score, index row id) order, with what the results show (title, groups,
 * body for the snippet). Compiled once per form; `searchHub` (query.ts) runs it and shapes results.
 */
import { type Db, dialectOf, type IndexDocType, jsonAgg, preparedQueries } from '@appg-hub/db'
import { type RawBuilder, sql } from 'kysely'
import type { Actor } from '../context'
import { documentDraftReadableBy, itemReadableBy } from '../links/readable'
import { mysqlMatchCount, mysqlMatches } from './mysql'
import { sqliteMatchCount, sqliteMatches } from './sqlite'

/** Where the last page ended: its last row's score and index row id (the keyset of the order). */
export interface SearchCursor {
  score: number
  id: number
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
export interface PageShape {
  reader: 'public' | 'person' | 'admin'
  rowTypes: IndexDocType[] | null
  candidates: number | null
}

/** The page query's parameters; the optional ones are left out when not asked for. */
export interface PageArgs {
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
export const pageRows = preparedQueries((db: Db, shape: PageShape, args: PageArgs) => {
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
