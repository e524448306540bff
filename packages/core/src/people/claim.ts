/**
 * Linking an account to a person of the Register: by an invitation addressed to that person, never
 * by matching names. The Register person (made by the import, no account) is folded into the
 * account: the account takes their parliamentary ids and Register key, so that re-imports find the
 * account, and their Register memberships, so that the Register's lists do not grow. The Register
 * title stays on the membership; the hub role is what the invitation gave.
 */
import type { Db, Role } from '@appg-hub/db'
import type { Expression } from 'kysely'
import { audit } from '../audit'
import { normaliseEmail } from '../auth/accounts'
import type { Clock } from '../clock'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden, notFound } from '../errors'
import { requireActor } from '../memberships/access'
import { groupIdOf, groupWithRows } from '../memberships/group-rows'
import { can, rank } from '../policy'
import { REGISTER_SOURCES } from './hub'

/** A Register person of the group that nobody has claimed: the people an invitation may address. */
export async function claimableRegisterPerson(db: Db, appgId: string, personId: string) {
  const row = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.id', 'person.display_name as name', 'membership.register_title as registerTitle'])
    .where('membership.appg_id', '=', appgId)
    .where('membership.person_id', '=', personId)
    .where('membership.source', 'in', REGISTER_SOURCES)
    .where('person.email', 'is', null)
    .where('person.erased_at', 'is', null)
    .executeTakeFirst()
  if (!row)
    throw badRequest(
      'That person is not on this group’s Register entry, or already has an account.',
      'registerPersonId',
    )
  return row
}

/** The group's Register people without an account, matching `q` (for the invitation form). */
export async function searchClaimable(db: Db, appgId: string, q: string | undefined) {
  return claimableQuery(db, appgId, q).execute()
}

/** `searchClaimable`'s query, to run alone or inside another (the group given by its id or an expression). */
function claimableQuery(db: Db, appgId: string | Expression<string>, q: string | undefined) {
  let query = db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select([
      'person.id as personId',
      'person.display_name as name',
      'person.party',
      'membership.register_title as registerTitle',
    ])
    .where('membership.appg_id', '=', appgId)
    .where('membership.source', 'in', REGISTER_SOURCES)
    .where('person.email', 'is', null)
    .where('person.erased_at', 'is', null)
    .orderBy('person.display_name')
    .limit(50)
  const text = q?.trim().toLowerCase()
  if (text) {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) => eb(eb.fn('lower', ['person.display_name']), 'like', pattern))
  }
  return query
}

/**
 * Folds the Register person into the account, inside the caller's transaction. In the group the
 * invitation was for, the account's hub role is `role`; elsewhere it keeps the better of the two.
 */
export async function linkAccountToRegisterPerson(
  tx: Db,
  clock: Clock,
  input: {
    accountId: string
    registerPersonId: string
    /** The group of the invitation, whose hub role it sets; null when a site administrator links. */
    appgId: string | null
    role: Role | null
    actorId: string
    via: string
  },
): Promise<void> {
  const [account, person] = await Promise.all([
    tx
      .selectFrom('person')
      .select(['id', 'mnis_id', 'twfy_id', 'register_key', 'kind', 'party'])
      .where('id', '=', input.accountId)
      .executeTakeFirst(),
    tx
      .selectFrom('person')
      .select(['id', 'email', 'display_name', 'mnis_id', 'twfy_id', 'register_key', 'kind', 'party'])
      .where('id', '=', input.registerPersonId)
      .where('erased_at', 'is', null)
      .executeTakeFirst(),
  ])
  if (!account || !person) throw notFound('That person')
  if (person.email !== null) throw conflict('That person of the Register already has an account.')
  if (account.register_key || account.mnis_id)
    throw conflict('Your account is already linked to a person of the Register.')

  const now = clock.now().toISOString()
  const theirs = await tx
    .selectFrom('membership')
    .select(['id', 'appg_id', 'role'])
    .where('person_id', '=', person.id)
    .execute()
  const mine = new Map(
    (
      await tx
        .selectFrom('membership')
        .select(['id', 'appg_id', 'role'])
        .where('person_id', '=', account.id)
        .execute()
    ).map((m) => [m.appg_id, m]),
  )
  for (const m of theirs) {
    const own = mine.get(m.appg_id)
    const role =
      m.appg_id === input.appgId && input.role
        ? input.role
        : own && rank(own.role) > rank(m.role)
          ? own.role
          : m.role
    // The Register's row stays (title, source); the account's own row in the same group gives way.
    if (own) await tx.deleteFrom('membership').where('id', '=', own.id).execute()
    await tx
      .updateTable('membership')
      .set({ person_id: account.id, role, updated_at: now })
      .where('id', '=', m.id)
      .execute()
  }
  // The other names the Register person is known by (person_alias) are the account's now.
  await tx
    .updateTable('person_alias')
    .set({ person_id: account.id })
    .where('person_id', '=', person.id)
    .execute()
  // The Register key is unique: the Register person goes before the account takes it.
  await tx.deleteFrom('person').where('id', '=', person.id).execute()
  await tx
    .updateTable('person')
    .set({
      mnis_id: person.mnis_id,
      twfy_id: person.twfy_id,
      register_key: person.register_key,
      kind: person.kind,
      party: account.party ?? person.party,
      updated_at: now,
    })
    .where('id', '=', account.id)
    .execute()
  await audit(tx, clock, {
    actorId: input.actorId,
    action: 'person.linked_to_register',
    appgId: input.appgId,
    itemType: 'person',
    itemId: account.id,
    details: {
      registerPersonId: person.id,
      registerName: person.display_name,
      mnisId: person.mnis_id,
      registerKey: person.register_key,
      via: input.via,
    },
  })
}

/**
 * For the invitation form: the group's Register people an officer may address an invitation to.
 * One query after the session check, the group's with them.
 */
export async function registerPeopleToInvite(ctx: ServiceContext, input: { slug: string; q?: string }) {
  const actor = requireActor(ctx.actor)
  const { group, rows } = await groupWithRows(
    ctx.db,
    actor,
    input.slug,
    'group.manageMembers',
    claimableQuery(ctx.db, groupIdOf(input.slug), input.q),
    [['name', 'asc']],
    (r) => r.personId != null,
  )
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.manageMembers'))
    throw forbidden(`Only the chair and officers of ${group.title} can invite people.`)
  return rows
}

/** A site administrator links an account (by its address) to a person of the Register. */
export async function adminLinkAccount(
  ctx: ServiceContext,
  input: { email: string; registerPersonId: string },
) {
  const actor = requireActor(ctx.actor)
  if (!actor.isSiteAdmin) throw forbidden('Only a site administrator can link accounts to the Register.')
  const account = await ctx.db
    .selectFrom('person')
    .select(['id', 'display_name'])
    .where('email', '=', normaliseEmail(input.email))
    .where('erased_at', 'is', null)
    .executeTakeFirst()
  if (!account) throw badRequest('No account has that email address.', 'email')
  const registered = await ctx.db
    .selectFrom('membership')
    .select('id')
    .where('person_id', '=', input.registerPersonId)
    .where('source', 'in', REGISTER_SOURCES)
    .executeTakeFirst()
  if (!registered) throw badRequest('That person is not on the Register.', 'registerPersonId')
  await ctx.db.transaction().execute((tx) =>
    linkAccountToRegisterPerson(tx, ctx.clock, {
      accountId: account.id,
      registerPersonId: input.registerPersonId,
      appgId: null,
      role: null,
      actorId: actor.id,
      via: 'site administrator',
    }),
  )
  return { personId: account.id, name: account.display_name }
}
