/** people.*: who takes part on the hub, one's public listing, groups without officer accounts. */

import { createSignIn, mergePeople, newPersonRow, systemClock } from '@appg-hub/core'
import { newId } from '@appg-hub/db'
import {
  always,
  groupOf,
  groupPower,
  isAdmin,
  type Outcome,
  type RouterCases,
  roleIn,
} from '../../support/authz-model'
import {
  type AuthzWorld,
  type CallerName,
  freshEmail,
  GROUP_RELATIONS,
  type GroupName,
  type Relation,
  SELF,
} from '../../support/authz-world'
import { addMember, makePerson, testConfig } from '../../support/fixtures'

/** The cases make an alpha–beta topic first, so alpha and beta are partners; delta and gamma are not. */
const PARTNERS: Partial<Record<GroupName, GroupName[]>> = { alpha: ['beta'], beta: ['alpha'] }

function seesParticipants(caller: CallerName, relation: Relation): Outcome {
  const group = groupOf(relation)
  if (isAdmin(caller) || roleIn(caller, group)) return 'ok'
  return (PARTNERS[group] ?? []).some((g) => roleIn(caller, g)) ? 'ok' : 'FORBIDDEN'
}

/** Two people of the Register (no account), the same peer in two forms, officers of alpha. */
async function twoForms(w: AuthzWorld) {
  const tag = newId()
  const ids: string[] = []
  for (const name of [`Baroness Case${tag}`, `Baroness Case${tag} of Somewhere`]) {
    const row = newPersonRow(
      { displayName: name, kind: 'peer', registerKey: `name:${name.toLowerCase()}` },
      '2026-06-01T00:00:00.000Z',
    )
    await w.db.insertInto('person').values(row).execute()
    await addMember(w.db, row.id, w.groups.alpha.id, 'officer')
    ids.push(row.id)
  }
  return { keepId: ids[0]!, mergedId: ids[1]! }
}

/** An account (an address and a password) that is none of the callers, optionally a site administrator. */
async function otherAccount(w: AuthzWorld, siteAdmin: boolean) {
  const person = await makePerson(w.db, 'Other Account', { email: freshEmail('other'), siteAdmin })
  await w.db
    .updateTable('person')
    .set({ password_hash: 'not-a-real-hash' })
    .where('id', '=', person.id)
    .execute()
  return person
}

export const peopleCases: RouterCases = {
  'people.participants': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: async ({ w, relation }) => {
          await w.make.topic({ owner: 'alpha', partners: ['beta'], visibility: 'participants' })
          return { slug: groupOf(relation) }
        },
        expect: seesParticipants,
      },
    ],
  },
  'people.registerPeople': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: groupOf(relation) }),
        expect: groupPower('group.manageMembers'),
      },
    ],
  },
  'people.publicListing': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'people.setPublicListing': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => ({ listPublicly: false }), expect: always }],
  },
  'people.profile': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'people.updateProfile': {
    access: 'signed-in',
    variants: [
      {
        relations: SELF,
        // Only my own profile: there is no person to name in the input.
        input: () => ({ displayName: 'Renamed Person', organisation: 'Example Charity' }),
        expect: always,
      },
    ],
  },
  'people.linkAccount': {
    access: 'site-admin',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => {
          // A person of the Register (no address) officer of alpha, and an account to link to them.
          const registerPerson = await makePerson(w.db, 'Register Officer', { email: freshEmail('register') })
          await w.db.updateTable('person').set({ email: null }).where('id', '=', registerPerson.id).execute()
          await addMember(w.db, registerPerson.id, w.groups.alpha.id, 'officer')
          await w.db
            .updateTable('membership')
            .set({ source: 'register', register_title: 'Officer' })
            .where('person_id', '=', registerPerson.id)
            .execute()
          const account = await makePerson(w.db, 'Claiming Account', { email: freshEmail('claim') })
          return { email: account.email, registerPersonId: registerPerson.id }
        },
        expect: always,
      },
    ],
  },
  'people.search': {
    access: 'site-admin',
    variants: [{ relations: SELF, input: () => ({ q: 'baroness' }), expect: always }],
  },
  'people.merge': {
    access: 'site-admin',
    variants: [{ relations: SELF, input: ({ w }) => twoForms(w), expect: always }],
  },
  'people.splitMerge': {
    access: 'site-admin',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => {
          const admin = {
            id: w.person.siteAdmin!.id,
            email: null,
            displayName: 'Admin',
            kind: 'staff' as const,
            isSiteAdmin: true,
          }
          const ctx = { db: w.db, clock: systemClock, config: testConfig, actor: admin }
          const { mergeId } = await mergePeople(ctx, await twoForms(w))
          return { mergeId }
        },
        expect: always,
      },
    ],
  },
  'people.splitAlias': {
    access: 'site-admin',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => {
          const { keepId } = await twoForms(w)
          const id = newId()
          await w.db
            .insertInto('person_alias')
            .values({
              id,
              name_key: `baroness ${id}`,
              person_id: keepId,
              display_name: 'Baroness Alias',
              source: 'import',
              reason: 'a title rule, for the matrix',
              merge_id: null,
              created_at: '2026-06-01T00:00:00.000Z',
            })
            .execute()
          return { aliasId: id, takeIds: false }
        },
        expect: always,
      },
    ],
  },
  'people.withoutOfficerAccount': {
    access: 'site-admin',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'people.accounts': {
    access: 'site-admin',
    variants: [
      { relations: SELF, input: () => ({ q: '' }), expect: always },
      { relations: SELF, input: () => ({ q: 'caller' }), expect: always },
    ],
  },
  'people.setSiteAdmin': {
    access: 'site-admin',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => ({ personId: (await otherAccount(w, false)).id, siteAdmin: true }),
        expect: always,
      },
      {
        relations: SELF,
        input: async ({ w }) => ({ personId: (await otherAccount(w, true)).id, siteAdmin: false }),
        expect: always,
      },
    ],
  },
  'people.endSignIns': {
    access: 'site-admin',
    variants: [
      {
        relations: SELF,
        input: async ({ w }) => {
          const person = await otherAccount(w, false)
          await createSignIn({ db: w.db, clock: w.api.clock }, person.id, 'elsewhere')
          return { personId: person.id }
        },
        expect: always,
      },
    ],
  },
}
