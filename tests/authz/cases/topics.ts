/** topics.*: topics owned by a group and joined by partners (docs/architecture.md §3; owner powers in items/powers.ts). */
import {
  always,
  type CaseContext,
  groupCanM,
  groupOf,
  groupPower,
  itemCan,
  onItem,
  ownerPower,
  participantsOnly,
  type RouterCases,
} from '../../support/authz-model'
import { GROUP_RELATIONS, ITEM_RELATIONS, ITEM_SHAPES, SELF } from '../../support/authz-world'
import { HEALTH } from '../../support/joint-work'

/** A disposable topic of the relation's shape. */
const topic = async ({ w, relation }: CaseContext) => ({ id: await w.make.topic(relation as 'own') })

export const topicsCases: RouterCases = {
  'topics.create': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({
          groupSlug: groupOf(relation),
          title: 'A new topic',
          summary: 'Why it matters.',
          tags: [HEALTH],
          visibility: 'participants',
        }),
        expect: groupPower('item.create'),
      },
    ],
  },
  'topics.get': {
    access: 'public',
    variants: [{ relations: ITEM_RELATIONS, input: topic, expect: itemCan('item.read') }],
  },
  'topics.update': {
    access: 'signed-in',
    variants: [
      {
        name: 'edit the text',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await topic(ctx)), title: 'A better title', summary: 'More words.' }),
        expect: ownerPower('item.edit'),
      },
      {
        name: 'close it',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ ...(await topic(ctx)), status: 'closed' }),
        expect: ownerPower('item.invite'),
      },
      {
        name: 'change who sees it',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          ...(await topic(ctx)),
          visibility: ctx.relation === 'public' ? 'participants' : 'public',
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
  'topics.listForGroup': {
    access: 'public',
    variants: [
      { relations: GROUP_RELATIONS, input: ({ relation }) => ({ slug: groupOf(relation) }), expect: always },
    ],
  },
  'topics.activity': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: topic, expect: participantsOnly }],
  },
  'topics.markVisited': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: topic, expect: participantsOnly }],
  },
  'topics.dashboard': {
    access: 'signed-in',
    variants: [{ relations: SELF, input: () => undefined, expect: always }],
  },
  'topics.suggestPartners': {
    access: 'public',
    variants: [{ relations: ITEM_RELATIONS, input: topic, expect: itemCan('item.read') }],
  },
  'topics.follow': {
    access: 'signed-in',
    variants: [{ relations: ITEM_RELATIONS, input: topic, expect: itemCan('item.read') }],
  },
  'topics.unfollow': {
    access: 'signed-in',
    variants: [
      {
        name: 'one I follow',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const input = await topic(ctx)
          if (ctx.callerId) await ctx.w.make.follow(ctx.callerId, 'topic', input.id)
          return input
        },
        // Allowed even when the item can no longer be read, so that nobody is stuck following it.
        expect: always,
      },
      {
        name: 'one I do not follow',
        relations: ITEM_RELATIONS,
        input: topic,
        expect: itemCan('item.read'),
        noAudit: 'the caller did not follow the topic, so nothing changed',
      },
    ],
  },
  'topics.leave': {
    access: 'signed-in',
    variants: [
      {
        name: 'take the partner group out',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          ...(await topic(ctx)),
          groupSlug: ITEM_SHAPES[ctx.relation as 'own'].partners[0],
        }),
        expect: (caller, relation) =>
          onItem(
            caller,
            relation,
            groupCanM(caller, ITEM_SHAPES[relation as 'own'].partners[0]!, 'item.invite'),
          ),
      },
    ],
  },
  'topics.removePartner': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          ...(await topic(ctx)),
          groupSlug: ITEM_SHAPES[ctx.relation as 'own'].partners[0],
        }),
        expect: ownerPower('item.invite'),
      },
    ],
  },
}
