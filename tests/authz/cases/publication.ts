/**
 * publication.*: publication by consent. The owner group's chair and officers ask (`ownerCan(…,
 * 'item.invite')`); the chair and officers of each participant group answer for that group (a site
 * administrator answers for none); only the item's groups see where it stands. The world's items
 * each have two groups, so a request waits for the partner group's consent.
 */
import { roleAllows } from '@appg-hub/core'
import {
  type CaseContext,
  isAdmin,
  itemAccess,
  type Outcome,
  ownerPower,
  participantsOnly,
  type RouterCases,
  roleIn,
} from '../../support/authz-model'
import { type CallerName, ITEM_RELATIONS, ITEM_SHAPES, type Relation } from '../../support/authz-world'

type ItemRelation = (typeof ITEM_RELATIONS)[number]

const draftDocument = async ({ w, relation }: CaseContext) =>
  (await w.make.document(relation as ItemRelation, { status: 'draft' })).id

/** A pending request on a draft document of the relation's shape, asked by its owner's officer. */
const pending = async (ctx: CaseContext) => {
  const itemId = await draftDocument(ctx)
  return ctx.w.make.publicationRequest('document', itemId, ctx.relation as ItemRelation)
}

/** Only people of the item's groups (and site admins) learn of a request; a public reader does not. */
function onRequest(caller: CallerName, relation: Relation, allowed: () => Outcome): Outcome {
  if (itemAccess(caller, relation).role === null && !isAdmin(caller)) return 'NOT_FOUND'
  return allowed()
}

/** The participant groups for which the caller answers (chair or officer there). */
function answering(caller: CallerName, relation: Relation) {
  const shape = ITEM_SHAPES[relation as ItemRelation]
  return [shape.owner, ...shape.partners].filter((g) => roleAllows(roleIn(caller, g), 'item.invite'))
}

/** Consent: ok for an officer of a group still to consent; the owner group consented by asking. */
const consents = (caller: CallerName, relation: Relation): Outcome =>
  onRequest(caller, relation, () => {
    const groups = answering(caller, relation)
    if (groups.length === 0) return 'FORBIDDEN'
    return groups.some((g) => g !== ITEM_SHAPES[relation as ItemRelation].owner) ? 'ok' : 'CONFLICT'
  })

/** Declining: an officer of any participant group. */
const declines = (caller: CallerName, relation: Relation): Outcome =>
  onRequest(caller, relation, () => (answering(caller, relation).length ? 'ok' : 'FORBIDDEN'))

/** Withdrawing the request: an officer of the asking (owner) group. */
const cancels = (caller: CallerName, relation: Relation): Outcome =>
  onRequest(caller, relation, () =>
    roleAllows(roleIn(caller, ITEM_SHAPES[relation as ItemRelation].owner), 'item.invite')
      ? 'ok'
      : 'FORBIDDEN',
  )

/** Withdrawing consent from a public item (anyone reads it): officers of its groups act. */
const withdraws = (caller: CallerName, relation: Relation): Outcome =>
  answering(caller, relation).length ? 'ok' : 'FORBIDDEN'

export const publicationCases: RouterCases = {
  'publication.get': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'topic',
          itemId: await ctx.w.make.topic(ctx.relation as ItemRelation),
        }),
        expect: participantsOnly,
      },
    ],
  },
  'publication.waiting': {
    access: 'signed-in',
    variants: [{ relations: ['self'], input: () => undefined, expect: () => 'ok', noAudit: 'a read' }],
  },
  'publication.request': {
    access: 'signed-in',
    variants: [
      {
        // Topics: the public relation's topic is public already, so only the others are asked.
        relations: ['own', 'partner', 'unrelated'],
        input: async (ctx) => ({
          itemType: 'topic',
          itemId: await ctx.w.make.topic(ctx.relation as ItemRelation),
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'publication.approve': {
    access: 'signed-in',
    variants: [
      { relations: ITEM_RELATIONS, input: async (ctx) => ({ id: await pending(ctx) }), expect: consents },
    ],
  },
  'publication.decline': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await pending(ctx), reason: 'Not yet.' }),
        expect: declines,
      },
    ],
  },
  'publication.cancel': {
    access: 'signed-in',
    variants: [
      { relations: ITEM_RELATIONS, input: async (ctx) => ({ id: await pending(ctx) }), expect: cancels },
    ],
  },
  'publication.withdraw': {
    access: 'signed-in',
    variants: [
      {
        // A topic of the relation's groups made public (as if both consented): anyone reads it.
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'topic',
          itemId: await ctx.w.make.topic({
            ...ITEM_SHAPES[ctx.relation as ItemRelation],
            visibility: 'public',
          }),
        }),
        expect: withdraws,
      },
    ],
  },
}
