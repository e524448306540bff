/** Withdrawing consent: the item leaves public view at once (also the owner's "make private"). */
import type { Db, ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { Actor, ServiceContext } from '../context'
import { conflict } from '../errors'
import { ITEM_NOUN, type LoadedItem } from '../items/load'
import { requireActor } from '../memberships/access'
import { takeOutOfPublic } from './apply'
import { answeringGroups, decide, type PublicationTarget, publicState, tellOfficers } from './state'

/**
 * A participant group withdraws its consent: the item leaves public view at once and every other
 * group is told. Also what the owner's officers do when they make an item private again.
 */
export async function withdrawConsent(
  ctx: ServiceContext,
  input: PublicationTarget & { reason?: string | null; groupSlug?: string | null },
): Promise<{ itemType: ItemType; itemId: string; isPublic: false }> {
  const actor = requireActor(ctx.actor)
  const state = await publicState(ctx, input)
  const { item } = state
  const [group] = answeringGroups(item, input.groupSlug)
  if (!state.isPublic)
    throw conflict(`This ${ITEM_NOUN[item.type]} is not public, so there is no consent to withdraw.`)
  const reason = input.reason?.trim() || null
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute((tx) => withdrawInTx(tx, ctx, actor, item, group!, reason, now))
  return { itemType: item.type, itemId: item.id, isPublic: false }
}

async function withdrawInTx(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  group: { appgId: string; slug: string; title: string },
  reason: string | null,
  now: string,
): Promise<void> {
  const approved = await tx
    .selectFrom('publication_request')
    .select('id')
    .where('item_type', '=', item.type)
    .where('item_id', '=', item.id)
    .where('status', '=', 'approved')
    .orderBy('created_at', 'desc')
    .execute()
  for (const r of approved) {
    await decide(tx, r.id, 'approved', {
      status: 'withdrawn',
      decided_at: now,
      decided_by: actor.id,
      decided_appg_id: group.appgId,
      reason,
    })
  }
  await takeOutOfPublic(tx, ctx, item.type, item.id, now, actor.id)
  await audit(tx, ctx.clock, {
    actorId: actor.id,
    action: 'publication.consent_withdrawn',
    appgId: group.appgId,
    itemType: item.type,
    itemId: item.id,
    details: { group: group.slug, ...(reason ? { reason } : {}) },
  })
  await tellOfficers(tx, ctx, actor, item, {
    kind: 'publication.withdrawn',
    text: `${group.title} withdrew its consent: ${item.type === 'document' ? `the document “${item.title}” is no longer published` : `the ${ITEM_NOUN[item.type]} “${item.title}” is no longer public`}`,
    excerpt: reason,
  })
}

/** For the owner's own "make private" / "unpublish" controls: withdraw consent as the owner group. */
export async function takePrivateAsOwner(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  now: string,
): Promise<void> {
  await withdrawInTx(tx, ctx, actor, item, item.owner, null, now)
}
