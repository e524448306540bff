import {
  failingRuleChecks,
  getGroup,
  groupHistory,
  groupRuleChecks,
  listGroups,
  listTags,
} from '@appg-hub/core'
import { bySlug, registerListInput } from '@appg-hub/schemas'
import { adminProcedure, authedProcedure, publicProcedure, router } from '../trpc'

export const registerRouter = router({
  list: publicProcedure
    .input(registerListInput)
    .query(({ ctx, input }) => listGroups(ctx, input, ctx.registerVersion)),

  tags: publicProcedure.query(({ ctx }) => listTags(ctx, ctx.registerVersion)),

  group: publicProcedure.input(bySlug).query(({ ctx, input }) => getGroup(ctx, input.slug)),

  /** What changed between editions of the Register: for the people of the group and the site administrator. */
  history: authedProcedure.input(bySlug).query(({ ctx, input }) => groupHistory(ctx.core, input)),

  /** The group's Register entry against the Guide to the Rules on APPGs: its officers, secretariat, site admin. */
  ruleChecks: authedProcedure.input(bySlug).query(({ ctx, input }) => groupRuleChecks(ctx.core, input)),

  /** Every registered group failing a rule check, complete (one read of the Register): site administrator. */
  failingRuleChecks: adminProcedure.query(({ ctx }) => failingRuleChecks(ctx.core)),
})
