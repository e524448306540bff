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
import { authedProcedure, readerProcedure, router } from '../trpc'

export const topicsRouter = router({
  create: authedProcedure.input(createTopicInput).mutation(({ ctx, input }) => createTopic(ctx.core, input)),

  /** Public topics can be read by anyone; NOT_FOUND for a topic the caller may not read. */
  get: readerProcedure.input(byId).query(({ ctx, input }) => getTopic(ctx.core, input.id)),

  update: authedProcedure.input(updateTopicInput).mutation(({ ctx, input }) => updateTopic(ctx.core, input)),

  listForGroup: readerProcedure
    .input(groupPageInput)
    .query(({ ctx, input }) => listGroupTopics(ctx.core, input)),

  dashboard: authedProcedure
    .input(cursorInput.optional())
    .query(({ ctx, input }) => listDashboardTopics(ctx.core, input ?? {})),

  suggestPartners: readerProcedure
    .input(suggestPartnersInput)
    .query(({ ctx, input }) => suggestPartners(ctx.core, input)),

  follow: authedProcedure.input(byId).mutation(({ ctx, input }) => followItem(ctx.core, 'topic', input.id)),

  unfollow: authedProcedure
    .input(byId)
    .mutation(({ ctx, input }) => unfollowItem(ctx.core, 'topic', input.id)),

  /** What changed in the topic's space, who did it and when (its groups' people only). */
  activity: authedProcedure.input(byId).query(({ ctx, input }) => topicActivity(ctx.core, input)),

  /** The caller has seen the topic's page: what is newer shows as new next time. */
  markVisited: authedProcedure.input(byId).mutation(({ ctx, input }) => markTopicVisited(ctx.core, input)),

  /** An officer of a partner group takes that group out of the topic. */
  leave: authedProcedure
    .input(topicGroupInput)
    .mutation(({ ctx, input }) =>
      leaveItem(ctx.core, { itemType: 'topic', itemId: input.id, groupSlug: input.groupSlug }),
    ),

  /** An officer of the owner group takes a partner group out of the topic. */
  removePartner: authedProcedure.input(topicGroupInput).mutation(({ ctx, input }) =>
    removePartner(ctx.core, {
      itemType: 'topic',
      itemId: input.id,
      groupSlug: input.groupSlug,
    }),
  ),
})
