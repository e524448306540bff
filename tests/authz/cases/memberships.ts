/** memberships.*: a group's people (docs/architecture.md §3, last row; `canManageMember`). */
import type { Role } from '@appg-hub/db'
import {
  always,
  type CaseContext,
  groupOf,
  groupPower,
  manages,
  type Outcome,
  type RouterCases,
  roleIn,
} from '../../support/authz-model'
import { type CallerName, freshEmail, GROUP_RELATIONS, type Relation } from '../../support/authz-world'

const slugOf = (relation: Relation) => groupOf(relation)

/** The roles a case changes a member from and to; CONFLICT-free (the group keeps another chair). */
function changeVariant(from: Role, to: Role) {
  return {
    name: `${from} → ${to}`,
    relations: GROUP_RELATIONS,
    input: async ({ w, relation }: CaseContext) => {
      if (from === 'chair') await w.make.member(groupOf(relation), 'chair')
      return { slug: slugOf(relation), personId: await w.make.member(groupOf(relation), from), role: to }
    },
    expect: (caller: CallerName, relation: Relation): Outcome =>
      manages(caller, relation, from, to) ? 'ok' : 'FORBIDDEN',
  }
}

function removeVariant(from: Role) {
  return {
    name: `remove a ${from}`,
    relations: GROUP_RELATIONS,
    input: async ({ w, relation }: CaseContext) => {
      if (from === 'chair') await w.make.member(groupOf(relation), 'chair')
      return { slug: slugOf(relation), personId: await w.make.member(groupOf(relation), from) }
    },
    expect: (caller: CallerName, relation: Relation): Outcome =>
      manages(caller, relation, from, null) ? 'ok' : 'FORBIDDEN',
  }
}

export const membershipsCases: RouterCases = {
  'memberships.roster': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: slugOf(relation) }),
        expect: groupPower('group.viewRoster'),
      },
    ],
  },
  'memberships.invite': {
    access: 'signed-in',
    variants: (['member', 'officer', 'chair'] as const).map((role) => ({
      name: `as ${role}`,
      relations: GROUP_RELATIONS,
      input: ({ relation }: CaseContext) => ({ slug: slugOf(relation), email: freshEmail('invited'), role }),
      expect: (caller: CallerName, relation: Relation): Outcome =>
        manages(caller, relation, null, role) ? 'ok' : 'FORBIDDEN',
    })),
  },
  'memberships.revokeInvite': {
    access: 'signed-in',
    variants: (['member', 'chair'] as const)
      .map((role) => ({
        name: `an invitation as ${role}`,
        relations: GROUP_RELATIONS,
        input: async ({ w, relation }: CaseContext) => ({
          slug: slugOf(relation),
          inviteId: (await w.make.groupInvite(groupOf(relation), role)).id,
        }),
        expect: (caller: CallerName, relation: Relation): Outcome =>
          manages(caller, relation, null, role) ? 'ok' : 'FORBIDDEN',
      }))
      .concat([
        {
          name: "another group's invitation, named through this group",
          relations: GROUP_RELATIONS,
          input: async ({ w, relation }: CaseContext) => ({
            slug: slugOf(relation),
            inviteId: (await w.make.groupInvite('epsilon', 'member')).id,
          }),
          // An invitation is looked for in the group named only: elsewhere it does not exist.
          expect: (): Outcome => 'NOT_FOUND',
        },
      ]),
  },
  'memberships.describeInvite': {
    access: 'public',
    // Whoever holds the link's token may see what it offers (the token is the capability).
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: async ({ w, relation }) => ({
          token: (await w.make.groupInvite(groupOf(relation), 'member')).token,
        }),
        expect: always,
      },
    ],
  },
  'memberships.acceptInvite': {
    access: 'signed-in',
    variants: [
      {
        name: 'sent to another address',
        relations: GROUP_RELATIONS,
        input: async ({ w, relation }) => ({
          token: (await w.make.groupInvite(groupOf(relation), 'member')).token,
        }),
        // Bound to the invited address: nobody else may use the link, whatever their role.
        expect: () => 'FORBIDDEN',
      },
      {
        name: 'sent to my address',
        relations: GROUP_RELATIONS,
        input: async ({ w, relation, callerId }) => {
          const me = callerId
            ? await w.db.selectFrom('person').select('email').where('id', '=', callerId).executeTakeFirst()
            : undefined
          return {
            token: (await w.make.groupInvite(groupOf(relation), 'member', me?.email ?? undefined)).token,
          }
        },
        expect: always,
        async check({ w, callerId, relation }) {
          // Accepting never lowers or raises an existing role.
          const row = await w.db
            .selectFrom('membership')
            .select('role')
            .where('person_id', '=', callerId!)
            .where('appg_id', '=', w.groups[groupOf(relation)].id)
            .executeTakeFirst()
          if (!row) throw new Error('accepted, but no membership')
        },
      },
    ],
  },
  'memberships.changeRole': {
    access: 'signed-in',
    variants: [
      changeVariant('member', 'observer'),
      changeVariant('member', 'officer'),
      changeVariant('member', 'chair'),
      changeVariant('chair', 'member'),
      {
        name: 'raise myself to chair',
        relations: GROUP_RELATIONS,
        input: async ({ w, callerId, relation }: CaseContext) => {
          // The group keeps another chair, so that no "last chair" rule answers instead.
          await w.make.member(groupOf(relation), 'chair')
          return { slug: slugOf(relation), personId: callerId ?? w.person.officer!.id, role: 'chair' }
        },
        expect: (caller: CallerName, relation: Relation): Outcome => {
          const mine = roleIn(caller, groupOf(relation))
          if (!mine) return 'NOT_FOUND'
          return manages(caller, relation, mine, 'chair') ? 'ok' : 'FORBIDDEN'
        },
        noAudit: 'only a chair may, and a chair raising themself to chair changes nothing',
      },
    ],
  },
  'memberships.remove': {
    access: 'signed-in',
    variants: [removeVariant('member'), removeVariant('officer'), removeVariant('chair')],
  },
  'memberships.leave': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: slugOf(relation) }),
        // Not a member: NOT_FOUND (nothing to leave). The group's only chair cannot leave it chairless.
        expect: (caller, relation) => {
          const role = roleIn(caller, groupOf(relation))
          if (!role) return 'NOT_FOUND'
          return role === 'chair' ? 'CONFLICT' : 'ok'
        },
      },
    ],
  },
}
