/** Publishing: the owner group's chair and officers (docs/architecture.md §3: "publish" is theirs). */
import type { Visibility } from '@appg-hub/db'
import { indexItem } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { ownerCan } from '../items/powers'
import { requireActor } from '../memberships/access'
import { readableDocument } from './read'

export async function setPublished(
  ctx: ServiceContext,
  input: { id: string; published: boolean; visibility?: Visibility },
): Promise<{ id: string; status: 'draft' | 'published'; visibility: Visibility }> {
  const actor = requireActor(ctx.actor)
  const item = await readableDocument(ctx, input.id)
  if (!ownerCan(item.access, 'item.invite'))
    throw forbidden(
      `Only the chair and officers of ${item.owner.title} can publish or withdraw this document.`,
    )
  const status = input.published ? ('published' as const) : ('draft' as const)
  const visibility = input.visibility ?? item.visibility
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('document')
      .set({ status, visibility, updated_at: now })
      .where('id', '=', input.id)
      .execute()
    await indexItem(tx, 'document', input.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: input.published ? 'document.published' : 'document.unpublished',
      appgId: item.owner.appgId,
      itemType: 'document',
      itemId: input.id,
      details: { visibility },
    })
  })
  return { id: input.id, status, visibility }
}
