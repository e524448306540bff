/**
 * Lists of topics, newest activity first: a group's topics (those it owns or joined) and a
 * person's dashboard (the topics of all their groups). Each page is one query, whatever it holds;
 * a list shows only topics a single read would show (`readableBy`).
 */
import { type Database, type Db, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { readableBy } from '../items/access'
import { myGroupsItemIds } from '../items/mine'
import { groupForActor, requireActor } from '../memberships/access'
import { keysetPage, type Page, splitPage } from '../pagination'

export const TOPIC_PAGE_SIZE = 20

export interface TopicSummary {
  id: string
  title: string
  status: 'open' | 'closed' | 'archived'
  visibility: 'participants' | 'public'
  owner: { slug: string; title: string }
  partners: { slug: string; title: string }[]
  lastActivityAt: string
  /** Comments that everyone who reads the topic sees (neither deleted nor hidden). */
  commentCount: number
}

type TopicFilter = (eb: ExpressionBuilder<Database, 'topic'>) => Expression<SqlBool>

/**
 * One page of readable topics matching `filter`, newest activity first. The page is chosen first
 * from the topic rows alone (a sort of ids), and only its rows are joined to their owner, partners
 * and comment counts: those sub-queries would otherwise run for every matching topic before the
 * sort, so that a group with ten times the topics took ten times as long for the same page.
 */
function topicPage(db: Db, actor: Actor | null, cursor: string | null | undefined, filter: TopicFilter) {
  const ids = db
    .selectFrom('topic')
    .select(['topic.id', 'topic.last_activity_at'])
    .where((eb) => readableBy(eb, actor, 'topic', 'topic.id', 'topic.visibility'))
    .where(filter)
  const order = { key: 'topic.last_activity_at', id: 'topic.id', direction: 'desc' } as const
  const page = keysetPage(ids, order, cursor, TOPIC_PAGE_SIZE)
  return db
    .selectFrom(page.as('p'))
    .innerJoin('topic', 'topic.id', 'p.id')
    .innerJoin('appg as owner', 'owner.id', 'topic.appg_id')
    .select((eb) => [
      'topic.id',
      'topic.title',
      'topic.status',
      'topic.visibility',
      'topic.last_activity_at',
      'owner.slug as ownerSlug',
      'owner.title as ownerTitle',
      eb
        .selectFrom('participant')
        .innerJoin('appg', 'appg.id', 'participant.appg_id')
        .select(
          jsonAgg(db, { slug: 'appg.slug', title: 'appg.title', joinedAt: 'participant.joined_at' }).as(
            'partners',
          ),
        )
        .where('participant.item_type', '=', 'topic')
        .where('participant.item_id', '=', sql.ref<string>('topic.id'))
        .where('participant.is_owner', '=', 0)
        .as('partners'),
      eb
        .selectFrom('comment')
        .select((c) => c.fn.countAll<number>().as('n'))
        .where('comment.item_type', '=', 'topic')
        .where('comment.item_id', '=', sql.ref<string>('topic.id'))
        .where('comment.deleted_at', 'is', null)
        .where('comment.hidden_at', 'is', null)
        .as('commentCount'),
    ])
    .orderBy('p.last_activity_at', 'desc')
    .orderBy('p.id', 'desc')
}

type TopicRow = Awaited<ReturnType<ReturnType<typeof topicPage>['execute']>>[number]

function toPage(rows: TopicRow[]): Page<TopicSummary> {
  const page = splitPage(rows, TOPIC_PAGE_SIZE, (r) => [r.last_activity_at, r.id])
  return {
    items: page.rows.map((row) => ({
      id: row.id,
      title: row.title,
      status: row.status,
      visibility: row.visibility,
      owner: { slug: row.ownerSlug, title: row.ownerTitle },
      partners: parseJsonArray<{ slug: string; title: string; joinedAt: string }>(row.partners)
        .sort((a, b) => a.joinedAt.localeCompare(b.joinedAt) || a.slug.localeCompare(b.slug))
        .map(({ slug, title }) => ({ slug, title })),
      lastActivityAt: row.last_activity_at,
      commentCount: Number(row.commentCount ?? 0),
    })),
    nextCursor: page.nextCursor,
  }
}

/**
 * The topics a group owns or takes part in, as far as the caller may read them. One query; a
 * second only for an empty page, to answer NOT_FOUND when there is no such group.
 */
export async function listGroupTopics(
  ctx: ServiceContext,
  input: { slug: string; cursor?: string | null },
): Promise<Page<TopicSummary>> {
  const rows = await topicPage(ctx.db, ctx.actor, input.cursor, (eb) =>
    eb(
      'topic.id',
      'in',
      eb
        .selectFrom('participant')
        .innerJoin('appg as pg', 'pg.id', 'participant.appg_id')
        .select('participant.item_id')
        .where('participant.item_type', '=', 'topic')
        .where('pg.slug', '=', input.slug),
    ),
  ).execute()
  if (rows.length === 0) await groupForActor(ctx.db, ctx.actor, input.slug)
  return toPage(rows)
}

/** The topics of all the groups I belong to. One query. */
export async function listDashboardTopics(
  ctx: ServiceContext,
  input: { cursor?: string | null },
): Promise<Page<TopicSummary>> {
  const actor = requireActor(ctx.actor)
  const rows = await topicPage(ctx.db, actor, input.cursor, (eb) =>
    eb('topic.id', 'in', myGroupsItemIds('topic', actor.id)),
  ).execute()
  return toPage(rows)
}
