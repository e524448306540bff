import type { Db, ItemType } from '@appg-hub/db'
import { sql } from 'kysely'

/**
 * Moves an item up the lists ordered by activity (a new comment, a partner joining or leaving).
 * Only topics keep such a time for now; sessions and documents order by their own dates.
 */
export async function touchActivity(tx: Db, type: ItemType, id: string, now: string): Promise<void> {
  if (type === 'topic')
    await tx.updateTable('topic').set({ last_activity_at: now }).where('id', '=', id).execute()
}

/**
 * A group joined or left the item. Besides the activity time, a session's calendar entry changes
 * (its co-hosts are in it), so its iCalendar SEQUENCE goes up.
 */
export async function participantsChanged(tx: Db, type: ItemType, id: string, now: string): Promise<void> {
  await touchActivity(tx, type, id, now)
  if (type === 'meeting') {
    await tx
      .updateTable('meeting')
      .set({ sequence: sql<number>`sequence + 1`, updated_at: now })
      .where('id', '=', id)
      .execute()
  }
}
