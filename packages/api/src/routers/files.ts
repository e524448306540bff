import { getFile, groupFileUsage, listCommentFiles, listFiles, removeFile } from '@appg-hub/core'
import { byId, fileTargetInput, fileUsageInput, itemInput } from '@appg-hub/schemas'
import { authedProcedure, publicProcedure, router } from '../trpc'

/**
 * Attached files (the bytes go up and down over plain HTTP, apps/server/src/file-routes.ts). Lists
 * and single reads follow the item: a public item's files are public.
 */
export const filesRouter = router({
  list: publicProcedure
    .input(fileTargetInput)
    .query(async ({ ctx, input }) => listFiles(ctx.service(await ctx.getActor()), input)),

  /** The files of every comment on an item, for the discussion in one call. */
  forComments: publicProcedure
    .input(itemInput)
    .query(async ({ ctx, input }) => listCommentFiles(ctx.service(await ctx.getActor()), input)),

  get: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) => getFile(ctx.service(await ctx.getActor()), input)),

  /** Deletes the file with all its versions (soft, audited). */
  remove: authedProcedure.input(byId).mutation(({ ctx, input }) => removeFile(ctx.service(ctx.actor), input)),

  /** The group's storage used and its quota, for its chair and officers. */
  usage: authedProcedure
    .input(fileUsageInput)
    .query(({ ctx, input }) => groupFileUsage(ctx.service(ctx.actor), input)),
})
