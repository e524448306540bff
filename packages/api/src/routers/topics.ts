import {
  createTopic,
  followItem,
  getTopic,
  leaveItem,
  listDashboardTopics,
  listGroupTopics,
  MAX_SUGGESTIONS,
  MAX_TOPIC_TAGS,
  markTopicVisited,
  removePartner,
  suggestPartners,
  TOPIC_STATUSES,
  topicActivity,
  unfollowItem,
  updateTopic,
} from '@appg-hub/core'
import * as z from 'zod'
import { authedProcedure, publicProcedure, router } from '../trpc'
import { slug } from './register'

export const itemId = z.string().trim().min(1).max(36)
export const cursor = z.string().max(500).nullish()
const title = z
  .string()
  .trim()
  .min(1, 'Give the topic a title.')
  .max(300, 'Keep the title under 300 characters.')
const summary = z.string().max(20_000, 'Keep the summary under 20,000 characters.')
const tags = z
  .array(z.string().trim().min(1).max(100))
  .max(MAX_TOPIC_TAGS, `Choose at most ${MAX_TOPIC_TAGS} categories.`)
const visibility = z.enum(['participants', 'public'])

export const topicsRouter = router({
  create: authedProcedure
    .input(z.object({ groupSlug: slug, title, summary, tags, visibility }))
    .mutation(({ ctx, input }) => createTopic(ctx.service(ctx.actor), input)),

  /** Public topics can be read by anyone; NOT_FOUND for a topic the caller may not read. */
  get: publicProcedure
    .input(z.object({ id: itemId }))
    .query(async ({ ctx, input }) => getTopic(ctx.service(await ctx.getActor()), input.id)),

  update: authedProcedure
    .input(
      z.object({
        id: itemId,
        title: title.optional(),
        summary: summary.optional(),
        tags: tags.optional(),
        visibility: visibility.optional(),
        status: z.enum(TOPIC_STATUSES).optional(),
      }),
    )
    .mutation(({ ctx, input }) => updateTopic(ctx.service(ctx.actor), input)),

  listForGroup: publicProcedure
    .input(z.object({ slug, cursor }))
    .query(async ({ ctx, input }) => listGroupTopics(ctx.service(await ctx.getActor()), input)),

  dashboard: authedProcedure
    .input(z.object({ cursor }).optional())
    .query(({ ctx, input }) => listDashboardTopics(ctx.service(ctx.actor), input ?? {})),

  suggestPartners: publicProcedure
    .input(z.object({ id: itemId, limit: z.number().int().min(1).max(MAX_SUGGESTIONS).optional() }))
    .query(async ({ ctx, input }) => suggestPartners(ctx.service(await ctx.getActor()), input)),

  follow: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => followItem(ctx.service(ctx.actor), 'topic', input.id)),

  unfollow: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => unfollowItem(ctx.service(ctx.actor), 'topic', input.id)),

  /** What changed in the topic's space, who did it and when (its groups' people only). */
  activity: authedProcedure
    .input(z.object({ id: itemId }))
    .query(({ ctx, input }) => topicActivity(ctx.service(ctx.actor), input)),

  /** The caller has seen the topic's page: what is newer shows as new next time. */
  markVisited: authedProcedure
    .input(z.object({ id: itemId }))
    .mutation(({ ctx, input }) => markTopicVisited(ctx.service(ctx.actor), input)),

  /** An officer of a partner group takes that group out of the topic. */
  leave: authedProcedure
    .input(z.object({ id: itemId, groupSlug: slug }))
    .mutation(({ ctx, input }) =>
      leaveItem(ctx.service(ctx.actor), { itemType: 'topic', itemId: input.id, groupSlug: input.groupSlug }),
    ),

  /** An officer of the owner group takes a partner group out of the topic. */
  removePartner: authedProcedure.input(z.object({ id: itemId, groupSlug: slug })).mutation(({ ctx, input }) =>
    removePartner(ctx.service(ctx.actor), {
      itemType: 'topic',
      itemId: input.id,
      groupSlug: input.groupSlug,
    }),
  ),
})
