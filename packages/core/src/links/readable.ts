/**
 * Whether the actor may read an item, as SQL, for every item type: topics and sessions by their
 * visibility and participant groups (`readableBy`); documents likewise, except that a document is
 * public only once it is published and public.
 */
import type { Database, ItemType } from '@appg-hub/db'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../context'
import { readableBy } from '../items/access'

/** `alias` names the item table in the query (e.g. 'document' or 'd'). */
export function itemReadableBy(
  eb: ExpressionBuilder<Database, keyof Database>,
  actor: Actor | null,
  type: ItemType,
  alias: string,
): Expression<SqlBool> {
  if (type !== 'document') return readableBy(eb, actor, type, `${alias}.id`, `${alias}.visibility`)
  const isPublic = eb.and([
    eb(eb.ref(`${alias}.visibility` as 'document.visibility'), '=', 'public'),
    eb(eb.ref(`${alias}.status` as 'document.status'), '=', 'published'),
  ])
  if (actor?.isSiteAdmin) return eb.lit(true) as unknown as Expression<SqlBool>
  // readableBy without the public branch: a column that is never 'public' stands in for it.
  const members = readableBy(eb, actor, 'document', `${alias}.id`, `${alias}.kind`)
  return actor ? eb.or([isPublic, members]) : isPublic
}

/**
 * Whether the actor reads a document's working draft rather than its approved revision: its
 * groups' people and site admins (`getDocument`'s writers). Everyone else who may read a published
 * document reads the revision its groups approved.
 */
export function documentDraftReadableBy(
  eb: ExpressionBuilder<Database, keyof Database>,
  actor: Actor | null,
  alias: string,
): Expression<SqlBool> {
  if (actor?.isSiteAdmin) return eb.lit(true) as unknown as Expression<SqlBool>
  if (!actor) return eb.lit(false) as unknown as Expression<SqlBool>
  // readableBy without the public branch: a column that is never 'public' stands in for it.
  return readableBy(eb, actor, 'document', `${alias}.id`, `${alias}.kind`)
}
