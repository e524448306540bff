/**
 * documents.*: co-edited documents. Editing is `can(access, 'item.edit')` over every participant
 * group; publishing is the owner group's (`ownerCan(…, 'item.invite')`); a document is public only
 * once published.
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
  participantsOnly,
  type RouterCases,
} from '../../support/authz-model'
import { type CallerName, GROUP_RELATIONS, ITEM_RELATIONS, type Relation } from '../../support/authz-world'

type ItemRelation = (typeof ITEM_RELATIONS)[number]

const doc = ({ w, relation }: CaseContext, options: { revisions?: number } = {}) =>
  w.make.document(relation as ItemRelation, options)

/** A public-visibility draft is for its participants only: it answers as the unrelated relation. */
const asDraft =
  (rule: (caller: CallerName, relation: Relation) => Outcome) =>
  (caller: CallerName, relation: Relation): Outcome =>
    rule(caller, relation === 'public' ? 'unrelated' : relation)

export const documentsCases: RouterCases = {
  'documents.create': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({
          groupSlug: groupOf(relation),
          kind: 'briefing',
          title: 'A briefing',
          body: 'What we know.',
          visibility: 'participants',
        }),
        expect: groupPower('item.create'),
      },
    ],
  },
  'documents.get': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx)).id }),
        expect: itemCan('item.read'),
      },
      {
        name: 'a draft meant to be public',
        relations: ['public'],
        input: async (ctx) => ({ id: (await ctx.w.make.document('public', { status: 'draft' })).id }),
        expect: asDraft(itemCan('item.read')),
      },
    ],
  },
  'documents.save': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const d = await doc(ctx)
          return { id: d.id, baseRevisionId: d.revisionId, body: 'A new version.\n\nWith changes.' }
        },
        expect: itemCan('item.edit'),
      },
    ],
  },
  // Earlier revisions are the groups' working drafts: the public reads the published text only.
  'documents.history': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx)).id }),
        expect: participantsOnly,
      },
    ],
  },
  'documents.revision': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx)).id, number: 1 }),
        expect: participantsOnly,
      },
    ],
  },
  'documents.diff': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx, { revisions: 2 })).id, from: 1, to: 2 }),
        expect: participantsOnly,
      },
    ],
  },
  'documents.restore': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx, { revisions: 2 })).id, number: 1 }),
        expect: itemCan('item.edit'),
      },
    ],
  },
  'documents.publish': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          id: (await ctx.w.make.document(ctx.relation as ItemRelation, { status: 'draft' })).id,
        }),
        // What is readable is decided on the draft (the public relation's draft is not public yet).
        expect: asDraft(ownerPower('item.invite')),
      },
    ],
  },
  'documents.unpublish': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          id: (await ctx.w.make.document(ctx.relation as ItemRelation, { status: 'published' })).id,
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'documents.listForGroup': {
    access: 'public',
    variants: [
      { relations: GROUP_RELATIONS, input: ({ relation }) => ({ slug: groupOf(relation) }), expect: always },
    ],
  },
  'documents.listForTopic': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ topicId: await ctx.w.make.topic(ctx.relation as ItemRelation) }),
        expect: itemCan('item.read'),
      },
    ],
  },
  'documents.presence': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await doc(ctx)).id }),
        // Only the groups writing it take part in editing: a reader of a published document is not shown.
        expect: participantsOnly,
      },
    ],
  },
  'documents.link': {
    access: 'signed-in',
    variants: [
      {
        name: 'to a topic of the same groups',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          id: (await doc(ctx)).id,
          toType: 'topic',
          toId: await ctx.w.make.topic(ctx.relation as ItemRelation),
          linkType: 'references',
        }),
        expect: itemCan('item.edit'),
      },
      {
        name: 'to a topic the caller may not read',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          id: (await doc(ctx)).id,
          toType: 'topic',
          // epsilon's own topic: no caller belongs to epsilon.
          toId: await ctx.w.make.topic({ owner: 'epsilon', partners: [], visibility: 'participants' }),
          linkType: 'references',
        }),
        // Linking never tells whether an unreadable item exists.
        expect: (caller, relation): Outcome => {
          const onDoc = itemCan('item.edit')(caller, relation)
          if (onDoc !== 'ok') return onDoc
          return isAdmin(caller) ? 'ok' : 'NOT_FOUND'
        },
      },
    ],
  },
  'documents.unlink': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const { id } = await doc(ctx)
          return {
            id,
            linkId: await ctx.w.make.link(id, 'topic', await ctx.w.make.topic(ctx.relation as ItemRelation)),
          }
        },
        expect: itemCan('item.edit'),
      },
    ],
  },
  'documents.preview': {
    access: 'signed-in',
    variants: [{ relations: ['self'], input: () => ({ body: 'Some **Markdown**.' }), expect: always }],
  },
}
