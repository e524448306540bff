/** invitations.*: the handshake between groups (docs/architecture.md §2: only an officer of A sends, only an officer of B answers). */
import {
  type CaseContext,
  groupOf,
  groupPower,
  isAdmin,
  type Outcome,
  ownerPower,
  type RouterCases,
  roleIn,
} from '../../support/authz-model'
import {
  type CallerName,
  GROUP_RELATIONS,
  type GroupName,
  ITEM_RELATIONS,
  type Relation,
} from '../../support/authz-world'

/** Only the two groups' people (and site admins) learn that an invitation exists. */
function handshake(from: (r: Relation) => GroupName, to: (r: Relation) => GroupName, side: 'from' | 'to') {
  return (caller: CallerName, relation: Relation): Outcome => {
    const f = from(relation)
    const t = to(relation)
    if (!isAdmin(caller) && !roleIn(caller, f) && !roleIn(caller, t)) return 'NOT_FOUND'
    const role = roleIn(caller, side === 'from' ? f : t)
    return isAdmin(caller) || role === 'chair' || role === 'officer' ? 'ok' : 'FORBIDDEN'
  }
}

/** Received: epsilon (no caller belongs to it) invites the relation's group to one of its topics. */
const receivedBy = (relation: Relation) => groupOf(relation)
const received = async ({ w, relation }: CaseContext) => {
  const topicId = await w.make.topic({ owner: 'epsilon', partners: [], visibility: 'participants' })
  return { id: await w.make.invitation('topic', topicId, 'epsilon', receivedBy(relation)) }
}

/** Sent: the relation's group invites epsilon to one of its topics. */
const sent = async ({ w, relation }: CaseContext) => {
  const owner = groupOf(relation)
  const topicId = await w.make.topic({ owner, partners: [], visibility: 'participants' })
  return { id: await w.make.invitation('topic', topicId, owner, 'epsilon') }
}

const answerExpect = handshake(() => 'epsilon', receivedBy, 'to')

export const invitationsCases: RouterCases = {
  'invitations.send': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        // gamma takes part in no item of the world, so it can always be invited.
        input: async ({ w, relation }) => ({
          itemType: 'topic',
          itemId: await w.make.topic(relation as 'own'),
          toGroupSlugs: ['gamma'],
          message: 'Join us?',
        }),
        expect: ownerPower('item.invite'),
      },
      {
        name: 'to a session',
        relations: ITEM_RELATIONS,
        input: async ({ w, relation }) => ({
          itemType: 'meeting',
          itemId: await w.make.session(relation as 'own'),
          toGroupSlugs: ['gamma'],
        }),
        expect: ownerPower('item.invite'),
      },
      {
        name: 'to a document',
        relations: ITEM_RELATIONS,
        input: async ({ w, relation }) => ({
          itemType: 'document',
          itemId: (await w.make.document(relation as 'own')).id,
          toGroupSlugs: ['gamma'],
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'invitations.accept': {
    access: 'signed-in',
    variants: [
      { relations: GROUP_RELATIONS, input: received, expect: answerExpect },
      {
        name: 'one my group sent',
        relations: GROUP_RELATIONS,
        input: sent,
        // The sending side may withdraw it but never answer it for the other group.
        expect: handshake(groupOf, () => 'epsilon', 'to'),
      },
    ],
  },
  'invitations.decline': {
    access: 'signed-in',
    variants: [{ relations: GROUP_RELATIONS, input: received, expect: answerExpect }],
  },
  'invitations.withdraw': {
    access: 'signed-in',
    variants: [
      { relations: GROUP_RELATIONS, input: sent, expect: handshake(groupOf, () => 'epsilon', 'from') },
    ],
  },
  'invitations.forGroup': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: groupOf(relation) }),
        expect: groupPower('group.viewRoster'),
      },
    ],
  },
}
