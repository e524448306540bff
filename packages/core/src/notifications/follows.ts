/**
 * Following an item: its followers hear of new comments. Creators and commenters follow
 * automatically; anyone who may read an item may follow or unfollow it.
 */

import type { Db, ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { notFound } from '../errors'
import { readableItem } from '../items/guards'
import { ITEM_NOUN, loadItem } from '../items/load'
import { requireActor } from '../memberships/access'
import { can } from '../policy'

/** Makes `personId` follow the item unless they already do; inside the caller's transaction. */
export async function ensureFollowing(
  tx: Db,
  personId: string,
  type: ItemType,
  id: string,
  now: string,
): Promise<void> {
  await tx
    .insertInto('follow')
    .orIgnore()
    .values({ person_id: personId, item_type: type, item_id: id, created_at: now })
    .execute()
}

export async function followItem(
  ctx: ServiceContext,
  type: ItemType,
  id: string,
): Promise<{ following: true }> {
  const actor = requireActor(ctx.actor)
  const item = await readableItem(ctx, type, id)
  await ctx.db.transaction().execute(async (tx) => {
    await ensureFollowing(tx, actor.id, type, id, ctx.clock.now().toISOString())
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: `${type}.followed`,
      appgId: item.owner.appgId,
      itemType: type,
      itemId: id,
    })
  })
  return { following: true }
}

/** Stops following; also allowed when the item can no longer be read (so that nobody is stuck). */
export async function unfollowItem(
  ctx: ServiceContext,
  type: ItemType,
  id: string,
): Promise<{ following: false }> {
  const actor = requireActor(ctx.actor)
  const item = await loadItem(ctx.db, actor, type, id)
  await ctx.db.transaction().execute(async (tx) => {
    const removed = await tx
      .deleteFrom('follow')
      .where('person_id', '=', actor.id)
      .where('item_type', '=', type)
      .where('item_id', '=', id)
      .executeTakeFirst()
    if (Number(removed.numDeletedRows) === 0) {
      // Someone who may not read the item learns nothing about it here.
      if (!can(item.access, 'item.read')) throw notFound(`That ${ITEM_NOUN[type]}`)
    } else {
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: `${type}.unfollowed`,
        appgId: item.owner.appgId,
        itemType: type,
        itemId: id,
      })
    }
  })
  return { following: false }
}
