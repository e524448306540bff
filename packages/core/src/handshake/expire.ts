/**
 * Expiry, written down lazily. An invitation left pending past its expiry time already reads as
 * expired everywhere (`effectiveStatus`) and cannot be answered; this records it (status
 * `expired`, its `pending_key` freed so that the group can be invited again), audits it and tells
 * both sides. It runs when a group's invitations are listed and the list finds one that ran out
 * (then before the lists are read again), before new invitations are sent for an item, and from
 * the daily `send-digests` job.
 */
import type { Db, ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { notifyHandshake } from './notify'
import { invitationQuery } from './query'

export type ExpiryScope = { appgId: string } | { itemType: ItemType; itemId: string } | 'all'

/** Returns how many invitations it marked expired. One query when there are none. */
export async function expireInvitations(
  db: Db,
  ctx: { clock: Clock; config: HubConfig },
  scope: ExpiryScope,
): Promise<number> {
  const now = ctx.clock.now().toISOString()
  let query = invitationQuery(db).where('i.status', '=', 'pending').where('i.expires_at', '<=', now)
  if (scope !== 'all' && 'appgId' in scope) {
    query = query.where((eb) =>
      eb.or([eb('i.from_appg_id', '=', scope.appgId), eb('i.to_appg_id', '=', scope.appgId)]),
    )
  } else if (scope !== 'all') {
    query = query.where('i.item_type', '=', scope.itemType).where('i.item_id', '=', scope.itemId)
  }
  const stale = await query.orderBy('i.created_at').limit(500).execute()
  if (stale.length === 0) return 0
  return db.transaction().execute(async (tx) => {
    const expired = []
    for (const row of stale) {
      // Conditional, so that an answer or a concurrent sweep that got there first wins.
      const result = await tx
        .updateTable('invitation')
        .set({ status: 'expired', pending_key: null })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .executeTakeFirst()
      if (Number(result.numUpdatedRows) !== 1) continue
      expired.push(row)
      await audit(tx, ctx.clock, {
        actorId: null,
        action: 'invitation.expired',
        appgId: row.from_appg_id,
        itemType: row.item_type,
        itemId: row.item_id,
        details: { invitationId: row.id, from: row.fromSlug, to: row.toSlug, expiresAt: row.expires_at },
      })
    }
    await notifyHandshake(
      tx,
      ctx,
      expired.map((row) => ({
        step: 'expired' as const,
        item: { type: row.item_type, id: row.item_id, title: row.itemTitle },
        owner: { appgId: row.from_appg_id, slug: row.fromSlug, title: row.fromTitle },
        partner: { appgId: row.to_appg_id, slug: row.toSlug, title: row.toTitle },
        actor: null,
      })),
    )
    return expired.length
  })
}
