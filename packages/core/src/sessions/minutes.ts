/**
 * Minutes: after a session is held its hosts link a document (owned by one of the host groups)
 * as its minutes: a `link` row document → session of type `minutes_of`.
 */

import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden } from '../errors'
import { addLink, findExplicitLink } from '../items/links'
import { itemReadableBy } from '../links/readable'
import { requireActor } from '../memberships/access'
import { can } from '../policy'
import { readableSession } from './guards'
import { bumpSession } from './load'

export async function attachMinutes(
  ctx: ServiceContext,
  input: { id: string; documentId: string },
): Promise<{ linkId: string }> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, input.id)
  if (!can(item.access, 'item.edit'))
    throw forbidden('Only the chair, officers and secretariat of the host groups can attach minutes.')
  if (row.status !== 'held') throw conflict('Minutes can be attached once the session has been held.')
  // The same answer whether the document is missing, unreadable or another group's: nothing leaks.
  const document = await ctx.db
    .selectFrom('document')
    .select(['document.id', 'document.appg_id', 'document.title'])
    .where('document.id', '=', input.documentId)
    .where((eb) => itemReadableBy(eb, actor, 'document', 'document'))
    .executeTakeFirst()
  if (!document || !item.access.participantAppgIds.includes(document.appg_id))
    throw badRequest('Choose a document of one of the host groups.', 'documentId')
  const link = {
    from: { type: 'document' as const, id: document.id },
    to: { type: 'meeting' as const, id: row.id },
    linkType: 'minutes_of' as const,
  }
  if (await findExplicitLink(ctx.db, link))
    throw conflict('That document is already attached as the minutes.', 'documentId')
  const now = ctx.clock.now().toISOString()
  const linkId = await ctx.db.transaction().execute(async (tx) => {
    const linkId = await addLink(tx, { ...link, origin: 'explicit' }, actor.id, now)
    await bumpSession(tx, row.id, now)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.minutes.attached',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { documentId: document.id, linkId },
    })
    return linkId
  })
  return { linkId }
}
