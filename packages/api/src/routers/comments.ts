import {
  addComment,
  commentHistory,
  deleteComment,
  editComment,
  hideComment,
  listComments,
  mentionCandidates,
  unhideComment,
} from '@appg-hub/core'
import {
  addCommentInput,
  byId,
  editCommentInput,
  hideCommentInput,
  listCommentsInput,
  mentionCandidatesInput,
} from '@appg-hub/schemas'
import { authedProcedure, publicProcedure, router } from '../trpc'

/** Discussion on any item: topics now, sessions and documents later. */
export const commentsRouter = router({
  /** Readable wherever the item is: a public item's discussion is public. */
  list: publicProcedure
    .input(listCommentsInput)
    .query(async ({ ctx, input }) => listComments(ctx.service(await ctx.getActor()), input)),

  add: authedProcedure
    .input(addCommentInput)
    .mutation(({ ctx, input }) => addComment(ctx.service(ctx.actor), input)),

  edit: authedProcedure
    .input(editCommentInput)
    .mutation(({ ctx, input }) => editComment(ctx.service(ctx.actor), input)),

  delete: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => deleteComment(ctx.service(ctx.actor), input)),

  hide: authedProcedure
    .input(hideCommentInput)
    .mutation(({ ctx, input }) => hideComment(ctx.service(ctx.actor), input)),

  unhide: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => unhideComment(ctx.service(ctx.actor), input)),

  history: authedProcedure
    .input(byId)
    .query(({ ctx, input }) => commentHistory(ctx.service(ctx.actor), input)),

  mentionCandidates: authedProcedure
    .input(mentionCandidatesInput)
    .query(({ ctx, input }) => mentionCandidates(ctx.service(ctx.actor), input)),
})
