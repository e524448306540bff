/**
 * Explicit links from a document to a topic, a session or another document, made and removed by
 * the document's editors. One may only link to an item one may read (so linking cannot be used to
 * learn what exists).
 */
import { type ItemType, newId } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, loadItem } from '../items/load'
import type { LinkType } from '../links/list'
import { editableDocument } from './save'

export async function linkDocument(
  ctx: ServiceContext,
  input: { id: string; toType: ItemType; toId: string; linkType: LinkType },
): Promise<{ linkId: string }> {
  const { actor, item } = await editableDocument(ctx, input.id)
  if (input.toType === 'document' && input.toId === input.id)
    throw badRequest('A document cannot link to itself.', 'toId')
  const target = await loadItem(ctx.db, actor, input.toType, input.toId)
  assertCan(target.access, 'item.read', `That ${ITEM_NOUN[input.toType]}`, '')
  const existing = await ctx.db
    .selectFrom('link')
    .select('id')
    .where('from_type', '=', 'document')
    .where('from_id', '=', input.id)
    .where('to_type', '=', input.toType)
    .where('to_id', '=', input.toId)
    .where('link_type', '=', input.linkType)
    .where('origin', '=', 'explicit')
    .executeTakeFirst()
  if (existing) throw conflict('These are linked that way already.', 'toId')
  const linkId = newId()
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .insertInto('link')
      .values({
        id: linkId,
        from_type: 'document',
        from_id: input.id,
        to_type: input.toType,
        to_id: input.toId,
        link_type: input.linkType,
        origin: 'explicit',
        created_by: actor.id,
        created_at: now,
      })
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'document.linked',
      appgId: item.owner.appgId,
      itemType: 'document',
      itemId: input.id,
      details: { linkId, toType: input.toType, toId: input.toId, linkType: input.linkType },
    })
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
    await tx.deleteFrom('link').where('id', '=', link.id).execute()
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
