/**
 * Completing an @mention: people who may be mentioned on an item are the members of its
 * participant groups (for a public item too), so that a mention never reveals the item to
 * anyone else.
 */
import type { ItemType } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, participantsOf } from '../items/load'
import { itemAtFromRow } from '../items/load-at'
import { requireActor } from '../memberships/access'
import { rolesAllowed } from '../policy'

export const MENTION_CANDIDATES_LIMIT = 10

/** LIKE's wildcards and escape differ between dialects; names do not need them, so they go. */
function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, '')}%`
}

/**
 * For people who may comment on the item. One query: the item with the actor's rights (as
 * `loadItem`), and the page of candidates left-joined to it (one row, candidate columns null, when
 * nobody matches). The candidates are read whether or not the actor may mention, and returned only
 * when they may.
 */
export async function mentionCandidates(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string; q: string },
): Promise<{ id: string; name: string; organisation: string | null }[]> {
  const actor = requireActor(ctx.actor)
  const { db } = ctx
  const noun = ITEM_NOUN[input.itemType]
  let candidates = db
    .selectFrom('person')
    .select(['person.id', 'person.display_name as name', 'person.organisation'])
    .where('person.erased_at', 'is', null)
    .where('person.id', '!=', actor.id)
    .where('person.id', 'in', (eb) =>
      eb
        .selectFrom('membership')
        .select('membership.person_id')
        .where('membership.appg_id', 'in', (p) =>
          // The item's participant groups, as `loadItem` reads them.
          p
            .selectFrom('participant')
            .innerJoin('appg', 'appg.id', 'participant.appg_id')
            .select('participant.appg_id')
            .where('participant.item_type', '=', input.itemType)
            .where('participant.item_id', '=', input.itemId),
        )
        .where('membership.role', 'in', [...rolesAllowed('item.read')]),
    )
    .orderBy('person.display_name')
    .orderBy('person.id')
    .limit(MENTION_CANDIDATES_LIMIT)
  const q = input.q.trim()
  if (q)
    candidates = candidates.where((eb) => eb(eb.fn('lower', ['person.display_name']), 'like', likePattern(q)))
  const rows = await db
    .selectFrom(`${input.itemType} as item` as 'topic as item')
    .leftJoin(candidates.as('c'), (join) => join.onTrue())
    .select([
      'item.id as itemId',
      'item.title as itemTitle',
      'item.visibility as itemVisibility',
      'item.status as itemStatus',
      participantsOf(db, input.itemType, 'item.id', actor).as('itemParticipants'),
      'c.id',
      'c.name',
      'c.organisation',
    ])
    .where('item.id', '=', input.itemId)
    .orderBy('c.name')
    .orderBy('c.id')
    .execute()
  if (!rows[0]) throw notFound(`That ${noun}`)
  const item = itemAtFromRow(actor, input.itemType, rows[0])
  assertCan(
    item.access,
    'item.comment',
    `That ${noun}`,
    `Only members of the groups taking part in this ${noun} can mention people in it.`,
  )
  return rows.flatMap((r) =>
    r.id === null ? [] : [{ id: r.id, name: r.name as string, organisation: r.organisation ?? null }],
  )
}
