import { searchHub } from '@appg-hub/core'
import { searchInput } from '@appg-hub/schemas'
import { publicProcedure, router } from '../trpc'

export const searchRouter = router({
  /** Everything the caller may read that matches `q`: exactly what single reads would show them. */
  query: publicProcedure
    .input(searchInput)
    .query(async ({ ctx, input }) => searchHub(ctx.service(await ctx.getActor()), input)),
})
