import * as z from 'zod'
import { id, itemGroups, itemType, slug, title, topicId, visibility } from './common'
import { DOCUMENT_KINDS, LINK_TYPES, MAX_DOCUMENT_CHARS } from './limits'

const body = z.string().max(MAX_DOCUMENT_CHARS, 'Keep the document under a million characters.')
/** A revision's number. */
const number = z.number().int().min(1).max(1_000_000_000)

export const createDocumentInput = z.object({
  groupSlug: slug,
  kind: z.enum(DOCUMENT_KINDS),
  title: title('document'),
  body,
  visibility,
  topicId,
  groups: itemGroups,
})

export const saveDocumentInput = z.object({
  id,
  baseRevisionId: id,
  body,
  title: title('document').optional(),
})
export const revisionInput = z.object({ id, number })
export const diffInput = z.object({ id, from: number, to: number })
export const publishDocumentInput = z.object({ id, visibility: visibility.optional() })
export const topicDocumentsInput = z.object({ topicId: id })
export const linkDocumentInput = z.object({ id, toType: itemType, toId: id, linkType: z.enum(LINK_TYPES) })
export const unlinkDocumentInput = z.object({ id, linkId: id })
export const previewInput = z.object({ body })
