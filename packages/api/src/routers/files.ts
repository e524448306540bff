import { ATTACHMENT_TARGETS, getFile, groupFileUsage, listFiles, removeFile } from '@appg-hub/core'
import { z } from 'zod'
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
