/**
 * Lists of topics, newest activity first: a group's topics (those it owns or joined) and a
 * person's dashboard (the topics of all their groups). Each page is one query, whatever it holds;
 * a list shows only topics a single read would show (`readableBy`).
 */
import { type Database, type Db, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { type ExpressionBuilder, type SelectQueryBuilder, sql } from 'kysely'
import type { ServiceContext } from '../context'
import { readableBy } from '../items/access'
import { myGroupsItemIds } from '../items/mine'
import { requireActor } from '../memberships/access'
import { groupBySlug, groupPageRows } from '../memberships/group-page'
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

const BY_ACTIVITY = { key: 'topic.last_activity_at', id: 'topic.id', direction: 'desc' } as const

/**
 * The page's topics joined to their owner, partners and comment counts. `page` has chosen the
 * rows by walking an index in activity order, so these sub-queries run for the page's rows only:
 * computed for every matching topic before the sort, a group with ten times the topics took ten
 * times as long for the same page (issue #14, `pnpm bench:growth`).
 */
function topicPage<DB, T extends keyof DB>(
  db: Db,
  /** The ids and sort keys of the page's topics, chosen before anything is joined to them. */
  page: SelectQueryBuilder<DB, T, { id: string; last_activity_at: string }>,
) {
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
 * The topics a group owns or takes part in, as far as the caller may read them. One query, which
 * also finds the group, to answer NOT_FOUND when there is none (`groupBySlug`). The group's own
 * topics are walked in activity order on `topic_by_appg_activity`; the topics it joined as a
 * partner (few beside them) are sorted on their own; the page is the first of both.
 */
export async function listGroupTopics(
  ctx: ServiceContext,
  input: { slug: string; cursor?: string | null },
): Promise<Page<TopicSummary>> {
  const { db, actor } = ctx
  const readable = (eb: ExpressionBuilder<Database, 'topic'>) =>
    readableBy(eb, actor, 'topic', 'topic.id', 'topic.visibility')
  const owned = db
    .selectFrom('topic')
    .innerJoin('appg as g', 'g.id', 'topic.appg_id')
    .select(['topic.id', 'topic.last_activity_at'])
    .where('g.slug', '=', input.slug)
    .where(readable)
  const joined = db
    .selectFrom('participant')
    .innerJoin('appg as g', 'g.id', 'participant.appg_id')
    .innerJoin('topic', 'topic.id', 'participant.item_id')
    .select(['topic.id', 'topic.last_activity_at'])
    .where('participant.item_type', '=', 'topic')
    .where('participant.is_owner', '=', 0)
    .where('g.slug', '=', input.slug)
    .where(readable)
  // Each part is paged on its own (SQL allows no ORDER BY inside a UNION's parts, hence the wrapping).
  const part = (q: typeof owned, name: 'o' | 'j') =>
    db
      .selectFrom(keysetPage(q, BY_ACTIVITY, input.cursor, TOPIC_PAGE_SIZE).as(name))
      .select([`${name}.id`, `${name}.last_activity_at`])
  const both = db
    .selectFrom(part(owned, 'o').unionAll(part(joined, 'j')).as('c'))
    .select(['c.id', 'c.last_activity_at'])
  const page = keysetPage(
    both,
    { key: 'c.last_activity_at', id: 'c.id', direction: 'desc' },
    null,
    TOPIC_PAGE_SIZE,
  )
  const rows = await db
    .selectFrom(groupBySlug(db, input.slug))
    .leftJoin(topicPage(db, page).as('x'), (join) => join.onTrue())
    .selectAll('x')
    .orderBy('x.last_activity_at', 'desc')
    .orderBy('x.id', 'desc')
    .execute()
  return toPage(groupPageRows<TopicRow>(rows))
}

/**
 * The topics of all the groups I belong to. One query, walking every topic in activity order
 * until the page is full, each tested with indexed look-ups (its participants, my membership of
 * each): the page costs the same whatever the number of topics, as long as my groups' share of
 * them is the same. Being mine (in a reading role) implies `readableBy`, so it is not asked again.
 */
export async function listDashboardTopics(
  ctx: ServiceContext,
  input: { cursor?: string | null },
): Promise<Page<TopicSummary>> {
  const actor = requireActor(ctx.actor)
  const mine = ctx.db
    .selectFrom('topic')
    .select(['topic.id', 'topic.last_activity_at'])
    .where((eb) =>
      eb.exists(
        myGroupsItemIds('topic', actor.id).where('participant.item_id', '=', sql.ref<string>('topic.id')),
      ),
    )
  const rows = await topicPage(ctx.db, keysetPage(mine, BY_ACTIVITY, input.cursor, TOPIC_PAGE_SIZE)).execute()
  return toPage(rows)
}
