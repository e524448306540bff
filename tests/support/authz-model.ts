/**
 * What the policy says each caller may do, computed from `can()`, `roleAllows()` and
 * `canManageMember()` in packages/core/src/policy.ts and from the world's memberships
 * (`CALLER_ROLES`, `ITEM_SHAPES`), never from the implementation under test. The matrix then
 * checks the implementation against these answers.
 */
import { type Action, bestRole, can, canManageMember, roleAllows } from '@appg-hub/core'
import type { Role } from '@appg-hub/db'
import {
  type AuthzWorld,
  CALLER_ROLES,
  type CallerName,
  GROUP_OF,
  type GroupName,
  type GroupRelation,
  ITEM_SHAPES,
  type Relation,
} from './authz-world'

export { can }

export type Outcome =
  | 'ok'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_REQUEST'
  | 'TOO_MANY_REQUESTS'

export type Access = 'public' | 'signed-in' | 'site-admin'

export interface CaseContext {
  w: AuthzWorld
  caller: CallerName
  /** The caller's person id, null when signed out. */
  callerId: string | null
  relation: Relation
}

export interface Variant {
  /** Told apart in failure messages when a procedure has several. */
  name?: string
  relations: readonly Relation[]
  /** A valid input for this caller and relation (disposable rows made as needed). */
  input(ctx: CaseContext): Promise<unknown> | unknown
  /**
   * The answer the policy gives once the procedure's declared access (`meta.access`) is satisfied;
   * the matrix itself applies UNAUTHORIZED (signed out) and FORBIDDEN (not a site admin) first.
   */
  expect(caller: CallerName, relation: Relation): Outcome
  /** Why a successful call of this variant rightly writes no audit event (nothing durable changed). */
  noAudit?: string
  /** After a successful call: what must (not) have changed; throws to fail the cell. */
  check?(ctx: CaseContext, input: unknown, result: unknown): Promise<void> | void
}

export interface ProcedureCase {
  /** What `meta.access` must say; a mismatch fails the matrix. */
  access: Access
  variants: Variant[]
}

export type RouterCases = Record<string, ProcedureCase>

export const isAdmin = (caller: CallerName) => caller === 'siteAdmin'
export const signedIn = (caller: CallerName) => caller !== 'signedOut'

export function roleIn(caller: CallerName, group: GroupName): Role | null {
  return CALLER_ROLES[caller][group] ?? null
}

function shapeOf(relation: Relation) {
  if (relation === 'self') throw new Error('an item relation is needed here')
  return ITEM_SHAPES[relation]
}

/** The policy's `Access` for the caller on the item of `relation` (best role in any participant). */
export function itemAccess(caller: CallerName, relation: Relation) {
  const shape = shapeOf(relation)
  const roles = [shape.owner, ...shape.partners]
    .map((g) => roleIn(caller, g))
    .filter((r): r is Role => r !== null)
  return { role: bestRole(roles), isSiteAdmin: isAdmin(caller), isPublic: shape.visibility === 'public' }
}

export function mayRead(caller: CallerName, relation: Relation): boolean {
  return can(itemAccess(caller, relation), 'item.read')
}

/** A group-level power (`groupCan`): the role in that one group, or a site admin. */
export function groupCanM(caller: CallerName, group: GroupName, action: Action): boolean {
  return isAdmin(caller) || roleAllows(roleIn(caller, group), action)
}

export function ownerCanM(caller: CallerName, relation: Relation, action: Action): boolean {
  return groupCanM(caller, shapeOf(relation).owner, action)
}

/** NOT_FOUND for those who may not read the item (existence does not leak), else FORBIDDEN unless allowed. */
export function onItem(caller: CallerName, relation: Relation, allowed: boolean): Outcome {
  if (!mayRead(caller, relation)) return 'NOT_FOUND'
  return allowed ? 'ok' : 'FORBIDDEN'
}

/** An action any participant role allows (`can(access, action)`). */
export const itemCan = (action: Action) => (caller: CallerName, relation: Relation) =>
  onItem(caller, relation, can(itemAccess(caller, relation), action))

/** An owner-group power (`ownerCan`): inviting, moderating, editing a topic. */
export const ownerPower = (action: Action) => (caller: CallerName, relation: Relation) =>
  onItem(caller, relation, ownerCanM(caller, relation, action))

/** Readable, and only for people of a participant group (any role) or a site admin: working drafts, presence. */
export const participantsOnly = (caller: CallerName, relation: Relation): Outcome =>
  onItem(caller, relation, itemAccess(caller, relation).role !== null || isAdmin(caller))

/** A power over a group (roster, register entry, invitations page): groups are public, so FORBIDDEN. */
export const groupPower = (action: Action) => (caller: CallerName, relation: Relation) =>
  can({ role: roleIn(caller, groupOf(relation)), isSiteAdmin: isAdmin(caller), isPublic: false }, action)
    ? 'ok'
    : 'FORBIDDEN'

export function groupOf(relation: Relation): GroupName {
  if (relation === 'self' || relation === 'public') throw new Error(`no group for relation ${relation}`)
  return GROUP_OF[relation as GroupRelation]
}

/** `canManageMember` for the caller in the group of `relation`. */
export function manages(caller: CallerName, relation: Relation, from: Role | null, to: Role | null): boolean {
  return canManageMember({ role: roleIn(caller, groupOf(relation)), isSiteAdmin: isAdmin(caller) }, from, to)
}

export const always = (): Outcome => 'ok'

/** The answer once `meta.access` is applied: signed out → UNAUTHORIZED, not an admin → FORBIDDEN. */
export function expected(access: Access, variant: Variant, caller: CallerName, relation: Relation): Outcome {
  if (access !== 'public' && !signedIn(caller)) return 'UNAUTHORIZED'
  if (access === 'site-admin' && !isAdmin(caller)) return 'FORBIDDEN'
  return variant.expect(caller, relation)
}
