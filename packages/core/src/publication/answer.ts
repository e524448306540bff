/** Answering a publication request: a group consents or declines; the asking group may withdraw it. */
import { type Db, isUniqueViolation } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { ITEM_NOUN, loadItem } from '../items/load'
import { roleIn } from '../items/powers'
import { requireActor } from '../memberships/access'
import { roleAllows } from '../policy'
import { effectiveStatusOf, type PublicationRow, type PublicationView, publicationView } from './read'
import { answeringGroups, decide, takeEffect, tellOfficers, waitingFor, what } from './state'
import { assertPublicationStep } from './status'

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
      if (waiting.length === 0) {
        await decide(tx, row.id, 'pending', {
          status: 'approved',
          decided_at: now,
          decided_by: actor.id,
          decided_appg_id: adding[0]!.appgId,
        })
        const request = { id: row.id, visibility: row.visibility, revisionId: row.revision_id }
        await takeEffect(tx, ctx, actor, item, request, now)
        await tellOfficers(tx, ctx, actor, item, {
          kind: 'publication.approved',
          text: `Every group consented: ${item.type === 'document' ? `the document “${item.title}” is published` : `the ${ITEM_NOUN[item.type]} “${item.title}” is public`}`,
        })
      } else {
        await tellOfficers(tx, ctx, actor, item, {
          kind: 'publication.consented',
          text: `${names} consented to ${what(item.type, item.title)}; waiting for ${waiting.map((p) => p.title).join(', ')}`,
        })
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
    await tellOfficers(tx, ctx, actor, item, {
      kind: 'publication.declined',
      text: `${group!.title} declined ${what(item.type, item.title)}`,
      excerpt: reason,
    })
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
    await tellOfficers(tx, ctx, actor, item, {
      kind: 'publication.withdrawn',
      text: `${item.owner.title} withdrew its request for ${what(item.type, item.title)}`,
    })
  })
  return publicationView(ctx, row.id, item)
}
