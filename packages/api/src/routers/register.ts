import { getGroup, listGroups, listTags } from '@appg-hub/core'
import { bySlug, registerListInput } from '@appg-hub/schemas'
import { publicProcedure, router } from '../trpc'

export const registerRouter = router({
  list: publicProcedure
    .input(registerListInput)
    .query(({ ctx, input }) => listGroups(ctx.db, input, ctx.registerVersion)),

  tags: publicProcedure.query(({ ctx }) => listTags(ctx.db, ctx.registerVersion)),

  group: publicProcedure.input(bySlug).query(({ ctx, input }) => getGroup(ctx.db, input.slug)),
})
