import type { Db, ItemType } from '@appg-hub/db'

/**
 * Moves an item up the lists ordered by activity (a new comment, a partner joining or leaving).
 * Only topics keep such a time for now; sessions and documents order by their own dates.
 */
export async function touchActivity(tx: Db, type: ItemType, id: string, now: string): Promise<void> {
  if (type === 'topic')
    await tx.updateTable('topic').set({ last_activity_at: now }).where('id', '=', id).execute()
}
