/**
 * A group's access check and a page of its rows in one query (one HTTP round trip on the edge,
 * docs/architecture.md §5): the group with the caller's role, left-joined to the page as a derived
 * table, so that the group comes back even when the page is empty.
 */
import type { Db } from '@appg-hub/db'
import { type Expression, type Kysely, type SelectQueryBuilder, type SqlBool, sql } from 'kysely'
import type { Actor } from '../context'
import { notFound } from '../errors'
import { type Action, rolesAllowed } from '../policy'
import { asGroupForActor, type GroupForActor } from './access'

/** The group's id, looked up by slug inside the page's query (a derived table cannot see the outer row). */
export function groupIdOf(slug: string): Expression<string> {
  return sql<string>`(select appg.id from appg where appg.slug = ${slug})`
}

/**
 * The group (NOT_FOUND when there is none) with the caller's role, and the rows of `page` — only
 * when the caller may `readable` in the group (a refused caller's call reads none of them); a
 * condition in place of an action may refer to `appg.id` and to the caller's role, `mine.role`.
 * `flags` are selected beside the group (the same names may refer to `appg.id`) and returned.
 * `page` is built on `groupIdOf(slug)`; `present` tells a real row from the empty join's nulls,
 * and `order` (the page's columns, with directions) sorts the rows back into the page's order, in
 * the database (with its collation), since a join does not keep it.
 */
export async function groupWithRows<R extends Record<string, unknown>>(
  db: Db,
  actor: Actor | null,
  slug: string,
  readable: Action | Expression<SqlBool>,
  // biome-ignore lint/suspicious/noExplicitAny: any page of any tables; its rows are typed by R.
  page: SelectQueryBuilder<any, any, R>,
  order: readonly (readonly [column: keyof R & string, direction: 'asc' | 'desc'])[],
  present: (row: R) => boolean,
  flags: Record<string, Expression<unknown>> = {},
): Promise<{ group: GroupForActor; rows: R[]; flags: Record<string, unknown> }> {
  const roles = typeof readable === 'string' ? rolesAllowed(readable) : []
  // Untyped: the page's table is only known to the caller (R types its rows).
  // biome-ignore lint/suspicious/noExplicitAny: see above.
  const rows: any[] = await (db as Kysely<any>)
    .selectFrom('appg')
    .leftJoin('membership as mine', (join) =>
      join.onRef('mine.appg_id', '=', 'appg.id').on('mine.person_id', '=', actor?.id ?? ''),
    )
    .leftJoin(page.as('x'), (join) =>
      actor?.isSiteAdmin
        ? join.onTrue()
        : typeof readable !== 'string'
          ? join.on(readable)
          : roles.length === 0
            ? join.on(sql<boolean>`1 = 0`)
            : join.on('mine.role', 'in', roles),
    )
    .selectAll('x')
    .select([
      'appg.id as group__id',
      'appg.slug as group__slug',
      'appg.title as group__title',
      'mine.role as group__role',
      ...Object.entries(flags).map(([name, value]) => sql`${value}`.as(name)),
    ])
    .where('appg.slug', '=', slug)
    .$call((q) => order.reduce((o, [column, direction]) => o.orderBy(sql.ref(`x.${column}`), direction), q))
    .execute()
  const first = rows[0]
  if (!first) throw notFound('That group')
  const group = asGroupForActor(
    { id: first.group__id, slug: first.group__slug, title: first.group__title, role: first.group__role },
    actor,
  )
  // The page's own columns only: the group's and the flags stay out of its rows.
  const own = new Set(['group__id', 'group__slug', 'group__title', 'group__role', ...Object.keys(flags)])
  const found = rows
    .map((row) => Object.fromEntries(Object.entries(row).filter(([key]) => !own.has(key))) as R)
    .filter(present)
  return { group, rows: found, flags: Object.fromEntries(Object.keys(flags).map((k) => [k, first[k]])) }
}
