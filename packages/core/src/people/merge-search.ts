/** Finding the people a site administrator may merge: by name or email, with what tells them apart. */
import type { ServiceContext } from '../context'
import { type MergeDetails, requireSiteAdmin } from './merge'

export interface AdminPerson {
  id: string
  name: string
  mnisId: string | null
  /** Groups the person is in (Register officers and listed members). */
  groups: number
  /** The other names the person is known by, and why. */
  aliases: { id: string; name: string; source: string; reason: string; mergeId: string | null }[]
  /** A site administrator's merges into this person that can be split. */
  merges: { id: string; name: string; at: string }[]
}

/** For the site administrator's people page: people of the Register (no account) matching `q`, by name or alias. */
export async function searchPeopleToMerge(ctx: ServiceContext, input: { q: string }): Promise<AdminPerson[]> {
  requireSiteAdmin(ctx.actor)
  const text = input.q.trim().toLowerCase()
  if (text.length < 2) return []
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const people = await ctx.db
    .selectFrom('person')
    .leftJoin('membership', 'membership.person_id', 'person.id')
    .select((eb) => [
      'person.id',
      'person.display_name as name',
      'person.mnis_id as mnisId',
      eb.fn.count<number>('membership.id').as('groups'),
    ])
    .where('person.email', 'is', null)
    .where('person.erased_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['person.display_name']), 'like', pattern),
        eb(
          'person.id',
          'in',
          eb.selectFrom('person_alias').select('person_id').where('name_key', 'like', pattern),
        ),
      ]),
    )
    .groupBy(['person.id', 'person.display_name', 'person.mnis_id'])
    .orderBy('person.display_name')
    .limit(50)
    .execute()
  if (people.length === 0) return []
  const ids = people.map((p) => p.id)
  const [aliases, merges] = await Promise.all([
    ctx.db
      .selectFrom('person_alias')
      .select(['id', 'person_id', 'display_name', 'source', 'reason', 'merge_id'])
      .where('person_id', 'in', ids)
      .orderBy('display_name')
      .execute(),
    ctx.db
      .selectFrom('person_merge')
      .select(['id', 'person_id', 'details', 'at'])
      .where('person_id', 'in', ids)
      .where('split_at', 'is', null)
      .orderBy('at')
      .execute(),
  ])
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    mnisId: p.mnisId,
    groups: Number(p.groups),
    aliases: aliases
      .filter((a) => a.person_id === p.id)
      .map((a) => ({
        id: a.id,
        name: a.display_name,
        source: a.source,
        reason: a.reason,
        mergeId: a.merge_id,
      })),
    merges: merges
      .filter((m) => m.person_id === p.id)
      .map((m) => ({
        id: m.id,
        name: (JSON.parse(m.details) as MergeDetails).person.display_name,
        at: m.at,
      })),
  }))
}
