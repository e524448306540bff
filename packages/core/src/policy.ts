/**
 * The access policy of docs/architecture.md §3, in one place. Every procedure and every list query asks this
 * module; nothing else decides who may do what.
 */
import type { Role } from '@appg-hub/db'

/** Highest first. */
export const ROLES = [
  'chair',
  'officer',
  'secretariat',
  'member',
  'observer',
] as const satisfies readonly Role[]

export type Action =
  /** Read an item (topic, session, document) whose participant groups include one of yours. */
  | 'item.read'
  | 'item.comment'
  /** Create a topic, draft a session, create a document. */
  | 'item.create'
  /** Edit documents and agendas. */
  | 'item.edit'
  /** Send or answer handshake invitations, publish, cancel. */
  | 'item.invite'
  | 'comment.moderate'
  /** See the group's members with their contact details, and its pending invitations. */
  | 'group.viewRoster'
  /** Invite people, change their roles, remove them. */
  | 'group.manageMembers'
  | 'group.editRegister'
  | 'group.viewAudit'
  /** See how the group's Register entry stands against the Guide's rules (register/rule-checks.ts). */
  | 'group.viewRuleChecks'
  /** Merge two people of the Register, or split a wrong merge: no group role; site administrators only. */
  | 'people.merge'
  /** Grant or revoke site administration, end a person's sign-ins, read the whole audit log: site administrators only. */
  | 'site.administer'

const TABLE: Record<Action, readonly Role[]> = {
  'item.read': ['chair', 'officer', 'secretariat', 'member', 'observer'],
  'item.comment': ['chair', 'officer', 'secretariat', 'member'],
  'item.create': ['chair', 'officer', 'secretariat'],
  'item.edit': ['chair', 'officer', 'secretariat'],
  'item.invite': ['chair', 'officer'],
  'comment.moderate': ['chair', 'officer'],
  'group.viewRoster': ['chair', 'officer', 'secretariat'],
  'group.manageMembers': ['chair', 'officer'],
  'group.editRegister': ['chair', 'officer', 'secretariat'],
  'group.viewAudit': ['chair', 'officer'],
  'group.viewRuleChecks': ['chair', 'officer', 'secretariat'],
  'people.merge': [],
  'site.administer': [],
}

export const ACTIONS = Object.keys(TABLE) as Action[]

/** What the public (and any signed-in person without a role) may do with a `public` item. */
const PUBLIC_ACTIONS: readonly Action[] = ['item.read']

export function rank(role: Role): number {
  return ROLES.length - ROLES.indexOf(role)
}

/** The best of several roles (a person may hold roles in several participant groups). */
export function bestRole(roles: readonly Role[]): Role | null {
  let best: Role | null = null
  for (const role of roles) if (best === null || rank(role) > rank(best)) best = role
  return best
}

export function roleAllows(role: Role | null, action: Action): boolean {
  return role !== null && TABLE[action].includes(role)
}

export interface Access {
  /** Best role in any participant group of the item (or in the group itself), null when none. */
  role: Role | null
  isSiteAdmin: boolean
  /** The item is `public` (a group's register entry always is). */
  isPublic: boolean
}

/** The single question every check comes down to. */
export function can(access: Access, action: Action): boolean {
  if (access.isSiteAdmin) return true
  if (roleAllows(access.role, action)) return true
  return access.isPublic && PUBLIC_ACTIONS.includes(action)
}

/** The roles a list query may match on to return the items that `action` allows. */
export function rolesAllowed(action: Action): readonly Role[] {
  return TABLE[action]
}

/**
 * Membership management (docs/architecture.md §3, last row): a chair manages everyone; an officer manages
 * everyone but the chair and cannot make anyone chair; a site admin manages all. `from` is the
 * person's role now (null when inviting), `to` the role asked for (null when removing).
 */
export function canManageMember(
  actor: { role: Role | null; isSiteAdmin: boolean },
  from: Role | null,
  to: Role | null,
): boolean {
  if (actor.isSiteAdmin) return true
  if (actor.role === 'chair') return true
  if (actor.role !== 'officer') return false
  return from !== 'chair' && to !== 'chair'
}

/**
 * What a person may do in one group, as flags for clients (`me.get`): the policy's own answers, so that no
 * client keeps a copy of the table. `role` null: a group the person holds no role in.
 */
export function groupRights(role: Role | null, isSiteAdmin: boolean): GroupRights {
  // A handful of (role, admin) pairs: each answer is worked out once and shared (frozen).
  const key = `${role}|${isSiteAdmin}`
  let rights = rightsByRole.get(key)
  if (!rights) {
    rights = Object.freeze(rightsFor(role, isSiteAdmin))
    rightsByRole.set(key, rights)
  }
  return rights
}

function rightsFor(role: Role | null, isSiteAdmin: boolean) {
  const access: Access = { role, isSiteAdmin, isPublic: false }
  return {
    /** Start a topic, draft a session, create a document. */
    createItems: can(access, 'item.create'),
    /** Send and answer invitations between groups. */
    invite: can(access, 'item.invite'),
    viewRoster: can(access, 'group.viewRoster'),
    manageMembers: can(access, 'group.manageMembers'),
    editRegister: can(access, 'group.editRegister'),
    /** The group's audit and its storage against the quota. */
    viewAudit: can(access, 'group.viewAudit'),
    /** The group's rule checks against the Guide to the Rules on APPGs. */
    viewRuleChecks: can(access, 'group.viewRuleChecks'),
    /** The group's history across editions of the Register (`groupHistory`): its people and the site administrator. */
    viewHistory: can(access, 'item.read'),
  }
}

export type GroupRights = Readonly<ReturnType<typeof rightsFor>>

const rightsByRole = new Map<string, GroupRights>()
