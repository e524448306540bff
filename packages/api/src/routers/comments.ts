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
import { authedProcedure, readerProcedure, router } from '../trpc'

/** Discussion on any item: topics now, sessions and documents later. */
export const commentsRouter = router({
  /** Readable wherever the item is: a public item's discussion is public. */
  list: readerProcedure.input(listCommentsInput).query(({ ctx, input }) => listComments(ctx.core, input)),

  add: authedProcedure.input(addCommentInput).mutation(({ ctx, input }) => addComment(ctx.core, input)),

  edit: authedProcedure.input(editCommentInput).mutation(({ ctx, input }) => editComment(ctx.core, input)),

  delete: authedProcedure.input(byId).mutation(({ ctx, input }) => deleteComment(ctx.core, input)),

  hide: authedProcedure.input(hideCommentInput).mutation(({ ctx, input }) => hideComment(ctx.core, input)),

  unhide: authedProcedure.input(byId).mutation(({ ctx, input }) => unhideComment(ctx.core, input)),

  history: authedProcedure.input(byId).query(({ ctx, input }) => commentHistory(ctx.core, input)),

  mentionCandidates: authedProcedure
    .input(mentionCandidatesInput)
    .query(({ ctx, input }) => mentionCandidates(ctx.core, input)),
})
