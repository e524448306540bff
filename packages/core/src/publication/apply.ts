/**
 * What an approved publication does to its item, and what withdrawing it undoes. The only places
 * that make a topic, session or document public; always inside the transaction that decides, which
 * also brings the item's search entries up to date (a published document's approved words are
 * what the public finds).
 */
import { type Db, type ItemType, indexItem, type Visibility } from '@appg-hub/db'
import { sql } from 'kysely'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { SEARCH_TYPE } from '../items/load'
import { releaseLostSignups } from '../sessions/release'

export interface Publication {
  itemType: ItemType
  itemId: string
  visibility: Visibility
  /** The document revision approved for the public; null for topics and sessions. */
  revisionId: string | null
}

/** Puts the approved publication into effect. */
export async function putIntoEffect(tx: Db, p: Publication, now: string): Promise<void> {
  if (p.itemType === 'topic') {
    await tx
      .updateTable('topic')
      .set({ visibility: p.visibility, updated_at: now, last_activity_at: now })
      .where('id', '=', p.itemId)
      .execute()
  } else if (p.itemType === 'meeting') {
    // A draft stays for its hosts until scheduled; scheduling then shows it as chosen.
    await tx
      .updateTable('meeting')
      .set((eb) => ({
        intended_visibility: p.visibility,
        visibility: eb
          .case()
          .when('status', '=', 'draft')
          .then(eb.ref('visibility'))
          .else(p.visibility)
          .end(),
        sequence: sql<number>`sequence + 1`,
        updated_at: now,
      }))
      .where('id', '=', p.itemId)
      .execute()
  } else {
    await tx
      .updateTable('document')
      .set({
        status: 'published',
        visibility: p.visibility,
        published_revision_id: p.revisionId,
        updated_at: now,
      })
      .where('id', '=', p.itemId)
      .execute()
  }
  await indexItem(tx, SEARCH_TYPE[p.itemType], p.itemId)
}

/**
 * Takes the item out of public view (its groups keep it; the public sees nothing of it). A session
 * no longer public releases the sign-ups of people who may no longer read it.
 */
export async function takeOutOfPublic(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  itemType: ItemType,
  itemId: string,
  now: string,
  actorId: string,
): Promise<void> {
  if (itemType === 'topic') {
    await tx
      .updateTable('topic')
      .set({ visibility: 'participants', updated_at: now, last_activity_at: now })
      .where('id', '=', itemId)
      .execute()
  } else if (itemType === 'meeting') {
    await tx
      .updateTable('meeting')
      .set({
        intended_visibility: 'participants',
        visibility: 'participants',
        sequence: sql<number>`sequence + 1`,
        updated_at: now,
      })
      .where('id', '=', itemId)
      .execute()
  } else {
    // Back to a draft for its groups; the visibility it was meant for stays for the next request.
    await tx
      .updateTable('document')
      .set({ status: 'draft', published_revision_id: null, updated_at: now })
      .where('id', '=', itemId)
      .execute()
  }
  await indexItem(tx, SEARCH_TYPE[itemType], itemId)
  if (itemType === 'meeting') await releaseLostSignups(tx, ctx, { sessionId: itemId }, actorId)
}
