/** "Mine" as SQL: the items my groups take part in, and the sessions I host or signed up to. */
import type { Database, ItemType } from '@appg-hub/db'
import { type Expression, expressionBuilder, type SqlBool } from 'kysely'
import { rolesAllowed } from '../policy'

/** A sign-up that holds or waits for a place (not one declined or released). */
export const ACTIVE_SIGNUPS = ['going', 'maybe', 'waitlist'] as const

/** Builds the sub-queries outside any one query, so that any query (whatever it joins) can use them. */
const eb = expressionBuilder<Database, keyof Database>()

/** The ids of the items of `type` that a group of the person's (as one who may read them) takes part in. */
export function myGroupsItemIds(type: ItemType, personId: string) {
  return eb
    .selectFrom('participant')
    .innerJoin('membership', 'membership.appg_id', 'participant.appg_id')
    .select('participant.item_id')
    .where('participant.item_type', '=', type)
    .where('membership.person_id', '=', personId)
    .where('membership.role', 'in', [...rolesAllowed('item.read')])
}

/**
 * My sessions: those my groups host or co-host and those I signed up to (`column` is the session's
 * id). Asked of each session with indexed look-ups (its participants, my membership; my sign-up),
 * so that a list walking sessions in date order stops at a full page instead of first gathering
 * every session of my groups.
 */
export function isMySession(personId: string, column = 'meeting.id'): Expression<SqlBool> {
  const id = eb.ref(column as 'meeting.id')
  return eb.or([
    eb.exists(myGroupsItemIds('meeting', personId).where('participant.item_id', '=', id)),
    eb.exists(
      eb
        .selectFrom('signup')
        .select('signup.meeting_id')
        .where('signup.meeting_id', '=', id)
        .where('signup.person_id', '=', personId)
        .where('signup.status', 'in', [...ACTIVE_SIGNUPS]),
    ),
  ])
}
