/**
 * files.*: a file follows what it is attached to. Items: readers list and read, the participants'
 * chair, officers and secretariat (`item.edit`) delete. Comments: whoever sees the comment's words
 * lists and reads (hidden: moderators only); its author and the moderators delete.
 */
import {
  type CaseContext,
  groupPower,
  isAdmin,
  itemCan,
  mayRead,
  type Outcome,
  ownerCanM,
  ownerPower,
  type RouterCases,
} from '../../support/authz-model'
import {
  type CallerName,
  GROUP_RELATIONS,
  ITEM_RELATIONS,
  ITEM_SHAPES,
  type Relation,
} from '../../support/authz-world'

const ownerOf = (relation: Relation) => ITEM_SHAPES[relation as 'own'].owner

/** A file on a disposable topic of the relation, uploaded by the owner group's officer. */
async function topicFile(ctx: CaseContext) {
  const topicId = await ctx.w.make.topic(ctx.relation as 'own')
  const owner = ownerOf(ctx.relation)
  return ctx.w.make.attachment('topic', topicId, ctx.w.ownerOfficer[owner], owner)
}

/** A comment by someone who is none of the callers, with a file (hidden when asked). */
async function commentWithFile(ctx: CaseContext, options: { hidden?: boolean; byCaller?: boolean } = {}) {
  const topicId = await ctx.w.make.topic(ctx.relation as 'own')
  const author =
    options.byCaller && ctx.callerId ? ctx.callerId : ctx.w.bystanderAuthor[ctx.relation as 'own']
  const commentId = await ctx.w.make.comment('topic', topicId, author, { hidden: options.hidden })
  const fileId = await ctx.w.make.attachment('comment', commentId, author, ownerOf(ctx.relation))
  return { commentId, fileId }
}

/** Hidden comments (and their files) are for the owner group's moderators only. */
const hiddenReadable = (caller: CallerName, relation: Relation): Outcome =>
  mayRead(caller, relation) && ownerCanM(caller, relation, 'comment.moderate') ? 'ok' : 'NOT_FOUND'

const draftOf = (relation: Relation): Relation => (relation === 'public' ? 'unrelated' : relation)

async function assertRemoved(ctx: CaseContext, id: string) {
  const row = await ctx.w.db
    .selectFrom('attachment')
    .select(['deleted_at', 'deleted_by'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  if (!row.deleted_at || row.deleted_by !== ctx.callerId) throw new Error(`file ${id} was not marked deleted`)
}

export const filesCases: RouterCases = {
  'files.list': {
    access: 'public',
    variants: [
      {
        name: 'on a topic',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const topicId = await ctx.w.make.topic(ctx.relation as 'own')
          await ctx.w.make.attachment(
            'topic',
            topicId,
            ctx.w.ownerOfficer[ownerOf(ctx.relation)],
            ownerOf(ctx.relation),
          )
          return { targetType: 'topic', targetId: topicId }
        },
        expect: itemCan('item.read'),
      },
      {
        name: 'on a draft session meant to be public',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          targetType: 'meeting',
          targetId: await ctx.w.make.session(ctx.relation as 'own', { status: 'draft' }),
        }),
        expect: (caller, relation) => itemCan('item.read')(caller, draftOf(relation)),
      },
      {
        name: 'on a draft document meant to be public',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          targetType: 'document',
          targetId: (await ctx.w.make.document(ctx.relation as 'own', { status: 'draft' })).id,
        }),
        expect: (caller, relation) => itemCan('item.read')(caller, draftOf(relation)),
      },
      {
        name: 'on a comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ targetType: 'comment', targetId: (await commentWithFile(ctx)).commentId }),
        expect: itemCan('item.read'),
      },
      {
        name: 'on a hidden comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          targetType: 'comment',
          targetId: (await commentWithFile(ctx, { hidden: true })).commentId,
        }),
        expect: hiddenReadable,
      },
    ],
  },
  'files.forComments': {
    access: 'public',
    variants: [
      {
        name: 'on a topic with a shown and a hidden comment with files',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const topicId = await ctx.w.make.topic(ctx.relation as 'own')
          const author = ctx.w.bystanderAuthor[ctx.relation as 'own']
          const owner = ownerOf(ctx.relation)
          for (const hidden of [false, true]) {
            const commentId = await ctx.w.make.comment('topic', topicId, author, { hidden })
            await ctx.w.make.attachment('comment', commentId, author, owner)
          }
          return { itemType: 'topic', itemId: topicId }
        },
        expect: itemCan('item.read'),
        check: async (ctx, _input, result) => {
          // The hidden comment's files only for moderators.
          const shown = (result as { comments: unknown[] }).comments.length
          const moderates = ownerCanM(ctx.caller, ctx.relation, 'comment.moderate')
          if (shown !== (moderates ? 2 : 1)) throw new Error(`${shown} comments with files shown`)
        },
      },
      {
        name: 'on a draft document meant to be public',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({
          itemType: 'document',
          itemId: (await ctx.w.make.document(ctx.relation as 'own', { status: 'draft' })).id,
        }),
        expect: (caller, relation) => itemCan('item.read')(caller, draftOf(relation)),
      },
    ],
  },
  'files.get': {
    access: 'public',
    variants: [
      {
        name: 'on a topic',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await topicFile(ctx) }),
        expect: itemCan('item.read'),
      },
      {
        name: 'on a published or draft document',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const doc = await ctx.w.make.document(ctx.relation as 'own')
          const owner = ownerOf(ctx.relation)
          return { id: await ctx.w.make.attachment('document', doc.id, ctx.w.ownerOfficer[owner], owner) }
        },
        expect: itemCan('item.read'),
      },
      {
        name: 'on a hidden comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await commentWithFile(ctx, { hidden: true })).fileId }),
        expect: hiddenReadable,
      },
      {
        name: 'deleted',
        relations: ITEM_RELATIONS,
        input: async (ctx) => {
          const topicId = await ctx.w.make.topic(ctx.relation as 'own')
          const owner = ownerOf(ctx.relation)
          return {
            id: await ctx.w.make.attachment('topic', topicId, ctx.w.ownerOfficer[owner], owner, {
              deleted: true,
            }),
          }
        },
        expect: () => 'NOT_FOUND',
      },
    ],
  },
  'files.remove': {
    access: 'signed-in',
    variants: [
      {
        name: 'on a topic',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: await topicFile(ctx) }),
        expect: itemCan('item.edit'),
        check: (ctx, input) => assertRemoved(ctx, (input as { id: string }).id),
      },
      {
        name: 'on my own comment',
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await commentWithFile(ctx, { byCaller: true })).fileId }),
        // The author deletes their own file wherever they still see the comment.
        expect: (caller, relation) => (mayRead(caller, relation) || isAdmin(caller) ? 'ok' : 'NOT_FOUND'),
        check: (ctx, input) => assertRemoved(ctx, (input as { id: string }).id),
      },
      {
        name: "on someone else's comment",
        relations: ITEM_RELATIONS,
        input: async (ctx) => ({ id: (await commentWithFile(ctx)).fileId }),
        expect: ownerPower('comment.moderate'),
        check: (ctx, input) => assertRemoved(ctx, (input as { id: string }).id),
      },
    ],
  },
  'files.usage': {
    access: 'signed-in',
    variants: [
      {
        relations: GROUP_RELATIONS,
        input: ({ relation }) => ({
          groupSlug: relation === 'own' ? 'alpha' : relation === 'partner' ? 'beta' : 'delta',
        }),
        expect: groupPower('group.viewAudit'),
      },
    ],
  },
}
