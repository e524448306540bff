/**
 * A Word file (.docx) as a new document: converted to Markdown (word-to-markdown.ts, through a
 * `WordConverter`), then made through `createDocument`, so rights, links, following and the audit
 * trail are exactly those of a document written in the hub.
 */
import type { Visibility } from '@appg-hub/db'
import type { ServiceContext } from '../context'
import { createDocument } from '../documents/create'
import type { DocumentKind } from '../documents/fields'
import { MAX_DOCUMENT_CHARS } from '../documents/fields'
import { badRequest } from '../errors'
import { looksLikeZip, MAX_TITLE_CHARS, type WordConverter } from './word-conversion'

export interface WordImportInput {
  groupSlug: string
  kind: DocumentKind
  visibility: Visibility
  /** The file's name, for a title when the document has no heading. */
  fileName: string
  /** Overrides the title taken from the file. */
  title?: string | null
  /** A topic the document is for (as `createDocument` links it). */
  topicId?: string | null
  bytes: Uint8Array
}

export interface WordImportResult {
  id: string
  title: string
  /** What could not be kept, in words for the person importing it; empty when nothing was lost. */
  report: string[]
}

export async function importWordDocument(
  ctx: ServiceContext,
  converter: WordConverter,
  input: WordImportInput,
): Promise<WordImportResult> {
  // Checked here too, so that what is plainly not a Word file never reaches the converter.
  if (!looksLikeZip(input.bytes)) throw badRequest('That is not a Word (.docx) file.', 'file')
  const converted = await converter.toMarkdown(input.bytes, input.fileName)
  const title = (input.title?.trim() || converted.title).slice(0, MAX_TITLE_CHARS) || 'Imported document'
  if (converted.markdown.length > MAX_DOCUMENT_CHARS)
    throw badRequest(
      `That document is longer than the ${MAX_DOCUMENT_CHARS.toLocaleString('en-GB')} characters a document can hold.`,
      'file',
    )
  if (!converted.markdown) converted.report.push('The file had no text to import.')
  const { id } = await createDocument(ctx, {
    groupSlug: input.groupSlug,
    kind: input.kind,
    title,
    body: converted.markdown,
    visibility: input.visibility,
    topicId: input.topicId ?? null,
  })
  return { id, title, report: converted.report }
}
