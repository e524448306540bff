/**
 * Any document the caller may read, as a Word file (markdown-to-word.ts, through a
 * `WordConverter`), published ones with their publication notice.
 */
import type { ServiceContext } from '../context'
import { DOCUMENT_KIND_NAMES } from '../documents/fields'
import { getDocument } from '../documents/read'
import { sanitizeFileName } from './accept'
import type { WordConverter } from './word-conversion'

/** "Lung cancer briefing.docx": the title as a safe file name (see `sanitizeFileName`). */
export function wordFileName(title: string): string {
  return sanitizeFileName(`${title.slice(0, 150).trim() || 'document'}.docx`)
}

/** The document as a .docx file (NOT_FOUND when the caller may not read it). */
export async function exportWordDocument(
  ctx: ServiceContext,
  converter: WordConverter,
  id: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const view = await getDocument(ctx, id)
  const bytes = await converter.toWord({
    title: view.title,
    subtitle: [
      DOCUMENT_KIND_NAMES[view.kind],
      view.owner.title,
      view.status === 'published' ? 'Published' : `Draft, revision ${view.head.number}`,
    ].join(' · '),
    creator: view.owner.title,
    body: view.body,
    publication: view.publication,
  })
  return { fileName: wordFileName(view.title), bytes }
}
