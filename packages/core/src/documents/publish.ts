/**
 * Publishing: the owner group's chair and officers ask (DESIGN §3: "publish" is theirs), and the
 * document is published — its current revision frozen for the public — once every co-author group
 * has consented (`publication/request.ts`). Unpublishing is the owner's withdrawal of consent.
 */
import type { Visibility } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { ownerCan } from '../items/powers'
import { requireActor } from '../memberships/access'
import type { PublicationView } from '../publication/read'
import { requestPublication } from '../publication/request'
import { takePrivateAsOwner } from '../publication/withdraw'
import { readableDocument } from './guards'

export async function setPublished(
  ctx: ServiceContext,
  input: { id: string; published: boolean; visibility?: Visibility; message?: string | null },
): Promise<{ id: string; status: 'draft' | 'published'; publication: PublicationView | null }> {
  const actor = requireActor(ctx.actor)
  const item = await readableDocument(ctx, input.id)
  if (!ownerCan(item.access, 'item.invite'))
    throw forbidden(
      `Only the chair and officers of ${item.owner.title} can publish or withdraw this document.`,
    )
  if (!input.published) {
    const now = ctx.clock.now().toISOString()
    await ctx.db.transaction().execute((tx) => takePrivateAsOwner(tx, ctx, actor, item, now))
    return { id: input.id, status: 'draft', publication: null }
  }
  const publication = await requestPublication(ctx, {
    itemType: 'document',
    itemId: input.id,
    visibility: input.visibility,
    message: input.message,
  })
  return { id: input.id, status: publication.status === 'approved' ? 'published' : 'draft', publication }
}
