/** A group's roster: its members and open invitations, for its people. */
import { jsonAgg, type PersonKind, parseJsonArray, type Role } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { can, canManageMember, ROLES } from '../policy'
import { asGroupForActor, requireActor } from './access'

const ROLE_NAMES: Record<Role, string> = {
  chair: 'Chair',
  officer: 'Officer',
  secretariat: 'Secretariat',
  member: 'Member',
  observer: 'Observer',
}

export function roleName(role: Role): string {
  return ROLE_NAMES[role]
}

interface RosterMember {
  personId: string
  name: string
  email: string | null
  kind: PersonKind
  role: Role
  registerTitle: string | null
  source: string
}

interface OpenInvite {
  id: string
  email: string
  role: Role
  createdAt: string
  expiresAt: string
}

/** Text order as the databases' binary collations give it (by code point). */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/**
 * Members with their contact details and the invitations still open: for officers and secretariat.
 * One query after the session check: the group, the caller's role in it, and both lists
 * aggregated alongside (read before the check, but never returned to a caller it refuses).
 */
export async function getRoster(ctx: ServiceContext, slug: string) {
  const actor = requireActor(ctx.actor)
  const row = await ctx.db
    .selectFrom('appg')
    .leftJoin('membership as mine', (join) =>
      join.onRef('mine.appg_id', '=', 'appg.id').on('mine.person_id', '=', actor.id),
    )
    .select((eb) => [
      'appg.id',
      'appg.slug',
      'appg.title',
      'mine.role',
      eb
        .selectFrom('membership')
        .innerJoin('person', 'person.id', 'membership.person_id')
        .select(
          jsonAgg(ctx.db, {
            personId: 'person.id',
            name: 'person.display_name',
            email: 'person.email',
            kind: 'person.kind',
            role: 'membership.role',
            registerTitle: 'membership.register_title',
            source: 'membership.source',
          }).as('members'),
        )
        .whereRef('membership.appg_id', '=', 'appg.id')
        .where('person.erased_at', 'is', null)
        .as('members'),
      eb
        .selectFrom('group_invite')
        .select(
          jsonAgg(ctx.db, {
            id: 'group_invite.id',
            email: 'group_invite.email',
            role: 'group_invite.role',
            createdAt: 'group_invite.created_at',
            expiresAt: 'group_invite.expires_at',
          }).as('invites'),
        )
        .whereRef('group_invite.appg_id', '=', 'appg.id')
        .where('group_invite.accepted_at', 'is', null)
        .where('group_invite.revoked_at', 'is', null)
        .where('group_invite.expires_at', '>', ctx.clock.now().toISOString())
        .as('invites'),
    ])
    .where('appg.slug', '=', slug)
    .executeTakeFirst()
  if (!row) throw notFound('That group')
  const group = asGroupForActor(row, actor)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewRoster')) {
    throw forbidden(`Only the officers and secretariat of ${group.title} can see its members' details.`)
  }
  const members = parseJsonArray<RosterMember>(row.members).sort((a, b) => byText(a.name, b.name))
  const invites = parseJsonArray<OpenInvite>(row.invites).sort((a, b) => byText(b.createdAt, a.createdAt))
  const canManage = can(
    { role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false },
    'group.manageMembers',
  )
  return {
    group: { slug: group.slug, title: group.title },
    myRole: group.role,
    canManage,
    /** The roles this person may give, by invitation or by change of role. */
    assignableRoles: canManage ? ROLES.filter((role) => canManageMember(group, null, role)) : [],
    members: members.map((m) => ({
      ...m,
      canChange: canManage && canManageMember(group, m.role, 'member'),
      canRemove: canManage && m.personId !== ctx.actor?.id && canManageMember(group, m.role, null),
    })),
    invites: invites.map((invite) => ({
      ...invite,
      canRevoke: canManage && canManageMember(group, null, invite.role),
    })),
  }
}
