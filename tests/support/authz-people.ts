/**
 * The authorization world's groups and people: who calls (one caller per row of the matrix), who
 * each caller is in each group (the model the expectations are computed from), and the bystanders
 * the cases need. The people themselves are made by the shared builder from the casts in
 * `people.ts`; the roles here are checked against those casts when the world is made.
 */
import type { Db, Role } from '@appg-hub/db'
import { HEALTH, makeGroup, tagGroups } from './groups'
import { AUTHZ_BYSTANDER_CAST, AUTHZ_CALLER_CAST, castPeople, type Person } from './people'

/** The rows of the matrix: who calls. */
export const CALLERS = [
  'signedOut',
  'observer',
  'member',
  'secretariat',
  'officer',
  'chair',
  'partnerOfficer',
  'unrelatedOfficer',
  'siteAdmin',
] as const
export type CallerName = (typeof CALLERS)[number]

export type GroupName = 'alpha' | 'beta' | 'gamma' | 'delta' | 'epsilon'

export const GROUP_NAMES = ['alpha', 'beta', 'gamma', 'delta', 'epsilon'] as const satisfies GroupName[]

/** Who each caller is in each group (the model the expectations are computed from). */
export const CALLER_ROLES: Record<CallerName, Partial<Record<GroupName, Role>>> = {
  signedOut: {},
  observer: { alpha: 'observer' },
  member: { alpha: 'member' },
  secretariat: { alpha: 'secretariat' },
  officer: { alpha: 'officer' },
  chair: { alpha: 'chair' },
  partnerOfficer: { beta: 'officer' },
  unrelatedOfficer: { gamma: 'officer' },
  siteAdmin: {},
}

/** The password every person in the world can sign in with (set on demand: hashing costs time). */
export const WORLD_PASSWORD = 'correct horse battery staple'

let emailCounter = 0
/** An address nobody in the world has. */
export function freshEmail(prefix = 'new'): string {
  emailCounter += 1
  return `${prefix}.${process.pid}.${Date.now().toString(36)}.${emailCounter}@example.org`
}

/** The five groups; alpha, beta and delta are tagged with HEALTH (the search cases find them by it). */
export async function makeAuthzGroups(db: Db) {
  const groups = {} as Record<GroupName, { id: string; slug: string; title: string }>
  for (const name of GROUP_NAMES) {
    groups[name] = await makeGroup(db, name, `APPG on ${name[0]!.toUpperCase()}${name.slice(1)}`)
  }
  await tagGroups(
    db,
    (['alpha', 'beta', 'delta'] as const).map((g) => ({ appg_id: groups[g].id, tag: HEALTH })),
  )
  return groups
}

/** Every caller (but signed out) and every bystander, by name. */
export async function makeAuthzPeople(db: Db, groups: Record<GroupName, { id: string }>) {
  for (const caller of CALLERS) {
    if (caller === 'signedOut') continue
    const cast = AUTHZ_CALLER_CAST[caller] as { roles?: Record<string, Role> }
    // The cast makes the people and the model predicts what they may do: they must agree.
    if (JSON.stringify(cast.roles ?? {}) !== JSON.stringify(CALLER_ROLES[caller]))
      throw new Error(`the cast and CALLER_ROLES disagree about ${caller}`)
  }
  const person: Record<string, Person> = {
    ...(await castPeople(db, groups, AUTHZ_CALLER_CAST)),
    ...(await castPeople(db, groups, AUTHZ_BYSTANDER_CAST)),
  }
  return person
}
