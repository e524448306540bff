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

import type { Db, ItemType, Visibility } from '@appg-hub/db'
import { audit } from '../audit'
import type { Actor, ServiceContext } from '../context'
import { conflict, forbidden } from '../errors'
import { readableItem } from '../items/guards'
import { ITEM_NOUN, itemPath, type LoadedItem } from '../items/load'
import { roleIn } from '../items/powers'
import type { NotificationKind } from '../notifications/kinds'
import { notify } from '../notifications/notify'
import { officersOf } from '../notifications/recipients'
import { roleAllows } from '../policy'
import { putIntoEffect } from './apply'

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

export function what(type: ItemType, title: string): string {
  return type === 'document'
    ? `publishing the document “${title}”`
    : `making the ${ITEM_NOUN[type]} “${title}” public`
}

/** Tells the chair and officers of the groups `to`, by default every participant group (never the actor). */
export async function tellOfficers(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  message: { to?: string[]; kind: NotificationKind; text: string; excerpt?: string | null },
): Promise<void> {
  const { kind, text, excerpt = null } = message
  const appgIds = message.to ?? item.participants.map((p) => p.appgId)
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

/** The groups still to consent, given the consents so far (the item's groups as they are now). */
export function waitingFor(item: LoadedItem, consented: Set<string>) {
  return item.participants.filter((p) => !consented.has(p.appgId))
}

/** The participant groups for which the actor answers (chair or officer), optionally just one. */
export function answeringGroups(item: LoadedItem, groupSlug: string | null | undefined) {
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
export async function decide(
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

/** Every group has consented: the request takes effect (the item becomes public, or published). */
export async function takeEffect(
  tx: Db,
  ctx: ServiceContext,
  actor: Actor,
  item: LoadedItem,
  request: { id: string; visibility: Visibility; revisionId: string | null },
  now: string,
): Promise<void> {
  const { visibility, revisionId } = request
  await putIntoEffect(tx, { itemType: item.type, itemId: item.id, visibility, revisionId }, now)
  await audit(tx, ctx.clock, {
    actorId: actor.id,
    action: 'publication.approved',
    appgId: item.owner.appgId,
    itemType: item.type,
    itemId: item.id,
    details: { requestId: request.id, visibility },
  })
}
