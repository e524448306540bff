import { searchHub } from '@appg-hub/core'
import { searchInput } from '@appg-hub/schemas'
import { readerProcedure, router } from '../trpc'

export const searchRouter = router({
  /** Everything the caller may read that matches `q`: exactly what single reads would show them. */
  query: readerProcedure.input(searchInput).query(({ ctx, input }) => searchHub(ctx.core, input)),
})
