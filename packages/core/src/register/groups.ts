/** The public Register: browsing groups and reading one group's page. */
import { type Database, type Db, jsonAgg, parseJsonArray, type Role } from '@appg-hub/db'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { isRegisterSource, REGISTER_SOURCES } from '../people/hub'
import { registerCached } from './cache'

export interface GroupSummary {
  slug: string
  title: string
  category: string | null
  purpose: string | null
  status: 'registered' | 'deregistered'
  tags: string[]
}

export interface GroupPage extends Page<GroupSummary> {
  /** How many groups match, over all pages. */
  total: number
}

export interface Benefit {
  source: string | null
  description: string | null
  value_band: string | null
  received: string | null
  registered: string | null
  benefit_type: string | null
  position: number
}

export interface ListGroupsInput {
  q?: string
  tag?: string
  /** 'registered' (default) lists the current Register; 'all' includes groups that left it. */
  status?: 'registered' | 'all'
  cursor?: string | null
  limit?: number
}

/** Escapes LIKE wildcards so that a search for "50%" means those characters. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

/**
 * One query: the page of groups (a CTE, so that tags are aggregated for the page's rows only) and
 * the number of matches over all pages (an uncorrelated sub-query, counted once). Ordered by slug.
 * The answer depends on the Register alone, so it is cached until the next import.
 */
export async function listGroups(
  { db }: Pick<ServiceContext, 'db'>,
  input: ListGroupsInput,
  /** The Register's cache version, when the caller has just read it. */
  knownVersion?: number,
): Promise<GroupPage> {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100)
  const after = decodeCursor(input.cursor)
  const q = input.q?.trim() || undefined
  const status = input.status ?? 'registered'
  const key = JSON.stringify(['list', status, q ?? '', input.tag ?? '', after ?? '', limit])
  return registerCached(
    db,
    key,
    () => queryGroups(db, { q, tag: input.tag, status, after, limit }),
    knownVersion,
  )
}

async function queryGroups(
  db: Db,
  input: { q?: string; tag?: string; status: 'registered' | 'all'; after?: string; limit: number },
): Promise<GroupPage> {
  // Unqualified columns: inside the count sub-query they name its own `appg`, not the page's.
  const matches = (eb: ExpressionBuilder<Database, 'appg'>) => {
    const conditions: Expression<SqlBool>[] = []
    if (input.status === 'registered') conditions.push(eb('status', '=', 'registered'))
    if (input.q) {
      const pattern = likePattern(input.q)
      conditions.push(
        eb.or([
          eb(eb.fn('lower', ['title']), 'like', pattern),
          eb(eb.fn('lower', ['purpose']), 'like', pattern),
          eb(eb.fn('lower', ['secretariat']), 'like', pattern),
        ]),
      )
    }
    if (input.tag) {
      const tag = input.tag
      conditions.push(
        eb.exists(
          eb
            .selectFrom('appg_tag')
            .select('appg_tag.tag')
            .whereRef('appg_tag.appg_id', '=', 'appg.id')
            .where('appg_tag.tag', '=', tag),
        ),
      )
    }
    return eb.and(conditions)
  }
  const rows = await db
    .with('page', (qb) => {
      let page = qb
        .selectFrom('appg')
        .select(['id', 'slug', 'title', 'category', 'purpose', 'status'])
        .where(matches)
        .orderBy('slug')
        .limit(input.limit + 1)
      if (input.after) page = page.where('slug', '>', input.after)
      return page
    })
    // The count as the one-row base, the page joined to it: an empty page still carries the total.
    .selectFrom(
      db
        .selectFrom('appg')
        .select((eb) => eb.fn.countAll<number>().as('total'))
        .where(matches)
        .as('counted'),
    )
    .leftJoin('page', (join) => join.onTrue())
    .select((eb) => [
      'counted.total',
      'page.slug',
      'page.title',
      'page.category',
      'page.purpose',
      'page.status',
      eb
        .selectFrom('appg_tag')
        .select(jsonAgg(db, { tag: 'appg_tag.tag' }).as('tags'))
        .whereRef('appg_tag.appg_id', '=', 'page.id')
        .as('tags'),
    ])
    .orderBy('page.slug')
    .execute()
  const found = rows.filter((row) => row.slug !== null)
  const items: GroupSummary[] = found.slice(0, input.limit).map((row) => ({
    slug: row.slug!,
    title: row.title!,
    category: row.category ?? null,
    purpose: row.purpose ?? null,
    status: row.status!,
    tags: parseJsonArray<{ tag: string }>(row.tags)
      .map((t) => t.tag)
      .sort(),
  }))
  const total = Number(rows[0]?.total ?? 0)
  const nextCursor = found.length > input.limit ? encodeCursor(items[items.length - 1]!.slug) : null
  return { items, nextCursor, total }
}

/** Every tag in use, with how many current groups carry it (for the category filter). Cached like the list. */
export function listTags(
  { db }: Pick<ServiceContext, 'db'>,
  knownVersion?: number,
): Promise<{ tag: string; count: number }[]> {
  return registerCached(db, 'tags', () => queryTags(db), knownVersion)
}

async function queryTags(db: Db): Promise<{ tag: string; count: number }[]> {
  const rows = await db
    .selectFrom('appg_tag')
    .innerJoin('appg', 'appg.id', 'appg_tag.appg_id')
    .select(['appg_tag.tag', (eb) => eb.fn.countAll<number>().as('count')])
    .where('appg.status', '=', 'registered')
    .groupBy('appg_tag.tag')
    .orderBy('appg_tag.tag')
    .execute()
  return rows.map((r) => ({ tag: r.tag, count: Number(r.count) }))
}

export interface GroupPerson {
  personId: string
  name: string
  kind: string
  party: string | null
  role: Role
  registerTitle: string | null
}

/** A hub participant who chose to be listed publicly: a name and what they do, no contact details. */
export interface PublicParticipant {
  name: string
  role: Role
}

/**
 * A group's public page: the Register entry as the edition lists it (tags, benefits, its officers
 * and published members in `people`), and the hub participants who chose to be listed publicly.
 * Nothing else about the hub: no account that did not opt in, no private member. Two queries: the
 * group with its tags and benefits aggregated, then its people.
 */
export async function getGroup({ db }: Pick<ServiceContext, 'db'>, slug: string) {
  const group = await db
    .selectFrom('appg')
    .selectAll('appg')
    .select((eb) => [
      eb
        .selectFrom('appg_tag')
        .select(jsonAgg(db, { tag: 'appg_tag.tag' }).as('tags'))
        .whereRef('appg_tag.appg_id', '=', 'appg.id')
        .as('tags'),
      eb
        .selectFrom('benefit')
        .select(
          jsonAgg(db, {
            source: 'benefit.source',
            description: 'benefit.description',
            value_band: 'benefit.value_band',
            received: 'benefit.received',
            registered: 'benefit.registered',
            benefit_type: 'benefit.benefit_type',
            position: 'benefit.position',
          }).as('benefits'),
        )
        .whereRef('benefit.appg_id', '=', 'appg.id')
        .as('benefits'),
    ])
    .where('appg.slug', '=', slug)
    .executeTakeFirst()
  if (!group) throw notFound('That group')
  const people = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'person.id as personId',
      'person.display_name as name',
      'person.kind',
      'person.party',
      'membership.role',
      'membership.register_title as registerTitle',
      'membership.source',
    ])
    .where('membership.appg_id', '=', group.id)
    .where('person.erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('membership.source', 'in', REGISTER_SOURCES),
        eb.and([eb('person.list_publicly', '=', 1), eb('person.email', 'is not', null)]),
      ]),
    )
    .orderBy('person.display_name')
    .execute()
  const { tags, benefits, ...entry } = group
  return {
    ...entry,
    tags: parseJsonArray<{ tag: string }>(tags)
      .map((t) => t.tag)
      .sort(),
    benefits: parseJsonArray<Benefit>(benefits).sort((a, b) => a.position - b.position),
    people: people.filter((p) => isRegisterSource(p.source)).map(({ source: _, ...p }) => p as GroupPerson),
    publicParticipants: people
      .filter((p) => !isRegisterSource(p.source))
      .map((p): PublicParticipant => ({ name: p.name, role: p.role })),
  }
}
