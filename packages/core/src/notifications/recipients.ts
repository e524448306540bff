/**
 * Who may be told about what. A notification names its item, so it goes only to people who may
 * read that item (docs/architecture.md §3: a mention never reveals an item to someone who may not read it).
 */
import type { Db } from '@appg-hub/db'
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
