import { MAX_QUERY_LENGTH, SEARCH_DOC_TYPES, SEARCH_MAX_PAGE_SIZE, searchHub } from '@appg-hub/core'
import * as z from 'zod'
import { publicProcedure, router } from '../trpc'
import { slug } from './register'

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Give the date as YYYY-MM-DD.')
  .optional()

export const searchRouter = router({
  /** Everything the caller may read that matches `q`: exactly what single reads would show them. */
  query: publicProcedure
    .input(
      z.object({
        q: z.string().max(MAX_QUERY_LENGTH, `Keep the search under ${MAX_QUERY_LENGTH} characters.`),
        types: z.array(z.enum(SEARCH_DOC_TYPES)).max(SEARCH_DOC_TYPES.length).optional(),
        group: slug.optional(),
        from: day,
        to: day,
        cursor: z.string().max(500).nullish(),
        limit: z.number().int().min(1).max(SEARCH_MAX_PAGE_SIZE).optional(),
      }),
    )
    .query(async ({ ctx, input }) => searchHub(ctx.service(await ctx.getActor()), input)),
})
