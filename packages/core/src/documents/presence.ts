/**
 * Who has a document open: the editor calls `touchPresence` every ~10 s; entries older than
 * 30 s are ignored. A plain table and polling, so it works the same on Node and on Workers.
 */
import type { Db } from '@appg-hub/db'
import { isUniqueViolation } from '@appg-hub/db'
import type { Clock } from '../clock'
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { requireActor } from '../memberships/access'
import { PRESENCE_TTL_MS } from './fields'
import { readableDocument } from './guards'

export interface PresentPerson {
  id: string
  name: string
  lastSeenAt: string
}

/** Everyone but `exceptId` seen in the last 30 s, earliest first. One query. */
export async function presentPeople(
  db: Db,
  clock: Clock,
  documentId: string,
  exceptId: string,
): Promise<PresentPerson[]> {
  const since = new Date(clock.now().getTime() - PRESENCE_TTL_MS).toISOString()
  const rows = await db
    .selectFrom('document_presence as dp')
    .innerJoin('person as p', 'p.id', 'dp.person_id')
    .select(['p.id', 'p.display_name as name', 'dp.last_seen_at as lastSeenAt'])
    .where('dp.document_id', '=', documentId)
    .where('dp.last_seen_at', '>', since)
    .where('dp.person_id', '<>', exceptId)
    .orderBy('dp.last_seen_at')
    .execute()
  return rows
}

export interface PresenceView {
  others: PresentPerson[]
  headNumber: number
  headRevisionId: string
}

/**
 * Marks the caller as having the document open and answers who else has, with the current head
 * (so that the editor can warn when someone saved since it loaded). Only the document's
 * participants appear: a reader of a published document is not shown to its editors.
 */
export async function touchPresence(ctx: ServiceContext, id: string): Promise<PresenceView> {
  const actor = requireActor(ctx.actor)
  const item = await readableDocument(ctx, id)
  if (!item.access.role && !item.access.isSiteAdmin)
    throw forbidden('Only the groups writing this document take part in editing it.')
  const now = ctx.clock.now().toISOString()
  const updated = await ctx.db
    .updateTable('document_presence')
    .set({ last_seen_at: now })
    .where('document_id', '=', id)
    .where('person_id', '=', actor.id)
    .executeTakeFirst()
  if (Number(updated.numUpdatedRows) === 0) {
    try {
      await ctx.db
        .insertInto('document_presence')
        .values({ document_id: id, person_id: actor.id, last_seen_at: now })
        .execute()
    } catch (error) {
      if (!isUniqueViolation(error)) throw error
    }
  }
  const [others, head] = await Promise.all([
    presentPeople(ctx.db, ctx.clock, id, actor.id),
    ctx.db
      .selectFrom('document')
      .select(['head_number', 'head_revision_id'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow(),
  ])
  return { others, headNumber: Number(head.head_number), headRevisionId: head.head_revision_id ?? '' }
}
