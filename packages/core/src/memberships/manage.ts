/** Managing a group's people: invitations by email, role changes, removal and leaving. */
import { jsonAgg, newId, type PersonKind, parseJsonArray, type Role } from '@appg-hub/db'
import { audit } from '../audit'
import { normaliseEmail } from '../auth/accounts'
import { hashToken, newToken } from '../auth/tokens'
import { addMs } from '../clock'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { formatLondonDateTime } from '../meetings/london'
import { releaseLostSignups } from '../meetings/release'
import { queueEmail } from '../outbox'
import { claimableRegisterPerson, linkAccountToRegisterPerson } from '../people/claim'
import { canSignIn } from '../people/hub'
import { can, canManageMember, ROLES } from '../policy'
import { type GroupForActor, groupForActor, requireActor } from './access'

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
  const group: GroupForActor = {
    id: row.id,
    slug: row.slug,
    title: row.title,
    role: row.role ?? null,
    isSiteAdmin: actor.isSiteAdmin,
  }
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

export async function inviteToGroup(
  ctx: ServiceContext,
  input: { slug: string; email: string; role: Role; registerPersonId?: string | null },
) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (!canManageMember(group, null, input.role)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can invite someone as chair.'
        : `Only the chair and officers of ${group.title} can invite people.`,
    )
  }
  const email = normaliseEmail(input.email)
  // Addressed to a person of the Register: accepting links the account to them (no second person).
  const registerPerson = input.registerPersonId
    ? await claimableRegisterPerson(ctx.db, group.id, input.registerPersonId)
    : null
  const already = await ctx.db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.role')
    .where('membership.appg_id', '=', group.id)
    .where('person.email', '=', email)
    .executeTakeFirst()
  if (already) throw conflict(`${email} is already in ${group.title} as ${roleName(already.role)}.`, 'email')

  const token = newToken()
  const now = ctx.clock.now()
  const invite = {
    id: newId(),
    appg_id: group.id,
    email,
    role: input.role,
    token_hash: await hashToken(token),
    invited_by: actor.id,
    created_at: now.toISOString(),
    expires_at: addMs(now, ctx.config.groupInviteTtlMs),
    accepted_at: null,
    accepted_by: null,
    revoked_at: null,
    register_person_id: registerPerson?.id ?? null,
  }
  const link = `${ctx.config.publicUrl}/join/${token}`
  await ctx.db.transaction().execute(async (tx) => {
    // A new invitation to the same address replaces any still open.
    await tx
      .updateTable('group_invite')
      .set({ revoked_at: invite.created_at })
      .where('appg_id', '=', group.id)
      .where('email', '=', email)
      .where('accepted_at', 'is', null)
      .where('revoked_at', 'is', null)
      .execute()
    await tx.insertInto('group_invite').values(invite).execute()
    await queueEmail(tx, ctx.clock, {
      to: email,
      kind: 'group.invite',
      subject: `${actor.displayName} invites you to join ${group.title} on APPG Hub`,
      body: [
        `${actor.displayName} has invited you to join ${group.title} as ${roleName(input.role)}.`,
        ...(registerPerson
          ? [
              `The invitation is for ${registerPerson.name}${registerPerson.registerTitle ? ` (${registerPerson.registerTitle} on the Register)` : ''}: accepting it links your account to that entry of the Register.`,
            ]
          : []),
        '',
        `Accept the invitation here: ${link}`,
        '',
        `You can create an account or sign in with an existing one. The link works once and expires on ${formatLondonDateTime(invite.expires_at)} (London time).`,
        'If you were not expecting this, ignore this email.',
      ].join('\n'),
    })
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.invited',
      appgId: group.id,
      details: { email, role: input.role, inviteId: invite.id, registerPersonId: invite.register_person_id },
    })
  })
  return {
    id: invite.id,
    email,
    role: input.role,
    expiresAt: invite.expires_at,
    registerPerson: registerPerson ? { personId: registerPerson.id, name: registerPerson.name } : null,
  }
}

export async function revokeGroupInvite(ctx: ServiceContext, input: { slug: string; inviteId: string }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  const invite = await ctx.db
    .selectFrom('group_invite')
    .select(['id', 'role', 'email', 'accepted_at', 'revoked_at'])
    .where('id', '=', input.inviteId)
    .where('appg_id', '=', group.id)
    .executeTakeFirst()
  if (!invite) throw notFound('That invitation')
  if (!canManageMember(group, null, invite.role))
    throw forbidden(`Only the chair and officers of ${group.title} can withdraw invitations.`)
  if (invite.accepted_at || invite.revoked_at)
    throw conflict('That invitation has already been used or withdrawn.')
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('group_invite')
      .set({ revoked_at: ctx.clock.now().toISOString() })
      .where('id', '=', invite.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.invite_revoked',
      appgId: group.id,
      details: { email: invite.email },
    })
  })
}

async function findInvite(ctx: ServiceContext, token: string) {
  const invite = await ctx.db
    .selectFrom('group_invite')
    .innerJoin('appg', 'appg.id', 'group_invite.appg_id')
    .select([
      'group_invite.id',
      'group_invite.appg_id',
      'group_invite.email',
      'group_invite.role',
      'group_invite.expires_at',
      'group_invite.accepted_at',
      'group_invite.revoked_at',
      'group_invite.register_person_id',
      'appg.slug',
      'appg.title',
    ])
    .where('group_invite.token_hash', '=', await hashToken(token))
    .executeTakeFirst()
  if (!invite) throw notFound('That invitation link')
  const state = invite.accepted_at
    ? ('used' as const)
    : invite.revoked_at
      ? ('withdrawn' as const)
      : invite.expires_at <= ctx.clock.now().toISOString()
        ? ('expired' as const)
        : ('open' as const)
  return { ...invite, state }
}

/** What the invitation page shows before the person accepts. */
export async function describeInvite(ctx: ServiceContext, token: string) {
  const invite = await findInvite(ctx, token)
  const [account, registerPerson] = await Promise.all([
    ctx.db.selectFrom('person').select('id').where('email', '=', invite.email).executeTakeFirst(),
    invite.register_person_id
      ? ctx.db
          .selectFrom('person')
          .select('display_name')
          .where('id', '=', invite.register_person_id)
          .executeTakeFirst()
      : undefined,
  ])
  return {
    group: { slug: invite.slug, title: invite.title },
    role: invite.role,
    email: invite.email,
    state: invite.state,
    expiresAt: invite.expires_at,
    hasAccount: Boolean(account),
    /** The Register entry the invitation links the account to, by name. */
    registerName: registerPerson?.display_name ?? null,
  }
}

/**
 * The link works once, before it expires, for the account with the address it was sent to: a
 * forwarded or leaked link gives nobody else a place in the group.
 */
export async function acceptGroupInvite(ctx: ServiceContext, token: string) {
  const actor = requireActor(ctx.actor)
  const invite = await findInvite(ctx, token)
  if (invite.state !== 'open') {
    throw conflict(
      invite.state === 'used'
        ? 'This invitation has already been used.'
        : invite.state === 'withdrawn'
          ? 'This invitation was withdrawn. Ask the group for a new one.'
          : 'This invitation has expired. Ask the group for a new one.',
    )
  }
  if (!actor.email || normaliseEmail(actor.email) !== normaliseEmail(invite.email)) {
    throw forbidden(
      `This invitation was sent to ${invite.email}, and you are signed in as ${actor.email ?? 'an account without an address'}. ` +
        `Sign in with that address, or ask an officer of ${invite.title} to send a new invitation to yours.`,
    )
  }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    // The conditional update makes a second, simultaneous use of the link a no-op.
    const used = await tx
      .updateTable('group_invite')
      .set({ accepted_at: now, accepted_by: actor.id })
      .where('id', '=', invite.id)
      .where('accepted_at', 'is', null)
      .executeTakeFirst()
    if (Number(used.numUpdatedRows) !== 1) throw conflict('This invitation has already been used.')
    if (invite.register_person_id) {
      await linkAccountToRegisterPerson(tx, ctx.clock, {
        accountId: actor.id,
        registerPersonId: invite.register_person_id,
        appgId: invite.appg_id,
        role: invite.role,
        actorId: actor.id,
        via: `invitation ${invite.id}`,
      })
    }
    const existing = await tx
      .selectFrom('membership')
      .select(['id', 'role'])
      .where('person_id', '=', actor.id)
      .where('appg_id', '=', invite.appg_id)
      .executeTakeFirst()
    if (!existing) {
      await tx
        .insertInto('membership')
        .values({
          id: newId(),
          person_id: actor.id,
          appg_id: invite.appg_id,
          role: invite.role,
          register_title: null,
          source: 'invitation',
          created_at: now,
          updated_at: now,
        })
        .execute()
    }
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.joined',
      appgId: invite.appg_id,
      details: { role: existing?.role ?? invite.role, inviteId: invite.id, alreadyMember: Boolean(existing) },
    })
  })
  return { group: { slug: invite.slug, title: invite.title }, role: invite.role }
}

async function currentMembership(ctx: ServiceContext, appgId: string, personId: string) {
  const row = await ctx.db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['membership.id', 'membership.role', 'person.display_name as name'])
    .where('membership.appg_id', '=', appgId)
    .where('membership.person_id', '=', personId)
    .executeTakeFirst()
  if (!row) throw notFound('That member')
  return row
}

/**
 * A group keeps at least one chair who can act: an account that can sign in. The Register's chair
 * counts only once they have an account (people the import made cannot sign in).
 */
async function assertNotLastChair(
  ctx: ServiceContext,
  group: GroupForActor,
  personId: string,
  from: Role,
  to: Role | null,
) {
  if (from !== 'chair' || to === 'chair') return
  const chairs = await ctx.db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.person_id')
    .where('membership.appg_id', '=', group.id)
    .where('membership.role', '=', 'chair')
    .where(canSignIn)
    .execute()
  // A Register chair without an account acts for nobody: taking them off changes no one's powers.
  if (!chairs.some((c) => c.person_id === personId)) return
  if (chairs.length <= 1)
    throw conflict(
      `${group.title} needs a chair who can sign in: appoint another chair on the hub first (a chair listed on the Register counts once they have an account).`,
    )
}

export async function changeMemberRole(
  ctx: ServiceContext,
  input: { slug: string; personId: string; role: Role },
) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  const member = await currentMembership(ctx, group.id, input.personId)
  if (!canManageMember(group, member.role, input.role)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can appoint or change the chair.'
        : `Only the chair and officers of ${group.title} can change roles.`,
    )
  }
  if (member.role === input.role) return { role: input.role }
  await assertNotLastChair(ctx, group, input.personId, member.role, input.role)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .updateTable('membership')
      .set({ role: input.role, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', member.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.role_changed',
      appgId: group.id,
      details: { personId: input.personId, from: member.role, to: input.role },
    })
  })
  return { role: input.role }
}

export async function removeMember(ctx: ServiceContext, input: { slug: string; personId: string }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (input.personId === actor.id)
    throw badRequest('To leave a group yourself, use "Leave group".', 'personId')
  const member = await currentMembership(ctx, group.id, input.personId)
  if (!canManageMember(group, member.role, null)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can remove the chair.'
        : `Only the chair and officers of ${group.title} can remove members.`,
    )
  }
  await assertNotLastChair(ctx, group, input.personId, member.role, null)
  await ctx.db.transaction().execute(async (tx) => {
    await tx.deleteFrom('membership').where('id', '=', member.id).execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.removed',
      appgId: group.id,
      details: { personId: input.personId, role: member.role },
    })
    await releaseLostSignups(tx, ctx, { personId: input.personId }, actor.id)
  })
}

export async function leaveGroup(ctx: ServiceContext, input: { slug: string }) {
  const actor = requireActor(ctx.actor)
  const group = await groupForActor(ctx.db, actor, input.slug)
  if (!group.role) throw notFound('Your membership of that group')
  await assertNotLastChair(ctx, group, actor.id, group.role, null)
  await ctx.db.transaction().execute(async (tx) => {
    await tx
      .deleteFrom('membership')
      .where('appg_id', '=', group.id)
      .where('person_id', '=', actor.id)
      .execute()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'group.member.left',
      appgId: group.id,
      details: { role: group.role },
    })
    await releaseLostSignups(tx, ctx, { personId: actor.id }, actor.id)
  })
}
