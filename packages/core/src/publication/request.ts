/** Asking for publication: a request that every participant group consents to (see `state.ts`). */
import { type Db, type ItemType, isUniqueViolation, newId, type Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import { addMs } from '../clock'
import type { Actor, ServiceContext } from '../context'
import { conflict, forbidden } from '../errors'
import { touchActivity } from '../items/activity'
import { ITEM_NOUN, type LoadedItem } from '../items/load'
import { ownerCan, roleIn } from '../items/powers'
import { requireActor } from '../memberships/access'
import { roleAllows } from '../policy'
import { type PublicationView, publicationView } from './read'
import { type PublicationTarget, publicState, takeEffect, tellOfficers, waitingFor, what } from './state'
import { publicationPendingKey } from './status'

/** Marks this item's pending requests whose time ran out as expired (freeing the unique key). */
async function expireStale(tx: Db, target: PublicationTarget, now: string): Promise<void> {
  await tx
    .updateTable('publication_request')
    .set({ status: 'expired', pending_key: null })
    .where('item_type', '=', target.itemType)
    .where('item_id', '=', target.itemId)
    .where('status', '=', 'pending')
    .where('expires_at', '<=', now)
    .execute()
}

/**
 * Opens a request, with the consent of the groups in `consentingAppgIds` (the asking officer's),
 * inside `tx`; approves and applies it at once when no group is left to ask. Also used when a
 * session is created public in a topic shared with other groups.
 */
export async function openPublication(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  input: {
    item: LoadedItem
    visibility: Visibility
    revisionId: string | null
    consentingAppgIds: string[]
    message: string | null
  },
): Promise<string> {
  const { item } = input
  const now = ctx.clock.now().toISOString()
  await expireStale(tx, { itemType: item.type, itemId: item.id }, now)
  const id = newId()
  const consented = new Set(input.consentingAppgIds)
  const waiting = waitingFor(item, consented)
  const approved = waiting.length === 0
  await tx
    .insertInto('publication_request')
    .values({
      id,
      item_type: item.type,
      item_id: item.id,
      visibility: input.visibility,
      revision_id: input.revisionId,
      status: approved ? 'approved' : 'pending',
      pending_key: approved ? null : publicationPendingKey(item.type, item.id),
      from_appg_id: item.owner.appgId,
      requested_by: actor.id,
      message: input.message,
      created_at: now,
      expires_at: addMs(ctx.clock.now(), ctx.config.handshakeTtlMs),
      decided_at: approved ? now : null,
      decided_by: approved ? actor.id : null,
      decided_appg_id: approved ? item.owner.appgId : null,
      reason: null,
    })
    .execute()
  if (consented.size)
    await tx
      .insertInto('publication_consent')
      .values(
        [...consented].map((appgId) => ({ request_id: id, appg_id: appgId, person_id: actor.id, at: now })),
      )
      .execute()
  await touchActivity(tx, item.type, item.id, now)
  await audit(tx, ctx.clock, {
    actorId: actor.id,
    action: 'publication.requested',
    appgId: item.owner.appgId,
    itemType: item.type,
    itemId: item.id,
    details: {
      requestId: id,
      visibility: input.visibility,
      ...(input.revisionId ? { revisionId: input.revisionId } : {}),
      waitingFor: waiting.map((p) => p.slug),
    },
  })
  if (approved) {
    await takeEffect(tx, ctx, actor, item, { id, ...input }, now)
  } else {
    await tellOfficers(tx, ctx, actor, item, {
      to: waiting.map((p) => p.appgId),
      kind: 'publication.requested',
      text: `${item.owner.title} asks your group’s consent to ${what(item.type, item.title)}`,
      excerpt: input.message,
    })
  }
  return id
}

/**
 * An officer of the owner group asks to make the item public (a document: to publish its current
 * revision, to `visibility`, by default the one it was created for).
 */
export async function requestPublication(
  ctx: ServiceContext,
  input: PublicationTarget & { visibility?: Visibility; message?: string | null },
): Promise<PublicationView> {
  const actor = requireActor(ctx.actor)
  const state = await publicState(ctx, input)
  const { item } = state
  const noun = ITEM_NOUN[item.type]
  if (!ownerCan(item.access, 'item.invite'))
    throw forbidden(
      item.type === 'document'
        ? `Only the chair and officers of ${item.owner.title} can ask to publish this document.`
        : `Only the chair and officers of ${item.owner.title} can ask to make this ${noun} public.`,
    )
  if (state.isPublic && (item.type !== 'document' || state.publishedRevisionId === state.headRevisionId))
    throw conflict(
      item.type === 'document'
        ? 'This revision is already published; save changes before asking again.'
        : `This ${noun} is already public.`,
    )
  const visibility = item.type === 'document' ? (input.visibility ?? state.intended) : 'public'
  try {
    const id = await ctx.db.transaction().execute((tx) =>
      openPublication(tx, ctx, actor, {
        item,
        visibility,
        revisionId: state.headRevisionId,
        consentingAppgIds: askersConsent(item),
        message: input.message?.trim() || null,
      }),
    )
    return publicationView(ctx, id, item)
  } catch (error) {
    throw pendingConflict(error, item.type)
  }
}

/**
 * The groups whose consent asking gives: the owner group when the asker is its chair or officer.
 * A site administrator may ask but answers for no group, so the owner's officers still consent.
 */
export function askersConsent(item: LoadedItem): string[] {
  return roleAllows(roleIn(item.access, item.owner.appgId), 'item.invite') ? [item.owner.appgId] : []
}

/** A unique violation on `pending_key` is a request already waiting: say so. */
export function pendingConflict(error: unknown, type: ItemType): unknown {
  if (!isUniqueViolation(error)) return error
  return conflict(
    `A request to publish this ${ITEM_NOUN[type]} is already waiting for the groups’ consent: answer or withdraw it first.`,
  )
}
