/** Sending invitations: an officer of the item's owner group asks one or more groups to join it. */
import { type InvitationStatus, type ItemType, isUniqueViolation, newId } from '@appg-hub/db'
import { MAX_GROUPS_PER_SEND } from '@appg-hub/schemas'
import { audit } from '../audit'
import { addMs } from '../clock'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, isActive, loadItem } from '../items/load'
import { ownerCan } from '../items/powers'
import { requireActor } from '../memberships/access'
import { expireInvitations } from './expire'
import { notifyHandshake } from './notify'
import { pendingKey } from './status'

export { MAX_GROUPS_PER_SEND } from '@appg-hub/schemas'

export interface SendInput {
  itemType: ItemType
  itemId: string
  toGroupSlugs: string[]
  message?: string | null
}

export interface SentInvitation {
  id: string
  to: { slug: string; title: string }
  status: InvitationStatus
}

/**
 * All or nothing: every group named must be one that can be invited (registered, not the owner,
 * not taking part already, not invited and still to answer), or nothing is sent.
 */
export async function sendInvitations(
  ctx: ServiceContext,
  input: SendInput,
): Promise<{ invitations: SentInvitation[] }> {
  const actor = requireActor(ctx.actor)
  const noun = ITEM_NOUN[input.itemType]
  const item = await loadItem(ctx.db, actor, input.itemType, input.itemId)
  assertCan(item.access, 'item.read', `That ${noun}`, '')
  if (!ownerCan(item.access, 'item.invite')) {
    throw forbidden(
      `Only the chair and officers of ${item.owner.title} can invite other groups to this ${noun}.`,
    )
  }
  if (!isActive(item.type, item.status))
    throw conflict(`This ${noun} is ${item.status}: groups can no longer be invited to it.`)
  const slugs = [...new Set(input.toGroupSlugs.map((s) => s.trim()).filter(Boolean))]
  if (slugs.length === 0) throw badRequest('Choose at least one group to invite.', 'toGroupSlugs')
  if (slugs.length > MAX_GROUPS_PER_SEND)
    throw badRequest(`Invite at most ${MAX_GROUPS_PER_SEND} groups at a time.`, 'toGroupSlugs')

  const now = ctx.clock.now().toISOString()
  const groups = await ctx.db
    .selectFrom('appg')
    .select((eb) => [
      'appg.id',
      'appg.slug',
      'appg.title',
      'appg.status',
      eb
        .selectFrom('invitation')
        .select('invitation.id')
        .whereRef('invitation.to_appg_id', '=', 'appg.id')
        .where('invitation.item_type', '=', input.itemType)
        .where('invitation.item_id', '=', input.itemId)
        .where('invitation.status', '=', 'pending')
        .where('invitation.expires_at', '>', now)
        .limit(1)
        .as('pendingId'),
    ])
    .where('appg.slug', 'in', slugs)
    .execute()
  const bySlug = new Map(groups.map((g) => [g.slug, g]))
  const missing = slugs.filter((s) => !bySlug.has(s))
  if (missing.length) throw badRequest(`No group is called “${missing.join('”, “')}”.`, 'toGroupSlugs')
  const targets = slugs.map((s) => bySlug.get(s)!)
  for (const g of targets) {
    if (g.id === item.owner.appgId)
      throw badRequest(`${g.title} owns this ${noun}; invite other groups.`, 'toGroupSlugs')
    if (item.participants.some((p) => p.appgId === g.id))
      throw conflict(`${g.title} already takes part in this ${noun}.`, 'toGroupSlugs')
    if (g.status !== 'registered')
      throw badRequest(`${g.title} is no longer on the Register.`, 'toGroupSlugs')
    if (g.pendingId)
      throw conflict(
        `${g.title} has already been invited to this ${noun} and has not answered yet.`,
        'toGroupSlugs',
      )
  }

  // Invitations that ran out still hold their place in the unique index until written down.
  await expireInvitations(ctx.db, ctx, { itemType: input.itemType, itemId: input.itemId })
  const expiresAt = addMs(ctx.clock.now(), ctx.config.handshakeTtlMs)
  const message = input.message?.trim() || null
  const rows = targets.map((g) => ({
    id: newId(),
    item_type: input.itemType,
    item_id: input.itemId,
    from_appg_id: item.owner.appgId,
    to_appg_id: g.id,
    message,
    reply: null,
    status: 'pending' as const,
    pending_key: pendingKey(input.itemType, input.itemId, g.id),
    sent_by: actor.id,
    answered_by: null,
    created_at: now,
    answered_at: null,
    expires_at: expiresAt,
  }))
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('invitation').values(rows).execute()
      for (const [i, row] of rows.entries()) {
        await audit(tx, ctx.clock, {
          actorId: actor.id,
          action: 'invitation.sent',
          appgId: item.owner.appgId,
          itemType: input.itemType,
          itemId: input.itemId,
          details: { invitationId: row.id, to: targets[i]!.slug, expiresAt },
        })
      }
      await notifyHandshake(
        tx,
        ctx,
        targets.map((g) => ({
          step: 'sent' as const,
          item: { type: item.type, id: item.id, title: item.title },
          owner: { appgId: item.owner.appgId, slug: item.owner.slug, title: item.owner.title },
          partner: { appgId: g.id, slug: g.slug, title: g.title },
          actor: { id: actor.id, name: actor.displayName },
          words: message,
        })),
      )
    })
  } catch (error) {
    // Someone else invited one of these groups a moment ago.
    if (isUniqueViolation(error))
      throw conflict(
        `One of these groups has just been invited to this ${noun} by someone else.`,
        'toGroupSlugs',
      )
    throw error
  }
  return {
    invitations: rows.map((r, i) => ({
      id: r.id,
      to: { slug: targets[i]!.slug, title: targets[i]!.title },
      status: r.status,
    })),
  }
}
