import { getGroup, groupHistory, listGroups, listTags } from '@appg-hub/core'
import { bySlug, registerListInput } from '@appg-hub/schemas'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const registerRouter = router({
  list: publicProcedure
    .input(registerListInput)
    .query(({ ctx, input }) => listGroups(ctx, input, ctx.registerVersion)),

  tags: publicProcedure.query(({ ctx }) => listTags(ctx, ctx.registerVersion)),

  group: publicProcedure.input(bySlug).query(({ ctx, input }) => getGroup(ctx, input.slug)),

  /** What changed between editions of the Register: for the people of the group and the site administrator. */
  history: authedProcedure.input(bySlug).query(({ ctx, input }) => groupHistory(ctx.core, input)),
})
