import * as z from 'zod'
import { id, slug, title, visibility } from './common'
import { MAX_SUGGESTIONS, MAX_TOPIC_TAGS, TOPIC_STATUSES } from './limits'

const summary = z.string().max(20_000, 'Keep the summary under 20,000 characters.')
const tags = z
  .array(z.string().trim().min(1).max(100))
  .max(MAX_TOPIC_TAGS, `Choose at most ${MAX_TOPIC_TAGS} categories.`)

export const createTopicInput = z.object({
  groupSlug: slug,
  title: title('topic'),
  summary,
  tags,
  visibility,
})

export const updateTopicInput = z.object({
  id,
  title: title('topic').optional(),
  summary: summary.optional(),
  tags: tags.optional(),
  visibility: visibility.optional(),
  status: z.enum(TOPIC_STATUSES).optional(),
})

export const suggestPartnersInput = z.object({
  id,
  limit: z.number().int().min(1).max(MAX_SUGGESTIONS).optional(),
})

/** A group leaving a topic, or taken out of it by the owner group. */
export const topicGroupInput = z.object({ id, groupSlug: slug })
