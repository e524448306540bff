import { type Db, preparedQuery, type Role } from '@appg-hub/db'
import type { Actor } from '../context'
import { notFound, unauthorized } from '../errors'

export interface GroupForActor {
  id: string
  slug: string
  title: string
  /** The actor's role in this group, or null. */
  role: Role | null
  isSiteAdmin: boolean
}

/** One query: the group and the actor's role in it. */
export async function groupForActor(db: Db, actor: Actor | null, slug: string): Promise<GroupForActor> {
  const row = await db
    .selectFrom('appg')
    .leftJoin('membership', (join) =>
      join.onRef('membership.appg_id', '=', 'appg.id').on('membership.person_id', '=', actor?.id ?? ''),
    )
    .select(['appg.id', 'appg.slug', 'appg.title', 'membership.role'])
    .where('appg.slug', '=', slug)
    .executeTakeFirst()
  if (!row) throw notFound('That group')
  return asGroupForActor(row, actor)
}

/** A group row read with the actor's role (by `groupForActor` or a query that reads more beside it). */
export function asGroupForActor(
  row: { id: string; slug: string; title: string; role: Role | null },
  actor: Actor | null,
): GroupForActor {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    role: row.role ?? null,
    isSiteAdmin: actor?.isSiteAdmin ?? false,
  }
}

export function requireActor(actor: Actor | null): Actor {
  if (!actor) throw unauthorized()
  return actor
}

export interface MyGroup {
  slug: string
  title: string
  role: Role
  registerTitle: string | null
}

const groupsOf = preparedQuery((db, personId: string) =>
  db
    .selectFrom('membership')
    .innerJoin('appg', 'appg.id', 'membership.appg_id')
    .select(['appg.slug', 'appg.title', 'membership.role', 'membership.register_title as registerTitle'])
    .where('membership.person_id', '=', personId)
    .orderBy('appg.title'),
)

/** `me.get` on every page load: compiled once. */
export function myGroups(db: Db, personId: string): Promise<MyGroup[]> {
  return groupsOf(db, personId)
}
