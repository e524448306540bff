import { getFile, groupFileUsage, listCommentFiles, listFiles, removeFile } from '@appg-hub/core'
import { byId, fileTargetInput, fileUsageInput, itemInput } from '@appg-hub/schemas'
import { authedProcedure, readerProcedure, router } from '../trpc'

/**
 * Attached files (the bytes go up and down over plain HTTP, apps/server/src/file-routes.ts). Lists
 * and single reads follow the item: a public item's files are public.
 */
export const filesRouter = router({
  list: readerProcedure.input(fileTargetInput).query(({ ctx, input }) => listFiles(ctx.core, input)),

  /** The files of every comment on an item, for the discussion in one call. */
  forComments: readerProcedure.input(itemInput).query(({ ctx, input }) => listCommentFiles(ctx.core, input)),

  get: readerProcedure.input(byId).query(({ ctx, input }) => getFile(ctx.core, input)),

  /** Deletes the file with all its versions (soft, audited). */
  remove: authedProcedure.input(byId).mutation(({ ctx, input }) => removeFile(ctx.core, input)),

  /** The group's storage used and its quota, for its chair and officers. */
  usage: authedProcedure.input(fileUsageInput).query(({ ctx, input }) => groupFileUsage(ctx.core, input)),
})
