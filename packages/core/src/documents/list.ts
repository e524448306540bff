/** Lists of documents: a group's (owned or co-authored) and a topic's (linked either way). */

import type { Db, Visibility } from '@appg-hub/db'
import type { Actor, ServiceContext } from '../context'
import { readableItemRow } from '../items/guards'
import { linksDocumentWith } from '../items/links'
import { itemRowQuery } from '../items/load'
import { itemReadableBy } from '../links/readable'
import { groupBySlug, groupPageRows } from '../memberships/group-page'
import { keysetPage, type Page, splitPage } from '../pagination'
import { DOCUMENT_PAGE_SIZE, type DocumentKind } from './fields'

export interface DocumentSummary {
  id: string
  kind: DocumentKind
  title: string
  status: 'draft' | 'published'
  visibility: Visibility
  owner: { slug: string; title: string }
  headNumber: number
  updatedAt: string
}

const SUMMARY_COLUMNS = [
  'd.id',
  'd.kind',
  'd.title',
  'd.status',
  'd.visibility',
  'd.head_number',
  'd.updated_at',
  'owner.slug as ownerSlug',
  'owner.title as ownerTitle',
] as const

function documentQuery(db: Db, actor: Actor | null) {
  return db
    .selectFrom('document as d')
    .innerJoin('appg as owner', 'owner.id', 'd.appg_id')
    .select(SUMMARY_COLUMNS)
    .where((eb) => itemReadableBy(eb as never, actor, 'document', 'd'))
}

type Row = Awaited<ReturnType<ReturnType<typeof documentQuery>['execute']>>[number]

function summary(row: Row): DocumentSummary {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    status: row.status,
    visibility: row.visibility,
    owner: { slug: row.ownerSlug, title: row.ownerTitle },
    headNumber: Number(row.head_number),
    updatedAt: row.updated_at,
  }
}

/**
 * The documents a group owns or co-authors, as far as the caller may read them. One query, which
 * also finds the group, to answer NOT_FOUND when there is none (`groupBySlug`). The group's own
 * documents are walked in update order on `document_by_appg_updated`; those it co-authors (few
 * beside them) are paged on their own; the page is the first of both, and only its rows are joined
 * to their owner: a group with ten times the documents took ten times as long for the same page
 * when every one was joined and sorted first (issue #14, `pnpm bench:growth`).
 */
export async function listGroupDocuments(
  ctx: ServiceContext,
  input: { slug: string; cursor?: string | null },
): Promise<Page<DocumentSummary>> {
  const { db, actor } = ctx
  const owned = db
    .selectFrom('document as d')
    .innerJoin('appg as g', 'g.id', 'd.appg_id')
    .select(['d.id', 'd.updated_at'])
    .where('g.slug', '=', input.slug)
    .where((eb) => itemReadableBy(eb as never, actor, 'document', 'd'))
  const coauthored = db
    .selectFrom('participant')
    .innerJoin('appg as g', 'g.id', 'participant.appg_id')
    .innerJoin('document as d', 'd.id', 'participant.item_id')
    .select(['d.id', 'd.updated_at'])
    .where('participant.item_type', '=', 'document')
    .where('participant.is_owner', '=', 0)
    .where('g.slug', '=', input.slug)
    .where((eb) => itemReadableBy(eb as never, actor, 'document', 'd'))
  const byUpdate = (table: string) =>
    ({ key: `${table}.updated_at`, id: `${table}.id`, direction: 'desc' }) as const
  // Each part is paged on its own (SQL allows no ORDER BY inside a UNION's parts, hence the wrapping).
  const part = (q: typeof owned, name: 'o' | 'c') =>
    db
      .selectFrom(keysetPage(q, byUpdate('d'), input.cursor, DOCUMENT_PAGE_SIZE).as(name))
      .select([`${name}.id`, `${name}.updated_at`])
  const both = db
    .selectFrom(part(owned, 'o').unionAll(part(coauthored, 'c')).as('b'))
    .select(['b.id', 'b.updated_at'])
  const page = keysetPage(both, byUpdate('b'), null, DOCUMENT_PAGE_SIZE)
  const summaries = db
    .selectFrom(page.as('p'))
    .innerJoin('document as d', 'd.id', 'p.id')
    .innerJoin('appg as owner', 'owner.id', 'd.appg_id')
    .select(SUMMARY_COLUMNS)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.id', 'desc')
  const rows = await db
    .selectFrom(groupBySlug(db, input.slug))
    .leftJoin(summaries.as('x'), (join) => join.onTrue())
    .selectAll('x')
    .orderBy('x.updated_at', 'desc')
    .orderBy('x.id', 'desc')
    .execute()
  const paged = splitPage(groupPageRows<Row>(rows), DOCUMENT_PAGE_SIZE, (r) => [r.updated_at, r.id])
  return { items: paged.rows.map(summary), nextCursor: paged.nextCursor }
}

/**
 * The documents linked to a topic (either way) that the caller may read. One query: the topic (for
 * the access check) with the documents left-joined to it, so that it comes back when there are none.
 */
export async function listTopicDocuments(
  ctx: ServiceContext,
  input: { topicId: string },
): Promise<(DocumentSummary & { linkType: string })[]> {
  const documents = documentQuery(ctx.db, ctx.actor)
    .innerJoin('link as l', (join) =>
      join.on((eb) =>
        linksDocumentWith(eb as never, { link: 'l', document: 'd' }, { type: 'topic', id: input.topicId }),
      ),
    )
    .select('l.link_type')
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(200)
  const joined = await ctx.db
    .selectFrom(itemRowQuery(ctx.db, ctx.actor, 'topic', input.topicId).as('i'))
    .leftJoin(documents.as('x'), (join) => join.onTrue())
    .selectAll('i')
    .selectAll('x')
    .orderBy('x.updated_at', 'desc')
    .orderBy('x.id', 'desc')
    .execute()
  readableItemRow(ctx.actor, 'topic', joined[0])
  const seen = new Set<string>()
  const out: (DocumentSummary & { linkType: string })[] = []
  for (const row of joined) {
    if (row.id === null || seen.has(row.id)) continue
    seen.add(row.id)
    out.push({ ...summary(row as Row), linkType: row.link_type! })
  }
  return out
}
