import type { DocumentTable } from '@appg-hub/db'

export const DOCUMENT_KINDS = ['briefing', 'report', 'minutes', 'work_programme', 'notes'] as const
export type DocumentKind = DocumentTable['kind']

export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  briefing: 'Briefing',
  report: 'Report',
  minutes: 'Minutes',
  work_programme: 'Work programme',
  notes: 'Notes',
}

/** About 3.3 times the ~300 KB of a 100-page report. */
export const MAX_DOCUMENT_CHARS = 1_000_000
/** How long a presence entry counts: the editor touches it every ~10 s. */
export const PRESENCE_TTL_MS = 30_000
export const HISTORY_PAGE_SIZE = 50
export const DOCUMENT_PAGE_SIZE = 20
