/**
 * Powers that belong to one participant group rather than to the item as a whole: the owner
 * group's officers invite and remove partners and moderate comments, a partner group's officers
 * take their group out. The roles still come from the policy table (`policy.ts`).
 */
import type { Role } from '@appg-hub/db'
import { type Action, roleAllows } from '../policy'
import type { ItemAccess } from './access'

/** The actor's role in one participant group of the item, or null. */
export function roleIn(access: ItemAccess, appgId: string): Role | null {
  return access.roles.find((r) => r.appgId === appgId)?.role ?? null
}

/** Whether the actor may take `action` for the given group (a site admin may, for any group). */
export function groupCan(access: ItemAccess, appgId: string, action: Action): boolean {
  return access.isSiteAdmin || roleAllows(roleIn(access, appgId), action)
}

/** Whether the actor may take `action` for the item's owner group. */
export function ownerCan(access: ItemAccess, action: Action): boolean {
  return groupCan(access, access.ownerAppgId, action)
}
