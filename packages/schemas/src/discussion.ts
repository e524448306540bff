/** Comments on items, and the files attached to items and comments. */
import * as z from 'zod'
import { cursor, id, itemType, slug } from './common'
import { ATTACHMENT_TARGETS, MAX_COMMENT_LENGTH, MAX_HIDE_REASON_LENGTH } from './limits'

const body = z
  .string()
  .trim()
  .min(1, 'Write something first.')
  .max(MAX_COMMENT_LENGTH, `Keep a comment under ${MAX_COMMENT_LENGTH} characters.`)

export const itemInput = z.object({ itemType, itemId: id })
export const listCommentsInput = z.object({ itemType, itemId: id, cursor })
export const addCommentInput = z.object({ itemType, itemId: id, parentId: id.nullish(), body })
export const editCommentInput = z.object({ id, body })
export const hideCommentInput = z.object({
  id,
  reason: z.string().trim().min(1, 'Say why the comment is hidden.').max(MAX_HIDE_REASON_LENGTH),
})
export const mentionCandidatesInput = z.object({ itemType, itemId: id, q: z.string().max(100) })

export const fileTargetInput = z.object({ targetType: z.enum(ATTACHMENT_TARGETS), targetId: id })
export const fileUsageInput = z.object({ groupSlug: slug })
