import { groupRights } from '@appg-hub/core'
import { publicProcedure, router } from '../trpc'

export const meRouter = router({
  /**
   * Who I am and my groups, each with what I may do in it (`can`, from the policy); `canElsewhere` is what I
   * may do in a group I hold no role in. Null when signed out. One query: the session with the groups.
   */
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
      groups: groups.map((group) => ({ ...group, can: groupRights(group.role, actor.isSiteAdmin) })),
      canElsewhere: groupRights(null, actor.isSiteAdmin),
    }
  }),
})
