import {
  createTopic,
  followItem,
  getTopic,
  leaveItem,
  listDashboardTopics,
  listGroupTopics,
  markTopicVisited,
  removePartner,
  suggestPartners,
  topicActivity,
  unfollowItem,
  updateTopic,
} from '@appg-hub/core'
import {
  byId,
  createTopicInput,
  cursorInput,
  groupPageInput,
  suggestPartnersInput,
  topicGroupInput,
  updateTopicInput,
} from '@appg-hub/schemas'
import { authedProcedure, publicProcedure, router } from '../trpc'

export const topicsRouter = router({
  create: authedProcedure
    .input(createTopicInput)
    .mutation(({ ctx, input }) => createTopic(ctx.service(ctx.actor), input)),

  /** Public topics can be read by anyone; NOT_FOUND for a topic the caller may not read. */
  get: publicProcedure
    .input(byId)
    .query(async ({ ctx, input }) => getTopic(ctx.service(await ctx.getActor()), input.id)),

  update: authedProcedure
    .input(updateTopicInput)
    .mutation(({ ctx, input }) => updateTopic(ctx.service(ctx.actor), input)),

  listForGroup: publicProcedure
    .input(groupPageInput)
    .query(async ({ ctx, input }) => listGroupTopics(ctx.service(await ctx.getActor()), input)),

  dashboard: authedProcedure
    .input(cursorInput.optional())
    .query(({ ctx, input }) => listDashboardTopics(ctx.service(ctx.actor), input ?? {})),

  suggestPartners: publicProcedure
    .input(suggestPartnersInput)
    .query(async ({ ctx, input }) => suggestPartners(ctx.service(await ctx.getActor()), input)),

  follow: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => followItem(ctx.service(ctx.actor), 'topic', input.id)),

  unfollow: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => unfollowItem(ctx.service(ctx.actor), 'topic', input.id)),

  /** What changed in the topic's space, who did it and when (its groups' people only). */
  activity: authedProcedure
    .input(byId)
    .query(({ ctx, input }) => topicActivity(ctx.service(ctx.actor), input)),

  /** The caller has seen the topic's page: what is newer shows as new next time. */
  markVisited: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => markTopicVisited(ctx.service(ctx.actor), input)),

  /** An officer of a partner group takes that group out of the topic. */
  leave: authedProcedure
    .input(topicGroupInput)
    .mutation(({ ctx, input }) =>
      leaveItem(ctx.service(ctx.actor), { itemType: 'topic', itemId: input.id, groupSlug: input.groupSlug }),
    ),

  /** An officer of the owner group takes a partner group out of the topic. */
  removePartner: authedProcedure.input(topicGroupInput).mutation(({ ctx, input }) =>
    removePartner(ctx.service(ctx.actor), {
      itemType: 'topic',
      itemId: input.id,
      groupSlug: input.groupSlug,
    }),
  ),
})
