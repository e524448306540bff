/** My notifications, my data, the Register's lists and search. */
import * as z from 'zod'
import { cursor, day, id, pageInput, password, slug } from './common'
import { EMAIL_PREFERENCES, MAX_QUERY_LENGTH, SEARCH_DOC_TYPES, SEARCH_MAX_PAGE_SIZE } from './limits'

/** A list whose only input is the page: optional where the first page may be asked with no input. */
export const cursorInput = z.object({ cursor })
export const markReadInput = z.object({ ids: z.array(id).max(200).optional() }).optional()
export const preferencesInput = z.object({ email: z.enum(EMAIL_PREFERENCES) })

export const eraseAccountInput = z.object({ password, confirmation: z.string().max(100) })

export const registerListInput = z.object({
  q: z.string().max(200).optional(),
  tag: z.string().max(100).optional(),
  status: z.enum(['registered', 'all']).optional(),
  ...pageInput(),
})

export const searchInput = z.object({
  q: z.string().max(MAX_QUERY_LENGTH, `Keep the search under ${MAX_QUERY_LENGTH} characters.`),
  types: z.array(z.enum(SEARCH_DOC_TYPES)).max(SEARCH_DOC_TYPES.length).optional(),
  group: slug.optional(),
  from: day.optional(),
  to: day.optional(),
  ...pageInput(SEARCH_MAX_PAGE_SIZE),
})

export const mailboxInput = z.object({
  to: z.string().max(254).optional(),
  limit: z.number().int().min(1).max(200).optional(),
})
