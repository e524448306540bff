/**
 * Which of a list of items the actor may read now, in one query per item type present: for pages
 * that name items the reader reached some other way (a group's invitations, a personal export),
 * so that their titles and times show only while the reader may read them.
 */
import type { Db, ItemType } from '@appg-hub/db'
import type { Actor } from '../context'
import { itemReadableBy } from '../links/readable'

/** The words shown instead of an item's title once its reader may no longer read it. */
export const NO_ACCESS_TITLE = 'an item you no longer have access to'

const TABLE = { topic: 'topic', meeting: 'meeting', document: 'document' } as const

export const itemKey = (type: ItemType, id: string) => `${type}:${id}`

export async function readableItems(
  db: Db,
  actor: Actor | null,
  items: { type: ItemType; id: string }[],
): Promise<Set<string>> {
  const readable = new Set<string>()
  if (actor?.isSiteAdmin) {
    for (const item of items) readable.add(itemKey(item.type, item.id))
    return readable
  }
  for (const type of Object.keys(TABLE) as ItemType[]) {
    const ids = [...new Set(items.filter((i) => i.type === type).map((i) => i.id))]
    if (ids.length === 0) continue
    const rows = await db
      .selectFrom(`${TABLE[type]} as item` as 'topic as item')
      .select('item.id')
      .where('item.id', 'in', ids)
      .where((eb) => itemReadableBy(eb as never, actor, type, 'item'))
      .execute()
    for (const row of rows) readable.add(itemKey(type, row.id))
  }
  return readable
}
