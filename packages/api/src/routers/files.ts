import {
  ATTACHMENT_TARGETS,
  getFile,
  groupFileUsage,
  ITEM_TYPES,
  listCommentFiles,
  listFiles,
  removeFile,
} from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, publicProcedure, router } from '../trpc'

const id = z.string().trim().min(1).max(36)
const target = { targetType: z.enum(ATTACHMENT_TARGETS), targetId: id }

/**
 * Attached files (the bytes go up and down over plain HTTP, apps/server/src/file-routes.ts). Lists
 * and single reads follow the item: a public item's files are public.
 */
export const filesRouter = router({
  list: publicProcedure
    .input(z.object(target))
    .query(async ({ ctx, input }) => listFiles(ctx.service(await ctx.getActor()), input)),

  /** The files of every comment on an item, for the discussion in one call. */
  forComments: publicProcedure
    .input(z.object({ itemType: z.enum(ITEM_TYPES), itemId: id }))
    .query(async ({ ctx, input }) => listCommentFiles(ctx.service(await ctx.getActor()), input)),

  get: publicProcedure
    .input(z.object({ id }))
    .query(async ({ ctx, input }) => getFile(ctx.service(await ctx.getActor()), input)),

  /** Deletes the file with all its versions (soft, audited). */
  remove: authedProcedure
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => removeFile(ctx.service(ctx.actor), input)),

  /** The group's storage used and its quota, for its chair and officers. */
  usage: authedProcedure
    .input(z.object({ groupSlug: z.string().trim().min(1).max(100) }))
    .query(({ ctx, input }) => groupFileUsage(ctx.service(ctx.actor), input)),
})
