/** people.*: who takes part on the hub, one's public listing, groups without officer accounts. */
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
  type CallerName,
  freshEmail,
  GROUP_RELATIONS,
  type GroupName,
  type Relation,
  SELF,
} from '../../support/authz-world'
import { addMember, makePerson } from '../../support/fixtures'

/** The cases make an alpha–beta topic first, so alpha and beta are partners; delta and gamma are not. */
const PARTNERS: Partial<Record<GroupName, GroupName[]>> = { alpha: ['beta'], beta: ['alpha'] }

function seesParticipants(caller: CallerName, relation: Relation): Outcome {
  const group = groupOf(relation)
  if (isAdmin(caller) || roleIn(caller, group)) return 'ok'
  return (PARTNERS[group] ?? []).some((g) => roleIn(caller, g)) ? 'ok' : 'FORBIDDEN'
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
  'people.withoutOfficerAccount': {
    access: 'site-admin',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
}
