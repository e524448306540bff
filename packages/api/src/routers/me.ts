import { myGroups } from '@appg-hub/core'
import { publicProcedure, router } from '../trpc'

export const meRouter = router({
  /** Who I am and my groups; null when signed out. Two queries at most (session, memberships). */
  get: publicProcedure.query(async ({ ctx }) => {
    const actor = await ctx.getActor()
    if (!actor) return null
    return {
      id: actor.id,
      email: actor.email,
      displayName: actor.displayName,
      kind: actor.kind,
      isSiteAdmin: actor.isSiteAdmin,
      groups: await myGroups(ctx.db, actor.id),
    }
  }),
})
