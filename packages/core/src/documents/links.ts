/**
 * Explicit links from a document to a topic, a session or another document, made and removed by
 * the document's editors. One may only link to an item one may read (so linking cannot be used to
 * learn what exists).
 */

import type { ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { readableItem } from '../items/guards'
import { addLink, findExplicitLink, removeLinks } from '../items/links'
import type { LinkType } from '../links/list'
import { editableDocument } from './guards'

export async function linkDocument(
  ctx: ServiceContext,
  input: { id: string; toType: ItemType; toId: string; linkType: LinkType },
): Promise<{ linkId: string }> {
  const { actor, item } = await editableDocument(ctx, input.id)
  if (input.toType === 'document' && input.toId === input.id)
    throw badRequest('A document cannot link to itself.', 'toId')
  await readableItem(ctx, input.toType, input.toId)
  const link = {
    from: { type: 'document' as const, id: input.id },
    to: { type: input.toType, id: input.toId },
    linkType: input.linkType,
  }
  if (await findExplicitLink(ctx.db, link)) throw conflict('These are linked that way already.', 'toId')
  const now = ctx.clock.now().toISOString()
  const linkId = await ctx.db.transaction().execute(async (tx) => {
    const linkId = await addLink(tx, { ...link, origin: 'explicit' }, actor.id, now)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'document.linked',
      appgId: item.owner.appgId,
      itemType: 'document',
      itemId: input.id,
      details: { linkId, toType: input.toType, toId: input.toId, linkType: input.linkType },
    })
    return linkId
  })
  return { linkId }
}

/** Removes an explicit link from or to the document; markdown links go when the body changes. */
export async function unlinkDocument(
  ctx: ServiceContext,
  input: { id: string; linkId: string },
): Promise<{ removed: true }> {
  const { actor, item } = await editableDocument(ctx, input.id)
  const link = await ctx.db.selectFrom('link').selectAll().where('id', '=', input.linkId).executeTakeFirst()
  const from = link && link.from_type === 'document' && link.from_id === input.id
  const to = link && link.to_type === 'document' && link.to_id === input.id
  if (!link || !(from || to)) throw notFound('That link')
  // A link belongs to the item it starts from: only that item's editors remove it.
  if (!from)
    throw forbidden('This link was made by another item; only the editors of that item can remove it.')
  if (link.origin !== 'explicit')
    throw badRequest(
      'This link comes from a reference in the text: remove the reference to remove it.',
      'linkId',
    )
  await ctx.db.transaction().execute(async (tx) => {
    await removeLinks(tx, [link.id])
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'document.unlinked',
      appgId: item.owner.appgId,
      itemType: 'document',
      itemId: input.id,
      details: { linkId: link.id, toType: link.to_type, toId: link.to_id, linkType: link.link_type },
    })
  })
  return { removed: true }
}
