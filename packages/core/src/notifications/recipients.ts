/**
 * Who may be told about what. A notification names its item, so it goes only to people who may
 * read that item (docs/architecture.md §3: a mention never reveals an item to someone who may not read it).
 */
import type { Db } from '@appg-hub/db'
import type { LoadedItem } from '../items/load'
import { rolesAllowed } from '../policy'

/** The people who answer for these groups in the handshake (chair and officers), by group. */
export async function officersOf(db: Db, appgIds: string[]): Promise<{ personId: string; appgId: string }[]> {
  if (appgIds.length === 0) return []
  return db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['membership.person_id as personId', 'membership.appg_id as appgId'])
    .where('membership.appg_id', 'in', appgIds)
    .where('membership.role', 'in', [...rolesAllowed('item.invite')])
    .where('person.erased_at', 'is', null)
    .orderBy('membership.person_id')
    .execute()
}

/**
 * Of `personIds`, those who hold a reading role in one of the item's participant groups. This is
 * the circle that mentions reach, public item or not.
 */
export async function participantMembers(
  db: Db,
  item: LoadedItem,
  personIds: string[],
): Promise<Set<string>> {
  if (personIds.length === 0) return new Set()
  const rows = await db
    .selectFrom('membership')
    .select('person_id')
    .distinct()
    .where('person_id', 'in', personIds)
    .where(
      'appg_id',
      'in',
      item.participants.map((p) => p.appgId),
    )
    .where('role', 'in', [...rolesAllowed('item.read')])
    .execute()
  return new Set(rows.map((r) => r.person_id))
}

/**
 * Of `personIds`, those who may read the item now: anyone for a public item, else members of a
 * participant group with a reading role, and site administrators.
 */
export async function readersAmong(db: Db, item: LoadedItem, personIds: string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set()
  const participantIds = item.participants.map((p) => p.appgId)
  let query = db
    .selectFrom('person')
    .select('person.id')
    .where('person.id', 'in', personIds)
    .where('person.erased_at', 'is', null)
  if (item.visibility !== 'public') {
    query = query.where((eb) =>
      eb.or([
        eb('person.is_site_admin', '=', 1),
        eb.exists(
          eb
            .selectFrom('membership')
            .select('membership.person_id')
            .whereRef('membership.person_id', '=', 'person.id')
            .where('membership.appg_id', 'in', participantIds)
            .where('membership.role', 'in', [...rolesAllowed('item.read')]),
        ),
      ]),
    )
  }
  const rows = await query.execute()
  return new Set(rows.map((r) => r.id))
}
