/** Reading documents: the document page, its history, one revision, the diff between two. */
import { type Db, jsonAgg, parseJsonArray, type Visibility } from '@appg-hub/db'
import { type SqlBool, sql } from 'kysely'
import type { ServiceContext } from '../context'
import { badRequest, notFound } from '../errors'
import { assertCan } from '../items/access'
import { itemFromRow, itemRowQuery, participantsOf } from '../items/load'
import { groupCan, ownerCan } from '../items/powers'
import { type LinkView, linkHostsOf, linkRowsOf, linksFromJson } from '../links/list'
import { linkReferencesInHtml } from '../links/refs'
import { renderMarkdown } from '../markdown'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { can } from '../policy'
import { type DocumentKind, HISTORY_PAGE_SIZE, PRESENCE_TTL_MS } from './fields'
import { draftsReaderRow } from './guards'
import { noticeFromJson, noticeFundersOf, noticeGroupsOf, type PublicationNotice } from './notice'
import type { PresentPerson } from './presence'
import { diffText, type LineDiff } from './text'

export type { PublicationNotice }

/**
 * Markdown rendered safely (html disabled), with `[[type:id]]` references turned into links.
 * Headings go one level down (`#` is an <h2>), as the page's own <h1> is the document's title.
 */
export function renderDocumentBody(body: string): string {
  const html = renderMarkdown(body).html.replace(
    /<(\/?)h([1-5])>/g,
    (_all, close: string, level: string) => `<${close}h${Number(level) + 1}>`,
  )
  return linkReferencesInHtml(html)
}

/**
 * Revisions never change, so their HTML is kept (the most recently read first, up to about 8 M
 * characters per process): a large public document read over and over is rendered once, not once
 * per read, which would let anyone keep the server busy.
 */
const renderedRevisions = new Map<string, string>()
const RENDER_CACHE_CHARS = 8_000_000
let renderedChars = 0

export function renderRevisionBody(revisionId: string, body: string): string {
  const hit = renderedRevisions.get(revisionId)
  if (hit !== undefined) {
    renderedRevisions.delete(revisionId)
    renderedRevisions.set(revisionId, hit)
    return hit
  }
  const html = renderDocumentBody(body)
  renderedRevisions.set(revisionId, html)
  renderedChars += html.length
  for (const [id, old] of renderedRevisions) {
    if (renderedChars <= RENDER_CACHE_CHARS || renderedRevisions.size <= 1) break
    renderedRevisions.delete(id)
    renderedChars -= old.length
  }
  return html
}

export interface DocumentView {
  id: string
  kind: DocumentKind
  title: string
  status: 'draft' | 'published'
  visibility: Visibility
  owner: { slug: string; title: string }
  coAuthors: { slug: string; title: string; joinedAt: string }[]
  head: {
    id: string
    number: number
    author: { id: string; name: string }
    createdAt: string
    merged: boolean
  }
  body: string
  bodyHtml: string
  links: LinkView[]
  backlinks: LinkView[]
  /** Others who have it open in the editor now (never the caller). */
  presence: PresentPerson[]
  createdBy: { id: string; name: string }
  createdAt: string
  updatedAt: string
  /** Shown on the public page and the print view of a published document. */
  publication: PublicationNotice | null
  /**
   * The approved revision the public reads while the document is published. People outside its
   * groups get this revision as `head`/`body` too, never the working draft.
   */
  published: { number: number; createdAt: string; body: string; bodyHtml: string } | null
  /** For the groups: what the working draft changed since the approved revision (null when none). */
  changesSincePublication: (LineDiff & { fromNumber: number; toNumber: number }) | null
  can: {
    edit: boolean
    publish: boolean
    invite: boolean
    comment: boolean
    /** Slugs of co-author groups the actor may take out of the document. */
    leave: string[]
  }
}

/**
 * The document page in one query after the session check: the document with its head revision and
 * its approved (published) revision, its participant groups and the caller's role in each, its
 * link rows, who has it open and every group's Register entry and funders for the notice,
 * aggregated alongside (a third query only to name linked items, if any).
 */
export async function getDocument(ctx: ServiceContext, id: string): Promise<DocumentView> {
  const since = new Date(ctx.clock.now().getTime() - PRESENCE_TTL_MS).toISOString()
  const row = await ctx.db
    .selectFrom('document as d')
    .innerJoin('revision as r', 'r.id', 'd.head_revision_id')
    .innerJoin('person as author', 'author.id', 'r.author_id')
    .innerJoin('person as creator', 'creator.id', 'd.created_by')
    // Documents published before the approved revision was kept: their head is what was published.
    .leftJoin('revision as p', (join) =>
      join.on((eb) =>
        eb('p.id', '=', eb.fn.coalesce('d.published_revision_id', 'd.head_revision_id') as unknown as string),
      ),
    )
    .leftJoin('person as pAuthor', 'pAuthor.id', 'p.author_id')
    .select((eb) => [
      'd.id',
      'd.title',
      'd.kind',
      'd.status',
      'd.visibility',
      'd.head_number',
      'd.created_at',
      'd.updated_at',
      'r.id as headId',
      'r.body',
      'r.created_at as headAt',
      'r.merged',
      'author.id as authorId',
      'author.display_name as authorName',
      'creator.id as creatorId',
      'creator.display_name as creatorName',
      'p.id as pubId',
      'p.number as pubNumber',
      'p.body as pubBody',
      'p.created_at as pubAt',
      'p.merged as pubMerged',
      'pAuthor.id as pubAuthorId',
      'pAuthor.display_name as pubAuthorName',
      participantsOf(ctx.db, 'document', 'd.id', ctx.actor).as('participants'),
      linkRowsOf(ctx.db, ctx.actor, 'document', sql.ref<string>('d.id')).as('links'),
      linkHostsOf(ctx.db, 'document', sql.ref<string>('d.id')).as('linkHosts'),
      eb
        .selectFrom('document_presence as dp')
        .innerJoin('person as pp', 'pp.id', 'dp.person_id')
        .select(
          jsonAgg(ctx.db, { id: 'pp.id', name: 'pp.display_name', lastSeenAt: 'dp.last_seen_at' }).as(
            'presence',
          ),
        )
        .whereRef('dp.document_id', '=', 'd.id')
        .where('dp.last_seen_at', '>', since)
        .where('dp.person_id', '<>', ctx.actor?.id ?? '')
        .as('presence'),
      noticeGroupsOf(ctx.db, 'document', 'd.id').as('noticeGroups'),
      noticeFundersOf(ctx.db, 'document', 'd.id').as('noticeFunders'),
    ])
    .where('d.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('That document')
  const item = itemFromRow(ctx.actor, 'document', row)
  const access = item.access
  assertCan(access, 'item.read', 'That document', '')
  const writer = Boolean(access.role) || access.isSiteAdmin
  const links = linksFromJson('document', id, row.links, row.linkHosts)
  // Only the groups writing it see who is editing; a reader of the published page does not.
  const presence =
    ctx.actor && writer
      ? parseJsonArray<PresentPerson>(row.presence).sort((a, b) => (a.lastSeenAt < b.lastSeenAt ? -1 : 1))
      : []
  const published =
    row.status === 'published' && row.pubId !== null
      ? {
          number: Number(row.pubNumber),
          createdAt: row.pubAt!,
          body: row.pubBody!,
          bodyHtml: renderRevisionBody(row.pubId, row.pubBody!),
        }
      : null
  // Outside its groups, the document is its approved revision: the working draft stays theirs.
  const frozen = published && !writer
  const head = frozen
    ? {
        id: row.pubId!,
        number: published.number,
        author: { id: row.pubAuthorId!, name: row.pubAuthorName! },
        createdAt: published.createdAt,
        merged: Number(row.pubMerged) === 1,
      }
    : {
        id: row.headId,
        number: Number(row.head_number),
        author: { id: row.authorId, name: row.authorName },
        createdAt: row.headAt,
        merged: Number(row.merged) === 1,
      }
  const body = frozen ? published.body : row.body
  const partners = item.participants.filter((p) => !p.isOwner)
  return {
    id: row.id,
    kind: row.kind,
    title: item.title,
    status: row.status,
    visibility: row.visibility,
    owner: { slug: item.owner.slug, title: item.owner.title },
    coAuthors: partners.map((p) => ({ slug: p.slug, title: p.title, joinedAt: p.joinedAt })),
    head,
    body,
    bodyHtml: frozen ? published.bodyHtml : renderRevisionBody(row.headId, row.body),
    links: links.links,
    backlinks: links.backlinks,
    presence,
    createdBy: { id: row.creatorId, name: row.creatorName },
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publication: published ? noticeFromJson(item, row.noticeGroups, row.noticeFunders) : null,
    published,
    changesSincePublication:
      published && writer && row.pubId !== row.headId
        ? {
            ...diffText(published.body, row.body),
            fromNumber: published.number,
            toNumber: Number(row.head_number),
          }
        : null,
    can: {
      edit: can(access, 'item.edit'),
      publish: ownerCan(access, 'item.invite'),
      invite: ownerCan(access, 'item.invite'),
      comment: can(access, 'item.comment'),
      leave: partners.filter((p) => groupCan(access, p.appgId, 'item.invite')).map((p) => p.slug),
    },
  }
}

export interface HistoryEntry {
  id: string
  number: number
  author: { id: string; name: string }
  createdAt: string
  merged: boolean
  /** The revision the author started from (null for the first). */
  baseNumber: number | null
  /** Everyone whose edits went into a revision written from the live editor (else empty). */
  contributors: { id: string; name: string }[]
  /** The note given with "Save version", if any. */
  note: string | null
}

/**
 * The revisions of a document with their authors and base, for the pages of its drafts (history,
 * one revision, a diff). Joined to the document's own row (`itemRowQuery`) so that the access
 * check and the revisions come back in one query; the access check still answers first.
 */
function revisionsOf(db: Db, documentId: string) {
  return db
    .selectFrom('revision as r')
    .innerJoin('person as p', 'p.id', 'r.author_id')
    .leftJoin('revision as b', 'b.id', 'r.base_revision_id')
    .select([
      'r.id',
      'r.number',
      'r.created_at',
      'r.merged',
      'r.note',
      'p.id as authorId',
      'p.display_name as authorName',
      'b.number as baseNumber',
    ])
    .where('r.document_id', '=', documentId)
}

/**
 * A correlated sub-query: who contributed to the revision at `revisionColumn`, as one JSON array.
 * Each carries its place in name order as the database compares names (`contributorsFromJson`
 * sorts by it), which is the order they were read in when they had a query of their own.
 */
function contributorsOf(db: Db, revisionColumn: string) {
  return db
    .selectFrom('revision_contributor as c')
    .innerJoin('person as cp', 'cp.id', 'c.person_id')
    .select((eb) =>
      jsonAgg(db, {
        id: 'cp.id',
        name: 'cp.display_name',
        before: eb
          .selectFrom('revision_contributor as c2')
          .innerJoin('person as p2', 'p2.id', 'c2.person_id')
          .select((e2) => e2.fn.countAll().as('n'))
          .whereRef('c2.revision_id', '=', 'c.revision_id')
          .whereRef('p2.display_name', '<', 'cp.display_name'),
      }).as('contributors'),
    )
    .where('c.revision_id', '=', sql.ref<string>(revisionColumn))
}

function contributorsFromJson(value: unknown): { id: string; name: string }[] {
  return parseJsonArray<{ id: string; name: string; before: number | string }>(value)
    .sort((a, b) => Number(a.before) - Number(b.before) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((c) => ({ id: c.id, name: c.name }))
}

/** The revision number a history page continues below; BAD_REQUEST for a cursor not made here. */
function historyCursor(cursor: string | null | undefined): number | undefined {
  const before = decodeCursor(cursor)
  const beforeNumber = before === undefined ? undefined : Number(before)
  if (beforeNumber !== undefined && !Number.isInteger(beforeNumber))
    throw badRequest('That page link is not valid; start again from the first page.', 'cursor')
  return beforeNumber
}

/**
 * The document's revisions, newest first, a page at a time, with who contributed: one query, the
 * document (for the access check) with the page left-joined to it, so that it comes back when the
 * page is empty. A bad cursor is still refused only after the access check.
 */
export async function documentHistory(
  ctx: ServiceContext,
  input: { id: string; cursor?: string | null },
): Promise<Page<HistoryEntry>> {
  let beforeNumber: number | undefined
  let cursorError: unknown = null
  try {
    beforeNumber = historyCursor(input.cursor)
  } catch (error) {
    cursorError = error
  }
  let page = revisionsOf(ctx.db, input.id)
    .select(contributorsOf(ctx.db, 'r.id').as('contributors'))
    .orderBy('r.number', 'desc')
    .limit(HISTORY_PAGE_SIZE + 1)
  if (beforeNumber !== undefined) page = page.where('r.number', '<', beforeNumber)
  // With a bad cursor there is no page to read, only the access check to answer first.
  if (cursorError) page = page.where(sql<SqlBool>`1 = 0`)
  const joined = await ctx.db
    .selectFrom(itemRowQuery(ctx.db, ctx.actor, 'document', input.id).as('i'))
    .leftJoin(page.as('x'), (join) => join.onTrue())
    .selectAll('i')
    .selectAll('x')
    .orderBy('x.number', 'desc')
    .execute()
  draftsReaderRow(ctx.actor, joined[0])
  if (cursorError) throw cursorError
  const rows = joined.filter((r) => r.id !== null)
  const shown = rows.slice(0, HISTORY_PAGE_SIZE)
  return {
    items: shown.map((r) => ({
      contributors: contributorsFromJson(r.contributors),
      note: r.note,
      id: r.id!,
      number: Number(r.number),
      author: { id: r.authorId!, name: r.authorName! },
      createdAt: r.created_at!,
      merged: Number(r.merged) === 1,
      baseNumber: r.baseNumber === null ? null : Number(r.baseNumber),
    })),
    nextCursor:
      rows.length > HISTORY_PAGE_SIZE ? encodeCursor(String(shown[shown.length - 1]!.number)) : null,
  }
}

export interface RevisionView extends HistoryEntry {
  body: string
  bodyHtml: string
}

/** One revision with its text, and who contributed: one query with the access check. */
export async function getRevision(
  ctx: ServiceContext,
  input: { id: string; number: number },
): Promise<RevisionView> {
  const revision = revisionsOf(ctx.db, input.id)
    .select(['r.body', contributorsOf(ctx.db, 'r.id').as('contributors')])
    .where('r.number', '=', input.number)
  const [row] = await ctx.db
    .selectFrom(itemRowQuery(ctx.db, ctx.actor, 'document', input.id).as('i'))
    .leftJoin(revision.as('x'), (join) => join.onTrue())
    .selectAll('i')
    .selectAll('x')
    .execute()
  draftsReaderRow(ctx.actor, row)
  if (!row?.id) throw notFound(`Revision ${input.number} of this document`)
  return {
    id: row.id,
    number: Number(row.number),
    author: { id: row.authorId!, name: row.authorName! },
    createdAt: row.created_at!,
    merged: Number(row.merged) === 1,
    baseNumber: row.baseNumber === null ? null : Number(row.baseNumber),
    contributors: contributorsFromJson(row.contributors),
    note: row.note,
    body: row.body!,
    bodyHtml: renderRevisionBody(row.id, row.body!),
  }
}

export interface RevisionDiff extends LineDiff {
  from: { number: number; author: string; createdAt: string }
  to: { number: number; author: string; createdAt: string }
}

/**
 * The difference between any two revisions, by line with the changes inside lines. One query:
 * both texts with the access check.
 */
export async function diffRevisions(
  ctx: ServiceContext,
  input: { id: string; from: number; to: number },
): Promise<RevisionDiff> {
  const revisions = revisionsOf(ctx.db, input.id)
    .select('r.body')
    .where('r.number', 'in', [input.from, input.to])
  const joined = await ctx.db
    .selectFrom(itemRowQuery(ctx.db, ctx.actor, 'document', input.id).as('i'))
    .leftJoin(revisions.as('x'), (join) => join.onTrue())
    .selectAll('i')
    .selectAll('x')
    .execute()
  draftsReaderRow(ctx.actor, joined[0])
  const rows = joined.filter((r) => r.id !== null)
  const from = rows.find((r) => Number(r.number) === input.from)
  const to = rows.find((r) => Number(r.number) === input.to)
  if (!from) throw notFound(`Revision ${input.from} of this document`)
  if (!to) throw notFound(`Revision ${input.to} of this document`)
  return {
    ...diffText(from.body!, to.body!),
    from: { number: input.from, author: from.authorName!, createdAt: from.created_at! },
    to: { number: input.to, author: to.authorName!, createdAt: to.created_at! },
  }
}

/** The editor's preview: the same rendering as the saved document. */
export function previewDocument(body: string): { html: string } {
  return { html: renderDocumentBody(body) }
}
