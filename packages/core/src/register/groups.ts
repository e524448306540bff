/** The public Register: browsing groups and reading one group's page. */
import { type Db, jsonAgg, parseJsonArray, type Role } from '@appg-hub/db'
import { sql } from 'kysely'
import { notFound } from '../errors'
import { decodeCursor, encodeCursor, type Page } from '../pagination'
import { isRegisterSource, REGISTER_SOURCES } from '../people/hub'

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
 * One query: the page of groups with their tags aggregated alongside, and the number of matches
 * over all pages (a window function, so no second query). Ordered by slug.
 */
export async function listGroups(db: Db, input: ListGroupsInput): Promise<GroupPage> {
  const limit = Math.min(Math.max(input.limit ?? 20, 1), 100)
  // The cursor carries the last slug shown and how many groups came before it, so that the total
  // (matches after the cursor, counted by the window function, plus those already seen) is exact.
  const cursor = decodeCursor(input.cursor)
  const [seenText, after] = cursor ? splitOnce(cursor, ':') : ['0', undefined]
  const seen = Number(seenText) || 0
  let query = db
    .selectFrom('appg')
    .select((eb) => [
      'appg.slug',
      'appg.title',
      'appg.category',
      'appg.purpose',
      'appg.status',
      eb
        .selectFrom('appg_tag')
        .select(jsonAgg(db, { tag: 'appg_tag.tag' }).as('tags'))
        .whereRef('appg_tag.appg_id', '=', 'appg.id')
        .as('tags'),
      sql<number>`count(*) over ()`.as('remaining'),
    ])
    .orderBy('appg.slug')
    .limit(limit + 1)
  if ((input.status ?? 'registered') === 'registered') query = query.where('appg.status', '=', 'registered')
  if (after) query = query.where('appg.slug', '>', after)
  const q = input.q?.trim()
  if (q) {
    const pattern = likePattern(q)
    query = query.where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['appg.title']), 'like', pattern),
        eb(eb.fn('lower', ['appg.purpose']), 'like', pattern),
        eb(eb.fn('lower', ['appg.secretariat']), 'like', pattern),
      ]),
    )
  }
  if (input.tag) {
    const tag = input.tag
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('appg_tag')
          .select('appg_tag.tag')
          .whereRef('appg_tag.appg_id', '=', 'appg.id')
          .where('appg_tag.tag', '=', tag),
      ),
    )
  }
  const rows = await query.execute()
  const items = rows.slice(0, limit).map(({ remaining: _, ...row }) => ({
    ...row,
    tags: parseJsonArray<{ tag: string }>(row.tags)
      .map((t) => t.tag)
      .sort(),
  }))
  const total = seen + (rows[0] ? Number(rows[0].remaining) : 0)
  const nextCursor =
    rows.length > limit ? encodeCursor(`${seen + items.length}:${items[items.length - 1]!.slug}`) : null
  return { items, nextCursor, total }
}

function splitOnce(text: string, separator: string): [string, string] {
  const at = text.indexOf(separator)
  return at < 0 ? ['0', text] : [text.slice(0, at), text.slice(at + 1)]
}

/** Every tag in use, with how many current groups carry it (for the category filter). */
export async function listTags(db: Db): Promise<{ tag: string; count: number }[]> {
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
export async function getGroup(db: Db, slug: string) {
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
