import {
  addComment,
  commentHistory,
  deleteComment,
  editComment,
  hideComment,
  ITEM_TYPES,
  listComments,
  MAX_COMMENT_LENGTH,
  MAX_HIDE_REASON_LENGTH,
  mentionCandidates,
  unhideComment,
} from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { cursor, itemId } from './topics'

const id = z.string().trim().min(1).max(36)
const itemType = z.enum(ITEM_TYPES)
const body = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(MAX_COMMENT_LENGTH, `Keep a comment under ${MAX_COMMENT_LENGTH} characters.`)

/** Discussion on any item: topics now, sessions and documents later. */
export const commentsRouter = router({
  /** Readable wherever the item is: a public item's discussion is public. */
  list: publicProcedure
    .input(z.object({ itemType, itemId, cursor }))
    .query(async ({ ctx, input }) => listComments(ctx.service(await ctx.getActor()), input)),

  add: authedProcedure
    .input(z.object({ itemType, itemId, parentId: id.nullish(), body }))
    .mutation(({ ctx, input }) => addComment(ctx.service(ctx.actor), input)),

  edit: authedProcedure
    .input(z.object({ id, body }))
    .mutation(({ ctx, input }) => editComment(ctx.service(ctx.actor), input)),

  delete: authedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => deleteComment(ctx.service(ctx.actor), input)),

  hide: authedProcedure
    .input(
      z.object({
        id,
        reason: z.string().trim().min(1, 'Say why the comment is hidden.').max(MAX_HIDE_REASON_LENGTH),
      }),
    )
    .mutation(({ ctx, input }) => hideComment(ctx.service(ctx.actor), input)),

  unhide: authedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => unhideComment(ctx.service(ctx.actor), input)),

  history: authedProcedure
    .input(z.object({ id }))
    .query(({ ctx, input }) => commentHistory(ctx.service(ctx.actor), input)),

  mentionCandidates: authedProcedure
    .input(z.object({ itemType, itemId, q: z.string().max(100) }))
    .query(({ ctx, input }) => mentionCandidates(ctx.service(ctx.actor), input)),
})
