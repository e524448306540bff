/** Inviting a person into a group by email, and accepting, describing and revoking the invitation. */
import { type Db, newId, type Role } from '@appg-hub/db'
import { audit } from '../audit'
import { normaliseEmail } from '../auth/accounts'
import { hashToken, newToken } from '../auth/tokens'
import { addMs } from '../clock'
import type { Actor, ServiceContext } from '../context'
import { conflict, forbidden, notFound } from '../errors'
import { queueEmail } from '../outbox'
import { claimableRegisterPerson, linkAccountToRegisterPerson } from '../people/claim'
import { canManageMember } from '../policy'
import { formatLondonDateTime } from '../sessions/london'
import { asGroupForActor, groupForActor, requireActor } from './access'
import { roleName } from './roster'

export async function inviteToGroup(
  ctx: ServiceContext,
  input: { slug: string; email: string; role: Role; registerPersonId?: string | null },
) {
  const actor = requireActor(ctx.actor)
  const email = normaliseEmail(input.email)
  const { group, alreadyRole, openInvite } = await groupForInvite(ctx.db, actor, input.slug, email)
  if (!canManageMember(group, null, input.role)) {
    throw forbidden(
      group.role === 'officer'
        ? 'Only the chair can invite someone as chair.'
        : `Only the chair and officers of ${group.title} can invite people.`,
    )
  }
  // Addressed to a person of the Register: accepting links the account to them (no second person).
  const registerPerson = input.registerPersonId
    ? await claimableRegisterPerson(ctx.db, group.id, input.registerPersonId)
    : null
  if (alreadyRole)
    throw conflict(`${email} is already in ${group.title} as ${roleName(alreadyRole)}.`, 'email')

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
    // A new invitation to the same address replaces any still open (read with the group: no
    // statement when there is none, the usual case).
    if (openInvite)
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

/**
 * One query for an invitation: the group with the actor's role in it, the role of anyone in it
 * with the address already, and whether an invitation to the address is still open.
 */
async function groupForInvite(db: Db, actor: Actor, slug: string, email: string) {
  const row = await db
    .selectFrom('appg')
    .leftJoin('membership', (join) =>
      join.onRef('membership.appg_id', '=', 'appg.id').on('membership.person_id', '=', actor.id),
    )
    .select((eb) => [
      'appg.id',
      'appg.slug',
      'appg.title',
      'membership.role',
      eb
        .selectFrom('membership as m')
        .innerJoin('person', 'person.id', 'm.person_id')
        .select('m.role')
        .whereRef('m.appg_id', '=', 'appg.id')
        .where('person.email', '=', email)
        .limit(1)
        .as('alreadyRole'),
      eb
        .selectFrom('group_invite')
        .select('group_invite.id')
        .whereRef('group_invite.appg_id', '=', 'appg.id')
        .where('group_invite.email', '=', email)
        .where('group_invite.accepted_at', 'is', null)
        .where('group_invite.revoked_at', 'is', null)
        .limit(1)
        .as('openInvite'),
    ])
    .where('appg.slug', '=', slug)
    .executeTakeFirst()
  if (!row) throw notFound('That group')
  const group = asGroupForActor(row, actor)
  return { group, alreadyRole: row.alreadyRole ?? null, openInvite: row.openInvite !== null }
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
