/**
 * sessions.*: co-hosted sessions. Owner-group powers (change details, schedule, cancel, mark held)
 * come from `ownerCan`; agenda, sign-up list and minutes from `can(access, 'item.edit')` over every
 * host group; a draft is for its hosts only, whatever visibility they chose.
 */
import {
  always,
  type CaseContext,
  groupOf,
  groupPower,
  isAdmin,
  itemCan,
  type Outcome,
  ownerPower,
  type RouterCases,
  roleIn,
} from '../../support/authz-model'
import {
  type CallerName,
  GROUP_RELATIONS,
  ITEM_RELATIONS,
  ITEM_SHAPES,
  type Relation,
  SELF,
} from '../../support/authz-world'

type ItemRelation = (typeof ITEM_RELATIONS)[number]

/** A draft is never public: the public relation's draft answers as the unrelated (participants-only) one. */
const asDraft =
  (rule: (caller: CallerName, relation: Relation) => Outcome) =>
  (caller: CallerName, relation: Relation): Outcome =>
    rule(caller, relation === 'public' ? 'unrelated' : relation)

const scheduled = async ({ w, relation }: CaseContext) => ({
  id: await w.make.session(relation as ItemRelation),
})
const draft = async ({ w, relation }: CaseContext) => ({
  id: await w.make.session(relation as ItemRelation, { status: 'draft' }),
})
const past = async ({ w, relation }: CaseContext) => ({
  id: await w.make.session(relation as ItemRelation, { past: true }),
})

/** A London date a week ahead, as the form sends it. */
function nextWeek(ctx: CaseContext): string {
  return new Date(ctx.w.api.clock.now().getTime() + 7 * 86_400_000).toISOString().slice(0, 10)
}

export const sessionsCases: RouterCases = {
  'sessions.create': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: (ctx) => ({
          groupSlug: groupOf(ctx.relation),
          title: 'A roundtable',
          description: 'On screening.',
          date: nextWeek(ctx),
          startTime: '10:00',
          endTime: '11:00',
          place: 'Committee Room 10',
          visibility: 'participants',
          capacity: 20,
        }),
        expect: groupPower('item.create'),
      },
    ],
  },
  'sessions.get': {
    access: 'public',
    variants: [
      { name: 'scheduled', relations: ITEM_RELATIONS, input: scheduled, expect: itemCan('item.read') },
      { name: 'a draft', relations: ITEM_RELATIONS, input: draft, expect: asDraft(itemCan('item.read')) },
    ],
  },
  'sessions.update': {
    access: 'signed-in',
    variants: [
      {
        name: 'change the details',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await scheduled(ctx)), title: 'A better title', description: 'More.' }),
        expect: ownerPower('item.edit'),
      },
      {
        name: 'change who sees it',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          ...(await scheduled(ctx)),
          visibility: ctx.relation === 'public' ? 'participants' : 'public',
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'sessions.schedule': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: draft, expect: asDraft(ownerPower('item.invite')) }],
  },
  'sessions.cancel': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await scheduled(ctx)), reason: 'The room is flooded.' }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'sessions.markHeld': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: past, expect: ownerPower('item.invite') }],
  },
  'sessions.listForGroup': {
    access: 'public',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({ slug: groupOf(relation), when: 'upcoming' }),
        expect: always,
      },
    ],
  },
  'sessions.mine': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'sessions.agenda.add': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await scheduled(ctx)), title: 'Welcome', durationMinutes: 10 }),
        expect: itemCan('item.edit'),
      },
    ],
  },
  'sessions.agenda.update': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await scheduled(ctx)
          return { id, itemId: await ctx.w.make.agendaItem(id), title: 'Renamed' }
        },
        expect: itemCan('item.edit'),
      },
      {
        name: 'an item of another session, through this one',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await scheduled(ctx)
          const other = await ctx.w.make.session({
            owner: 'epsilon',
            partners: [],
            visibility: 'participants',
          })
          return { id, itemId: await ctx.w.make.agendaItem(other), title: 'Renamed' }
        },
        expect: (caller, relation): Outcome => {
          const onSession = itemCan('item.edit')(caller, relation)
          return onSession === 'ok' ? 'NOT_FOUND' : onSession
        },
      },
    ],
  },
  'sessions.agenda.move': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await scheduled(ctx)
          await ctx.w.make.agendaItem(id, 1)
          return { id, itemId: await ctx.w.make.agendaItem(id, 2), direction: 'up' }
        },
        expect: itemCan('item.edit'),
      },
    ],
  },
  'sessions.agenda.remove': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await scheduled(ctx)
          return { id, itemId: await ctx.w.make.agendaItem(id) }
        },
        expect: itemCan('item.edit'),
      },
      {
        name: 'an item of another session, through this one',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await scheduled(ctx)
          const other = await ctx.w.make.session({
            owner: 'epsilon',
            partners: [],
            visibility: 'participants',
          })
          return { id, itemId: await ctx.w.make.agendaItem(other) }
        },
        expect: (caller, relation): Outcome => {
          const onSession = itemCan('item.edit')(caller, relation)
          return onSession === 'ok' ? 'NOT_FOUND' : onSession
        },
      },
    ],
  },
  'sessions.signUp': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await scheduled(ctx)), status: 'going' }),
        // Anyone who may read a scheduled session says whether they are going.
        expect: itemCan('item.read'),
      },
    ],
  },
  'sessions.withdraw': {
    access: 'signed-in',
    variants: [
      {
        name: 'my sign-up',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const input = await scheduled(ctx)
          if (ctx.callerId) await ctx.w.make.signup(input.id, ctx.callerId)
          return input
        },
        expect: itemCan('item.read'),
      },
      {
        name: 'not signed up',
        relations: ITEM_RELATIONS,
        input: scheduled,
        expect: itemCan('item.read'),
        noAudit: 'the caller had not signed up, so nothing was withdrawn',
      },
    ],
  },
  'sessions.signups': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: scheduled, expect: itemCan('item.edit') }],
  },
  'sessions.registerInterest': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          ...(await scheduled(ctx)),
          name: 'A Visitor',
          email: `visitor.${Math.random().toString(36).slice(2)}@example.org`,
        }),
        // Only a public session takes interest by email, from anyone; the others do not exist here.
        expect: (_caller, relation) => (relation === 'public' ? 'ok' : 'NOT_FOUND'),
      },
    ],
  },
  'sessions.confirmInterest': {
    access: 'public',
    variants: [
      {
        relations: ['public'],
        input: async (ctx) => ({ token: await ctx.w.make.interest((await scheduled(ctx)).id) }),
        // The emailed token is the capability: whoever holds it confirms.
        expect: always,
      },
    ],
  },
  'sessions.attachMinutes': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        // A held session, and a document of its owner group of the same shape.
        input: async (ctx) => ({
          id: await ctx.w.make.session(ctx.relation as ItemRelation, { status: 'held', past: true }),
          documentId: (await ctx.w.make.document(ctx.relation as ItemRelation)).id,
        }),
        expect: itemCan('item.edit'),
      },
      {
        name: "another host group's draft meant to be public",
        relations: ITEM_RELATIONS,
        // The held session is co-hosted by the relation's partner group, which owns a draft document
        // (visibility 'public', status 'draft': for its own participants only until published).
        input: async (ctx) => {
          const shape = ITEM_SHAPES[ctx.relation as ItemRelation]
          return {
            id: await ctx.w.make.session(ctx.relation as ItemRelation, { status: 'held', past: true }),
            documentId: (
              await ctx.w.make.document(
                { owner: shape.partners[0]!, partners: [], visibility: 'public' },
                { status: 'draft' },
              )
            ).id,
          }
        },
        // Hosts who may not read the draft get the answer given for a missing document.
        expect: (caller, relation): Outcome => {
          const onSession = itemCan('item.edit')(caller, relation)
          if (onSession !== 'ok') return onSession
          const docOwner = ITEM_SHAPES[relation as ItemRelation].partners[0]!
          return isAdmin(caller) || roleIn(caller, docOwner) ? 'ok' : 'BAD_REQUEST'
        },
      },
    ],
  },
  'sessions.calendarFeed': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'sessions.rotateCalendarFeed': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'sessions.revokeCalendarFeed': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
}
