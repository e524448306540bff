/**
 * Ending a partnership: an officer of a partner group takes it out of an item (leave), or an
 * officer of the owner group takes a partner out (remove). Either way its members lose the rights
 * the partnership gave them, and both sides are told.
 */

import type { ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden } from '../errors'
import { participantsChanged } from '../items/activity'
import { readableItem } from '../items/guards'
import { ITEM_NOUN, type LoadedItem } from '../items/load'
import { groupCan, ownerCan } from '../items/powers'
import { leaveTopicItems } from '../items/topic-space'
import { requireActor } from '../memberships/access'
import { releaseLostSignups } from '../sessions/release'
import { notifyHandshake } from './notify'

interface PartnerInput {
  itemType: ItemType
  itemId: string
  groupSlug: string
}

async function partnerOf(ctx: ServiceContext, input: PartnerInput) {
  const actor = requireActor(ctx.actor)
  const noun = ITEM_NOUN[input.itemType]
  const item = await readableItem(ctx, input.itemType, input.itemId)
  const partner = item.participants.find((p) => p.slug === input.groupSlug)
  if (partner?.isOwner)
    throw badRequest(`${partner.title} owns this ${noun}; it cannot leave it.`, 'groupSlug')
  if (!partner) throw badRequest(`That group does not take part in this ${noun}.`, 'groupSlug')
  return { actor, item, partner, noun }
}

async function endPartnership(
  ctx: ServiceContext,
  item: LoadedItem,
  partner: LoadedItem['participants'][number],
  step: 'left' | 'removed',
) {
  const actor = requireActor(ctx.actor)
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('participant')
      .where('item_type', '=', item.type)
      .where('item_id', '=', item.id)
      .where('appg_id', '=', partner.appgId)
      .where('is_owner', '=', 0)
      .execute()
    await participantsChanged(tx, item.type, item.id, now)
    // Leaving a topic is leaving its sessions too: their sign-ups go with the access.
    const sessions =
      item.type === 'meeting'
        ? [item.id]
        : item.type === 'topic'
          ? (await leaveTopicItems(tx, item.id, partner.appgId, now))
              .filter((i) => i.type === 'meeting')
              .map((i) => i.id)
          : []
    for (const sessionId of sessions) await releaseLostSignups(tx, ctx, { sessionId }, actor.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: `participant.${step}`,
      appgId: step === 'left' ? partner.appgId : item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { group: partner.slug, owner: item.owner.slug },
    })
    await notifyHandshake(tx, ctx, [
      {
        step,
        item: { type: item.type, id: item.id, title: item.title },
        owner: { appgId: item.owner.appgId, slug: item.owner.slug, title: item.owner.title },
        partner: { appgId: partner.appgId, slug: partner.slug, title: partner.title },
        actor: { id: actor.id, name: actor.displayName },
      },
    ])
  })
}

/** An officer (or the chair) of a partner group takes that group out of the item. */
export async function leaveItem(ctx: ServiceContext, input: PartnerInput): Promise<{ left: true }> {
  const { item, partner, noun } = await partnerOf(ctx, input)
  if (!groupCan(item.access, partner.appgId, 'item.invite')) {
    throw forbidden(`Only the chair and officers of ${partner.title} can take it out of this ${noun}.`)
  }
  await endPartnership(ctx, item, partner, 'left')
  return { left: true }
}

/** An officer (or the chair) of the owner group takes a partner group out of the item. */
export async function removePartner(ctx: ServiceContext, input: PartnerInput): Promise<{ removed: true }> {
  const { item, partner, noun } = await partnerOf(ctx, input)
  if (!ownerCan(item.access, 'item.invite')) {
    throw forbidden(
      `Only the chair and officers of ${item.owner.title} can remove a group from this ${noun}.`,
    )
  }
  await endPartnership(ctx, item, partner, 'removed')
  return { removed: true }
}
