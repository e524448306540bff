/** Lists of documents: a group's (owned or co-authored) and a topic's (linked either way). */

import type { Db, Visibility } from '@appg-hub/db'
import type { Actor, ServiceContext } from '../context'
import { readableItem } from '../items/guards'
import { linksDocumentWith } from '../items/links'
import { itemReadableBy } from '../links/readable'
import { groupForActor } from '../memberships/access'
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

function documentQuery(db: Db, actor: Actor | null) {
  return db
    .selectFrom('document as d')
    .innerJoin('appg as owner', 'owner.id', 'd.appg_id')
    .select([
      'd.id',
      'd.kind',
      'd.title',
      'd.status',
      'd.visibility',
      'd.head_number',
      'd.updated_at',
      'owner.slug as ownerSlug',
      'owner.title as ownerTitle',
    ])
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
 * The documents a group owns or co-authors, as far as the caller may read them. One query; a
 * second only for an empty page, to answer NOT_FOUND when there is no such group.
 */
export async function listGroupDocuments(
  ctx: ServiceContext,
  input: { slug: string; cursor?: string | null },
): Promise<Page<DocumentSummary>> {
  const query = documentQuery(ctx.db, ctx.actor).where('d.id', 'in', (eb) =>
    eb
      .selectFrom('participant')
      .innerJoin('appg as pg', 'pg.id', 'participant.appg_id')
      .select('participant.item_id')
      .where('participant.item_type', '=', 'document')
      .where('pg.slug', '=', input.slug),
  )
  const order = { key: 'd.updated_at', id: 'd.id', direction: 'desc' } as const
  const rows = await keysetPage(query, order, input.cursor, DOCUMENT_PAGE_SIZE).execute()
  if (rows.length === 0) await groupForActor(ctx.db, ctx.actor, input.slug)
  const page = splitPage(rows, DOCUMENT_PAGE_SIZE, (r) => [r.updated_at, r.id])
  return { items: page.rows.map(summary), nextCursor: page.nextCursor }
}

/** The documents linked to a topic (either way) that the caller may read. Two queries. */
export async function listTopicDocuments(
  ctx: ServiceContext,
  input: { topicId: string },
): Promise<(DocumentSummary & { linkType: string })[]> {
  await readableItem(ctx, 'topic', input.topicId)
  const rows = await documentQuery(ctx.db, ctx.actor)
    .innerJoin('link as l', (join) =>
      join.on((eb) =>
        linksDocumentWith(eb as never, { link: 'l', document: 'd' }, { type: 'topic', id: input.topicId }),
      ),
    )
    .select('l.link_type')
    .orderBy('d.updated_at', 'desc')
    .orderBy('d.id', 'desc')
    .limit(200)
    .execute()
  const seen = new Set<string>()
  const out: (DocumentSummary & { linkType: string })[] = []
  for (const row of rows) {
    if (seen.has(row.id)) continue
    seen.add(row.id)
    out.push({ ...summary(row), linkType: row.link_type })
  }
  return out
}
