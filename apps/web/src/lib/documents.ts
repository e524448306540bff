/** Types and words for documents, from the API's own types. */
import type { api } from './trpc'

type Api = typeof api
type Out<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>
export type DocumentView = Out<Api['documents']['get']['query']>
export type DocumentLink = DocumentView['links'][number]
export type DocumentSummary = Out<Api['documents']['listForGroup']['query']>['items'][number]
export type TopicDocument = Out<Api['documents']['listForTopic']['query']>[number]
export type HistoryEntry = Out<Api['documents']['history']['query']>['items'][number]
export type RevisionDiff = Out<Api['documents']['diff']['query']>
export type DiffLine = RevisionDiff['lines'][number]
export type DocumentKind = DocumentView['kind']

// The limits alone: importing them brings no zod into a page that checks no form.
export { DOCUMENT_KIND_NAMES as KIND_NAMES } from '@appg-hub/schemas/limits'

export const LINK_TYPE_NAMES: Record<string, string> = {
  briefing_for: 'Briefing for',
  minutes_of: 'Minutes of',
  references: 'References',
  supersedes: 'Supersedes',
}

export const BACKLINK_TYPE_NAMES: Record<string, string> = {
  briefing_for: 'Has briefing',
  minutes_of: 'Has minutes',
  references: 'Referred to by',
  supersedes: 'Superseded by',
}

export const ITEM_NAMES: Record<string, string> = { topic: 'Topic', meeting: 'Session', document: 'Document' }

/** Whether a text still holds conflict markers left from a merge. */
export function hasConflictMarkers(text: string): boolean {
  return /^(<<<<<<< yours|=======|>>>>>>> theirs)$/m.test(text)
}
