/**
 * The named-people builder every test world is made with: a cast says who each person is (their
 * name and their role in each group), and `castPeople` makes them, in the cast's order, with their
 * memberships. The casts of the worlds live here too, so one place says who "the chair", "the
 * member" or "the partner officer" of a world are.
 */
import { type Db, newId, type Role } from '@appg-hub/db'

export interface Person {
  id: string
  email: string
  name: string
}

/** One named person: their display name, their role in each group, and site admin or not. */
export interface Named {
  name: string
  roles?: Readonly<Record<string, Role>>
  siteAdmin?: boolean
}
export type Cast = Readonly<Record<string, Named>>

export async function makePerson(
  db: Db,
  name: string,
  options: { email?: string; siteAdmin?: boolean } = {},
): Promise<Person> {
  const now = new Date().toISOString()
  const id = newId()
  const email = options.email ?? `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.org`
  await db
    .insertInto('person')
    .values({
      id,
      email,
      display_name: name,
      kind: 'other',
      organisation: null,
      party: null,
      mnis_id: null,
      twfy_id: null,
      register_key: null,
      password_hash: null,
      is_site_admin: options.siteAdmin ? 1 : 0,
      email_preference: 'immediate',
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
  return { id, email, name }
}

export async function addMember(db: Db, personId: string, appgId: string, role: Role) {
  const now = new Date().toISOString()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: personId,
      appg_id: appgId,
      role,
      register_title: null,
      source: 'admin',
      created_at: now,
      updated_at: now,
    })
    .execute()
}

/** Makes the cast's people, in order, each with their memberships of `groups` (by group name). */
export async function castPeople<C extends Cast>(
  db: Db,
  groups: Readonly<Record<string, { id: string }>>,
  cast: C,
): Promise<Record<keyof C, Person>> {
  const people = {} as Record<keyof C, Person>
  for (const [key, who] of Object.entries(cast) as [keyof C & string, Named][]) {
    people[key] = await makePerson(db, who.name, { siteAdmin: who.siteAdmin })
    for (const [group, role] of Object.entries(who.roles ?? {})) {
      const appg = groups[group]
      if (!appg) throw new Error(`${who.name} has a role in ${group}, which this world lacks`)
      await addMember(db, people[key].id, appg.id, role)
    }
  }
  return people
}

/**
 * The fixtures' world (`makeWorld`): one person per role in alpha, two officers of beta, an
 * outsider with no group and a site admin.
 */
export const HUB_CAST = {
  chair: { name: 'Alpha Chair', roles: { alpha: 'chair' } },
  officer: { name: 'Alpha Officer', roles: { alpha: 'officer' } },
  secretariat: { name: 'Alpha Secretariat', roles: { alpha: 'secretariat' } },
  member: { name: 'Alpha Member', roles: { alpha: 'member' } },
  observer: { name: 'Alpha Observer', roles: { alpha: 'observer' } },
  betaOfficer: { name: 'Beta Officer', roles: { beta: 'officer' } },
  betaChair: { name: 'Beta Chair', roles: { beta: 'chair' } },
  outsider: { name: 'Out Sider' },
  admin: { name: 'Site Admin', siteAdmin: true },
} as const satisfies Cast

/** The joint-work world (`makeJointWorld`) adds the rest of beta and two people of gamma. */
export const JOINT_CAST = {
  betaSecretariat: { name: 'Beta Secretariat', roles: { beta: 'secretariat' } },
  betaMember: { name: 'Beta Member', roles: { beta: 'member' } },
  gammaOfficer: { name: 'Gamma Officer', roles: { gamma: 'officer' } },
  gammaMember: { name: 'Gamma Member', roles: { gamma: 'member' } },
} as const satisfies Cast

/**
 * The authorization world's callers (one per row of the matrix; signed out is nobody) and
 * bystanders (authors and answerers the cases need who are none of the callers). The matrix's
 * expectations are computed from these roles.
 */
export const AUTHZ_CALLER_CAST = {
  observer: { name: 'Caller observer', roles: { alpha: 'observer' } },
  member: { name: 'Caller member', roles: { alpha: 'member' } },
  secretariat: { name: 'Caller secretariat', roles: { alpha: 'secretariat' } },
  officer: { name: 'Caller officer', roles: { alpha: 'officer' } },
  chair: { name: 'Caller chair', roles: { alpha: 'chair' } },
  partnerOfficer: { name: 'Caller partnerOfficer', roles: { beta: 'officer' } },
  unrelatedOfficer: { name: 'Caller unrelatedOfficer', roles: { gamma: 'officer' } },
  siteAdmin: { name: 'Caller siteAdmin', siteAdmin: true },
} as const satisfies Cast

export const AUTHZ_BYSTANDER_CAST = {
  betaChair: { name: 'Bystander betaChair', roles: { beta: 'chair' } },
  betaMember: { name: 'Bystander betaMember', roles: { beta: 'member' } },
  gammaMember: { name: 'Bystander gammaMember', roles: { gamma: 'member' } },
  deltaChair: { name: 'Bystander deltaChair', roles: { delta: 'chair' } },
  deltaOfficer: { name: 'Bystander deltaOfficer', roles: { delta: 'officer' } },
  deltaMember: { name: 'Bystander deltaMember', roles: { delta: 'member' } },
  epsilonChair: { name: 'Bystander epsilonChair', roles: { epsilon: 'chair' } },
  epsilonOfficer: { name: 'Bystander epsilonOfficer', roles: { epsilon: 'officer' } },
} as const satisfies Cast
