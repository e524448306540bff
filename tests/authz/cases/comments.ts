/** comments.*: discussion on items (comment: participants' members and up; moderate: the owner group's officers). */
import {
  type CaseContext,
  can,
  isAdmin,
  itemAccess,
  itemCan,
  mayRead,
  type Outcome,
  ownerCanM,
  ownerPower,
  type RouterCases,
} from '../../support/authz-model'
import { type CallerName, ITEM_RELATIONS, type Relation } from '../../support/authz-world'

const topicOf = ({ w, relation }: CaseContext) => w.make.topic(relation as 'own')

/** A comment on a disposable topic of the relation, by the caller (signed out: by a bystander). */
const mine = async (ctx: CaseContext) =>
  ctx.w.make.comment(
    'topic',
    await topicOf(ctx),
    ctx.callerId ?? ctx.w.bystanderAuthor[ctx.relation as 'own'],
  )
/** A comment by someone who is none of the callers. */
const theirs = async (ctx: CaseContext, options: { hidden?: boolean } = {}) =>
  ctx.w.make.comment('topic', await topicOf(ctx), ctx.w.bystanderAuthor[ctx.relation as 'own'], options)

const mayComment = (caller: CallerName, relation: Relation) =>
  can(itemAccess(caller, relation), 'item.comment')

export const commentsCases: RouterCases = {
  'comments.list': {
    access: 'public',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const itemId = await topicOf(ctx)
          await ctx.w.make.comment('topic', itemId, ctx.w.bystanderAuthor[ctx.relation as 'own'])
          return { itemType: 'topic', itemId }
        },
        expect: itemCan('item.read'),
      },
      {
        name: 'on a draft session meant to be public',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'meeting',
          itemId: await ctx.w.make.session(ctx.relation as 'own', { status: 'draft' }),
        }),
        // A draft is for its hosts: the public relation's draft answers as a participants-only one.
        expect: (caller, relation) =>
          itemCan('item.read')(caller, relation === 'public' ? 'unrelated' : relation),
      },
      {
        name: 'on a draft document meant to be public',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'document',
          itemId: (await ctx.w.make.document(ctx.relation as 'own', { status: 'draft' })).id,
        }),
        expect: (caller, relation) =>
          itemCan('item.read')(caller, relation === 'public' ? 'unrelated' : relation),
      },
    ],
  },
  'comments.add': {
    access: 'signed-in',
    variants: [
      {
        name: 'on a session',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'meeting',
          itemId: await ctx.w.make.session(ctx.relation as 'own'),
          body: 'See you there.',
        }),
        expect: itemCan('item.comment'),
      },
      {
        name: 'on a document',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'document',
          itemId: (await ctx.w.make.document(ctx.relation as 'own')).id,
          body: 'Typo in §2.',
        }),
        expect: itemCan('item.comment'),
      },
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ itemType: 'topic', itemId: await topicOf(ctx), body: 'I agree.' }),
        expect: itemCan('item.comment'),
      },
      {
        name: 'a reply',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const itemId = await topicOf(ctx)
          const parentId = await ctx.w.make.comment(
            'topic',
            itemId,
            ctx.w.bystanderAuthor[ctx.relation as 'own'],
          )
          return { itemType: 'topic', itemId, parentId, body: 'Quite.' }
        },
        expect: itemCan('item.comment'),
      },
    ],
  },
  'comments.edit': {
    access: 'signed-in',
    variants: [
      {
        name: 'my own comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await mine(ctx), body: 'Edited.' }),
        // The author edits while they may still comment on the item.
        expect: (caller, relation): Outcome =>
          !mayRead(caller, relation) ? 'NOT_FOUND' : mayComment(caller, relation) ? 'ok' : 'FORBIDDEN',
      },
      {
        name: "someone else's comment",
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx), body: 'Edited by another.' }),
        // Nobody edits another person's words, site admins included.
        expect: (caller, relation): Outcome => (!mayRead(caller, relation) ? 'NOT_FOUND' : 'FORBIDDEN'),
      },
    ],
  },
  'comments.delete': {
    access: 'signed-in',
    variants: [
      {
        name: 'my own comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await mine(ctx) }),
        expect: (caller, relation): Outcome => (!mayRead(caller, relation) ? 'NOT_FOUND' : 'ok'),
      },
      {
        name: "someone else's comment",
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx) }),
        expect: (caller, relation): Outcome =>
          !mayRead(caller, relation) ? 'NOT_FOUND' : isAdmin(caller) ? 'ok' : 'FORBIDDEN',
      },
    ],
  },
  'comments.hide': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx), reason: 'Off topic.' }),
        expect: ownerPower('comment.moderate'),
      },
    ],
  },
  'comments.unhide': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx, { hidden: true }) }),
        expect: ownerPower('comment.moderate'),
      },
    ],
  },
  'comments.history': {
    access: 'signed-in',
    variants: [
      {
        name: 'a visible comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx) }),
        expect: itemCan('item.read'),
      },
      {
        name: 'a hidden comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await theirs(ctx, { hidden: true }) }),
        expect: (caller, relation): Outcome =>
          !mayRead(caller, relation)
            ? 'NOT_FOUND'
            : ownerCanM(caller, relation, 'comment.moderate')
              ? 'ok'
              : 'FORBIDDEN',
      },
    ],
  },
  'comments.mentionCandidates': {
    access: 'signed-in',
    variants: [
      {
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ itemType: 'topic', itemId: await topicOf(ctx), q: '' }),
        expect: itemCan('item.comment'),
      },
    ],
  },
}
