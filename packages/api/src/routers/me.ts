import { publicProcedure, router } from '../trpc'

export const meRouter = router({
  /** Who I am and my groups; null when signed out. One query: the session with the groups. */
  get: publicProcedure.query(async ({ ctx }) => {
    const me = await ctx.getActorWithGroups()
    if (!me) return null
    const { actor, groups } = me
    return {
      id: actor.id,
      email: actor.email,
      displayName: actor.displayName,
      kind: actor.kind,
      isSiteAdmin: actor.isSiteAdmin,
      groups,
    }
  }),
})
