/**
 * Answering invitations (accept, decline: an officer of the group invited) and withdrawing them
 * (an officer of the group that sent them). Accepting makes the group a participant of the item,
 * which gives its members their docs/architecture.md §3 rights on it.
 */
import { isUniqueViolation } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { conflict, forbidden, notFound } from '../errors'
import { participantsChanged } from '../items/activity'
import { ITEM_NOUN, isActive, loadItem } from '../items/load'
import { joinTopicItems } from '../items/topic-space'
import { requireActor } from '../memberships/access'
import { can } from '../policy'
import { notifyHandshake } from './notify'
import { type InvitationView, invitationQuery, invitationView } from './query'
import { effectiveStatus, type HandshakeAction, transition } from './status'

async function answer(
  ctx: ServiceContext,
  id: string,
  action: HandshakeAction,
  reply: string | null,
): Promise<InvitationView> {
  const actor = requireActor(ctx.actor)
  const row = await invitationQuery(ctx.db)
    .leftJoin('membership as fromRole', (join) =>
      join.onRef('fromRole.appg_id', '=', 'i.from_appg_id').on('fromRole.person_id', '=', actor.id),
    )
    .leftJoin('membership as toRole', (join) =>
      join.onRef('toRole.appg_id', '=', 'i.to_appg_id').on('toRole.person_id', '=', actor.id),
    )
    .select(['fromRole.role as fromRole', 'toRole.role as toRole'])
    .where('i.id', '=', id)
    .executeTakeFirst()
  // Only the two groups' people (and site admins) learn that an invitation exists.
  if (!row || (!row.fromRole && !row.toRole && !actor.isSiteAdmin)) throw notFound('That invitation')

  const answering = action !== 'withdraw'
  const side = answering
    ? { role: row.toRole, title: row.toTitle }
    : { role: row.fromRole, title: row.fromTitle }
  if (!can({ role: side.role ?? null, isSiteAdmin: actor.isSiteAdmin, isPublic: false }, 'item.invite')) {
    throw forbidden(
      answering
        ? `Only the chair and officers of ${row.toTitle} can answer this invitation.`
        : `Only the chair and officers of ${row.fromTitle} can withdraw this invitation.`,
    )
  }
  const now = ctx.clock.now().toISOString()
  const status = transition(effectiveStatus(row, now), action, row.expires_at)
  const item = await loadItem(ctx.db, actor, row.item_type, row.item_id)
  const noun = ITEM_NOUN[row.item_type]
  if (action === 'accept' && !isActive(item.type, item.status)) {
    throw conflict(`This ${noun} is ${item.status}, so it cannot be joined now.`)
  }

  try {
    await ctx.db.transaction().execute(async (tx) => {
      // Conditional on the invitation still being open, so that of two answers only one counts.
      const updated = await tx
        .updateTable('invitation')
        .set({
          status,
          pending_key: null,
          ...(answering ? { answered_by: actor.id, answered_at: now, reply } : { answered_at: now }),
        })
        .where('id', '=', row.id)
        .where('status', '=', 'pending')
        .where('expires_at', '>', now)
        .executeTakeFirst()
      if (Number(updated.numUpdatedRows) !== 1)
        throw conflict('This invitation has just been answered or withdrawn by someone else.')
      if (status === 'accepted') {
        await tx
          .insertInto('participant')
          .values({
            item_type: row.item_type,
            item_id: row.item_id,
            appg_id: row.to_appg_id,
            is_owner: 0,
            joined_at: now,
          })
          .execute()
        await participantsChanged(tx, row.item_type, row.item_id, now)
        if (row.item_type === 'topic') await joinTopicItems(tx, row.item_id, row.to_appg_id, now)
      }
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: `invitation.${status}`,
        appgId: answering ? row.to_appg_id : row.from_appg_id,
        itemType: row.item_type,
        itemId: row.item_id,
        details: {
          invitationId: row.id,
          from: row.fromSlug,
          to: row.toSlug,
          ...(reply ? { replied: true } : {}),
        },
      })
      await notifyHandshake(tx, ctx, [
        {
          step: status === 'accepted' ? 'accepted' : status === 'declined' ? 'declined' : 'withdrawn',
          item: { type: item.type, id: item.id, title: item.title },
          owner: { appgId: row.from_appg_id, slug: row.fromSlug, title: row.fromTitle },
          partner: { appgId: row.to_appg_id, slug: row.toSlug, title: row.toTitle },
          actor: { id: actor.id, name: actor.displayName },
          words: reply,
        },
      ])
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`${row.toTitle} already takes part in this ${noun}.`)
    throw error
  }
  return invitationView(
    {
      ...row,
      status,
      answered_at: now,
      ...(answering ? { reply, answererName: actor.displayName } : {}),
    },
    now,
  )
}

export function acceptInvitation(ctx: ServiceContext, input: { id: string; reply?: string | null }) {
  return answer(ctx, input.id, 'accept', input.reply?.trim() || null)
}

export function declineInvitation(ctx: ServiceContext, input: { id: string; reply?: string | null }) {
  return answer(ctx, input.id, 'decline', input.reply?.trim() || null)
}

export function withdrawInvitation(ctx: ServiceContext, input: { id: string }) {
  return answer(ctx, input.id, 'withdraw', null)
}
