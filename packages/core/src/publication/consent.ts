/**
 * Publication by consent. Making a topic, session or document public — or publishing a document —
 * is a request that an officer of every participant group approves (one per group suffices; the
 * requesting officer's group approves by asking). While it is pending nothing of it is public.
 * Any participant group may later withdraw its consent, which takes the item out of public view.
 * An item with one group is approved at once, as its officer's request is that group's consent.
 *
 * Who may ask is the owner group's chair and officers (DESIGN §3: publishing is theirs); who may
 * consent, decline or withdraw consent is the chair and officers of each participant group, for
 * that group. Site administrators read everything but answer for no group.
 */

import { type Db, type ItemType, isUniqueViolation, newId, type Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import { addMs } from '../clock'
import type { Actor, ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { touchActivity } from '../items/activity'
import { readableItem } from '../items/guards'
import { ITEM_NOUN, itemPath, type LoadedItem, loadItem } from '../items/load'
import { ownerCan, roleIn } from '../items/powers'
import { requireActor } from '../memberships/access'
import type { NotificationKind } from '../notifications/kinds'
import { notify } from '../notifications/notify'
import { officersOf } from '../notifications/recipients'
import { roleAllows } from '../policy'
import { putIntoEffect, takeOutOfPublic } from './apply'
import { effectiveStatusOf, type PublicationRow, type PublicationView, publicationView } from './read'
import { assertPublicationStep, publicationPendingKey } from './status'

export interface PublicationTarget {
  itemType: ItemType
  itemId: string
}

/** The item's state as publication sees it: public now, and (documents) the revisions. */
export interface PublicState {
  item: LoadedItem
  isPublic: boolean
  /** The visibility the item is meant to have once approved. */
  intended: Visibility
  headRevisionId: string | null
  publishedRevisionId: string | null
}

export async function publicState(ctx: ServiceContext, target: PublicationTarget): Promise<PublicState> {
  const item = await readableItem(ctx, target.itemType, target.itemId)
  if (target.itemType === 'document') {
    const d = await ctx.db
      .selectFrom('document')
      .select(['status', 'visibility', 'head_revision_id', 'published_revision_id'])
      .where('id', '=', target.itemId)
      .executeTakeFirstOrThrow()
    return {
      item,
      isPublic: d.status === 'published',
      intended: d.visibility,
      headRevisionId: d.head_revision_id,
      publishedRevisionId: d.published_revision_id,
    }
  }
  if (target.itemType === 'meeting') {
    const m = await ctx.db
      .selectFrom('meeting')
      .select(['visibility', 'intended_visibility'])
      .where('id', '=', target.itemId)
      .executeTakeFirstOrThrow()
    const chosen = m.intended_visibility ?? m.visibility
    return {
      item,
      isPublic: chosen === 'public',
      intended: 'public',
      headRevisionId: null,
      publishedRevisionId: null,
    }
  }
  return {
    item,
    isPublic: item.visibility === 'public',
    intended: 'public',
    headRevisionId: null,
    publishedRevisionId: null,
  }
}

function what(type: ItemType, title: string): string {
  return type === 'document'
    ? `publishing the document “${title}”`
    : `making the ${ITEM_NOUN[type]} “${title}” public`
}

/** Tells the chair and officers of `appgIds` (never the actor). */
async function tellOfficers(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  appgIds: string[],
  kind: NotificationKind,
  text: string,
  excerpt: string | null = null,
): Promise<void> {
  const officers = await officersOf(tx, appgIds)
  await notify(
    tx,
    ctx,
    actor.id,
    officers.map((o) => ({
      personId: o.personId,
      kind,
      text,
      path: itemPath(item.type, item.id),
      itemType: item.type,
      itemId: item.id,
      appgId: o.appgId,
      excerpt,
    })),
  )
}

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

/** The groups still to consent, given the consents so far (the item's groups as they are now). */
function waitingFor(item: LoadedItem, consented: Set<string>) {
  return item.participants.filter((p) => !consented.has(p.appgId))
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
    await putIntoEffect(tx, { itemType: item.type, itemId: item.id, ...input }, now)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'publication.approved',
      appgId: item.owner.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { requestId: id, visibility: input.visibility },
    })
  } else {
    await tellOfficers(
      tx,
      ctx,
      actor,
      item,
      waiting.map((p) => p.appgId),
      'publication.requested',
      `${item.owner.title} asks your group’s consent to ${what(item.type, item.title)}`,
      input.message,
    )
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

async function requestRow(db: Db, id: string): Promise<PublicationRow | undefined> {
  return db.selectFrom('publication_request').selectAll().where('id', '=', id).executeTakeFirst()
}

/** The request and its item; NOT_FOUND unless the caller may read the item. */
async function loadRequest(ctx: ServiceContext, id: string) {
  const actor = requireActor(ctx.actor)
  const row = await requestRow(ctx.db, id)
  if (!row) throw notFound('That publication request')
  const item = await loadItem(ctx.db, actor, row.item_type, row.item_id)
  if (!item.access.role && !item.access.isSiteAdmin) throw notFound('That publication request')
  return { actor, row, item, now: ctx.clock.now().toISOString() }
}

/** The participant groups for which the actor answers (chair or officer), optionally just one. */
function answeringGroups(item: LoadedItem, groupSlug: string | null | undefined) {
  const mine = item.participants.filter((p) => roleAllows(roleIn(item.access, p.appgId), 'item.invite'))
  const chosen = groupSlug ? mine.filter((p) => p.slug === groupSlug) : mine
  if (!chosen.length)
    throw forbidden(
      groupSlug && item.participants.some((p) => p.slug === groupSlug)
        ? `Only the chair and officers of that group can answer for it.`
        : 'Only the chair and officers of a participant group can answer for it.',
    )
  return chosen
}

/** Writes the request's new state only if it is still in the state it was read in. */
async function decide(
  tx: Db,
  id: string,
  from: 'pending' | 'approved',
  set: {
    status: 'approved' | 'declined' | 'withdrawn'
    decided_at: string
    decided_by: string
    decided_appg_id: string
    reason?: string | null
  },
): Promise<void> {
  const updated = await tx
    .updateTable('publication_request')
    .set({ ...set, pending_key: null })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) !== 1)
    throw conflict('This publication request has just been answered by someone else; reload the page.')
}

/**
 * An officer consents for their group (each of their participant groups that has not yet, or the
 * one named). When every participant group has consented, the item becomes public.
 */
export async function approvePublication(
  ctx: ServiceContext,
  input: { id: string; groupSlug?: string | null },
): Promise<PublicationView> {
  const { actor, row, item, now } = await loadRequest(ctx, input.id)
  const groups = answeringGroups(item, input.groupSlug)
  assertPublicationStep(effectiveStatusOf(row, now), 'approve')
  const already = await ctx.db
    .selectFrom('publication_consent')
    .select('appg_id')
    .where('request_id', '=', row.id)
    .execute()
  const consented = new Set(already.map((c) => c.appg_id))
  const adding = groups.filter((g) => !consented.has(g.appgId))
  if (!adding.length) throw conflict('Your group has already consented to this publication.')
  for (const g of adding) consented.add(g.appgId)
  const waiting = waitingFor(item, consented)
  const names = adding.map((g) => g.title).join(' and ')
  try {
    await ctx.db.transaction().execute(async (tx) => {
      await tx
        .insertInto('publication_consent')
        .values(adding.map((g) => ({ request_id: row.id, appg_id: g.appgId, person_id: actor.id, at: now })))
        .execute()
      for (const g of adding)
        await audit(tx, ctx.clock, {
          actorId: actor.id,
          action: 'publication.consented',
          appgId: g.appgId,
          itemType: item.type,
          itemId: item.id,
          details: { requestId: row.id, group: g.slug },
        })
      const everyone = item.participants.map((p) => p.appgId)
      if (waiting.length === 0) {
        await decide(tx, row.id, 'pending', {
          status: 'approved',
          decided_at: now,
          decided_by: actor.id,
          decided_appg_id: adding[0]!.appgId,
        })
        await putIntoEffect(
          tx,
          { itemType: item.type, itemId: item.id, visibility: row.visibility, revisionId: row.revision_id },
          now,
        )
        await audit(tx, ctx.clock, {
          actorId: actor.id,
          action: 'publication.approved',
          appgId: item.owner.appgId,
          itemType: item.type,
          itemId: item.id,
          details: { requestId: row.id, visibility: row.visibility },
        })
        await tellOfficers(
          tx,
          ctx,
          actor,
          item,
          everyone,
          'publication.approved',
          `Every group consented: ${item.type === 'document' ? `the document “${item.title}” is published` : `the ${ITEM_NOUN[item.type]} “${item.title}” is public`}`,
        )
      } else {
        await tellOfficers(
          tx,
          ctx,
          actor,
          item,
          everyone,
          'publication.consented',
          `${names} consented to ${what(item.type, item.title)}; waiting for ${waiting.map((p) => p.title).join(', ')}`,
        )
      }
    })
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict('Your group has just consented to this publication.')
    throw error
  }
  return publicationView(ctx, row.id, await loadItem(ctx.db, actor, item.type, item.id))
}

/** An officer of a participant group declines, saying why; nothing becomes public. */
export async function declinePublication(
  ctx: ServiceContext,
  input: { id: string; reason: string; groupSlug?: string | null },
): Promise<PublicationView> {
  const reason = input.reason.trim()
  if (!reason) throw badRequest('Say why your group declines, so that the others can answer it.', 'reason')
  const { actor, row, item, now } = await loadRequest(ctx, input.id)
  const [group] = answeringGroups(item, input.groupSlug)
  assertPublicationStep(effectiveStatusOf(row, now), 'decline')
  await ctx.db.transaction().execute(async (tx) => {
    await decide(tx, row.id, 'pending', {
      status: 'declined',
      decided_at: now,
      decided_by: actor.id,
      decided_appg_id: group!.appgId,
      reason,
    })
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'publication.declined',
      appgId: group!.appgId,
      itemType: item.type,
      itemId: item.id,
      details: { requestId: row.id, group: group!.slug },
    })
    await tellOfficers(
      tx,
      ctx,
      actor,
      item,
      item.participants.map((p) => p.appgId),
      'publication.declined',
      `${group!.title} declined ${what(item.type, item.title)}`,
      reason,
    )
  })
  return publicationView(ctx, row.id, item)
}

/** An officer of the asking (owner) group withdraws a request still pending. */
export async function cancelPublication(
  ctx: ServiceContext,
  input: { id: string },
): Promise<PublicationView> {
  const { actor, row, item, now } = await loadRequest(ctx, input.id)
  if (!roleAllows(roleIn(item.access, row.from_appg_id), 'item.invite'))
    throw forbidden(`Only the chair and officers of ${item.owner.title} can withdraw this request.`)
  assertPublicationStep(effectiveStatusOf(row, now), 'cancel')
  await ctx.db.transaction().execute(async (tx) => {
    await decide(tx, row.id, 'pending', {
      status: 'withdrawn',
      decided_at: now,
      decided_by: actor.id,
      decided_appg_id: row.from_appg_id,
    })
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'publication.withdrawn',
      appgId: row.from_appg_id,
      itemType: item.type,
      itemId: item.id,
      details: { requestId: row.id },
    })
    await tellOfficers(
      tx,
      ctx,
      actor,
      item,
      item.participants.map((p) => p.appgId),
      'publication.withdrawn',
      `${item.owner.title} withdrew its request for ${what(item.type, item.title)}`,
    )
  })
  return publicationView(ctx, row.id, item)
}

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
  await tellOfficers(
    tx,
    ctx,
    actor,
    item,
    item.participants.map((p) => p.appgId),
    'publication.withdrawn',
    `${group.title} withdrew its consent: ${item.type === 'document' ? `the document “${item.title}” is no longer published` : `the ${ITEM_NOUN[item.type]} “${item.title}” is no longer public`}`,
    reason,
  )
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
