/**
 * Completing an @mention: people who may be mentioned on an item are the members of its
 * participant groups (for a public item too), so that a mention never reveals the item to
 * anyone else.
 */
import type { ItemType } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { assertCan } from '../items/access'
import { ITEM_NOUN, loadItem } from '../items/load'
import { requireActor } from '../memberships/access'
import { rolesAllowed } from '../policy'

export const MENTION_CANDIDATES_LIMIT = 10

/** LIKE's wildcards and escape differ between dialects; names do not need them, so they go. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, '')}%`
}

/** For people who may comment on the item. Two queries. */
export async function mentionCandidates(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string; q: string },
): Promise<{ id: string; name: string; organisation: string | null }[]> {
  const actor = requireActor(ctx.actor)
  const noun = ITEM_NOUN[input.itemType]
  const item = await loadItem(ctx.db, actor, input.itemType, input.itemId)
  assertCan(
    item.access,
    'item.comment',
    `That ${noun}`,
    `Only members of the groups taking part in this ${noun} can mention people in it.`,
  )
  let query = ctx.db
    .selectFrom('person')
    .select(['person.id', 'person.display_name as name', 'person.organisation'])
    .where('person.erased_at', 'is', null)
    .where('person.id', '!=', actor.id)
    .where('person.id', 'in', (eb) =>
      eb
        .selectFrom('membership')
        .select('membership.person_id')
        .where(
          'membership.appg_id',
          'in',
          item.participants.map((p) => p.appgId),
        )
        .where('membership.role', 'in', [...rolesAllowed('item.read')]),
    )
    .orderBy('person.display_name')
    .orderBy('person.id')
    .limit(MENTION_CANDIDATES_LIMIT)
  const q = input.q.trim()
  if (q) query = query.where((eb) => eb(eb.fn('lower', ['person.display_name']), 'like', likePattern(q)))
  return query.execute()
}
