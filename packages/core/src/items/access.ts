/**
 * Who may do what with an item (topic, session, document): docs/architecture.md §3 applied to the item's
 * participant groups (its owner plus the groups that accepted an invitation). Single reads use
 * `itemAccess`; lists use `readableBy`, which encodes the same rule in SQL, so that a list never
 * shows what a single read would refuse.
 */
import type { Database, Db, ItemType, Role, Visibility } from '@appg-hub/db'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor } from '../context'
import { forbidden, notFound } from '../errors'
import { type Action, bestRole, can, rolesAllowed } from '../policy'

export interface ItemAccess {
  itemType: ItemType
  itemId: string
  ownerAppgId: string
  participantAppgIds: string[]
  /** The actor's best role in any participant group, or null. */
  role: Role | null
  /** The participant groups in which the actor holds a role, with that role. */
  roles: { appgId: string; role: Role }[]
  isSiteAdmin: boolean
  isPublic: boolean
}

/**
 * One query: the item's participant groups and the actor's role in each. `visibility` comes from
 * the caller, who has usually read the item row already.
 */
export async function itemAccess(
  db: Db,
  actor: Actor | null,
  itemType: ItemType,
  itemId: string,
  visibility: Visibility,
): Promise<ItemAccess> {
  const rows = await db
    .selectFrom('participant')
    .leftJoin('membership', (join) =>
      join
        .onRef('membership.appg_id', '=', 'participant.appg_id')
        .on('membership.person_id', '=', actor?.id ?? ''),
    )
    .select(['participant.appg_id', 'participant.is_owner', 'membership.role'])
    .where('participant.item_type', '=', itemType)
    .where('participant.item_id', '=', itemId)
    .execute()
  return accessFromParticipants(actor, itemType, itemId, visibility, rows)
}

export function accessFromParticipants(
  actor: Actor | null,
  itemType: ItemType,
  itemId: string,
  visibility: Visibility,
  rows: { appg_id: string; is_owner: number; role: Role | null }[],
): ItemAccess {
  const roles = rows.filter((r) => r.role).map((r) => ({ appgId: r.appg_id, role: r.role! }))
  return {
    itemType,
    itemId,
    ownerAppgId: rows.find((r) => Number(r.is_owner) === 1)?.appg_id ?? '',
    participantAppgIds: rows.map((r) => r.appg_id),
    role: bestRole(roles.map((r) => r.role)),
    roles,
    isSiteAdmin: actor?.isSiteAdmin ?? false,
    isPublic: visibility === 'public',
  }
}

/**
 * Throws unless the actor may take `action`. An actor who may not even read the item gets
 * NOT_FOUND, so that its existence does not leak; one who may read it gets FORBIDDEN.
 */
export function assertCan(access: ItemAccess, action: Action, what: string, refusal: string): void {
  if (can(access, action)) return
  if (!can(access, 'item.read')) throw notFound(what)
  throw forbidden(refusal)
}

/**
 * The list-query form of `can(access, 'item.read')`: true for rows whose item is public or has a
 * participant group in which the actor holds a reading role. `idColumn` and `visibilityColumn`
 * name the item table's columns in the query, e.g. 'topic.id'.
 */
export function readableBy(
  eb: ExpressionBuilder<Database, keyof Database>,
  actor: Actor | null,
  itemType: ItemType,
  idColumn: string,
  visibilityColumn: string,
): Expression<SqlBool> {
  const isPublic = eb(eb.ref(visibilityColumn as 'topic.visibility'), '=', 'public')
  if (actor?.isSiteAdmin) return eb.lit(true) as unknown as Expression<SqlBool>
  if (!actor) return isPublic
  return eb.or([
    isPublic,
    eb.exists(
      eb
        .selectFrom('participant as rp')
        .innerJoin('membership as rm', 'rm.appg_id', 'rp.appg_id')
        .select('rp.appg_id')
        .where('rp.item_type', '=', itemType)
        .whereRef('rp.item_id', '=', eb.ref(idColumn as 'topic.id'))
        .where('rm.person_id', '=', actor.id)
        .where('rm.role', 'in', [...rolesAllowed('item.read')]),
    ),
  ])
}
