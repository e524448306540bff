import { getGroup, groupHistory, listGroups, listTags, MAX_PAGE_SIZE } from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const slug = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .regex(/^[a-z0-9-]+$/, 'A group is named by its slug, such as "cancer".')

export const registerRouter = router({
  list: publicProcedure
    .input(
      z.object({
        q: z.string().max(200).optional(),
        tag: z.string().max(100).optional(),
        status: z.enum(['registered', 'all']).optional(),
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
      }),
    )
    .query(({ ctx, input }) => listGroups(ctx.db, input, ctx.registerVersion)),

  tags: publicProcedure.query(({ ctx }) => listTags(ctx.db, ctx.registerVersion)),

  group: publicProcedure.input(z.object({ slug })).query(({ ctx, input }) => getGroup(ctx.db, input.slug)),

  /** What changed between editions of the Register: for the people of the group and the site administrator. */
  history: authedProcedure
    .input(z.object({ slug }))
    .query(({ ctx, input }) => groupHistory(ctx.service(ctx.actor), input)),
})
