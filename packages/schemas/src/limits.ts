/**
 * The limits and choices that the API's inputs and the domain rules share. They live here, below
 * the server, so that a form in the browser checks the same numbers the server does.
 */

/** The item types that groups work on together (a meeting is a "session" outside the schema). */
export const ITEM_TYPES = ['topic', 'meeting', 'document'] as const
export const VISIBILITIES = ['participants', 'public'] as const
export const ROLES = ['chair', 'officer', 'secretariat', 'member', 'observer'] as const
export const PERSON_KINDS = ['mp', 'peer', 'staff', 'secretariat', 'other'] as const

export const PASSWORD_MAX_LENGTH = 200
export const MAX_PAGE_SIZE = 100

export const TOPIC_STATUSES = ['open', 'closed', 'archived'] as const
export const MAX_TOPIC_TAGS = 8
export const MAX_SUGGESTIONS = 50

export const DOCUMENT_KINDS = ['briefing', 'report', 'minutes', 'work_programme', 'notes'] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]
/** How each kind is named to people, on the page and in exported files. */
export const DOCUMENT_KIND_NAMES: Record<DocumentKind, string> = {
  briefing: 'Briefing',
  report: 'Report',
  minutes: 'Minutes',
  work_programme: 'Work programme',
  notes: 'Notes',
}
/** About 3.3 times the ~300 KB of a 100-page report. */
export const MAX_DOCUMENT_CHARS = 1_000_000
export const LINK_TYPES = ['briefing_for', 'minutes_of', 'references', 'supersedes'] as const

export const SIGNUP_CHOICES = ['going', 'maybe', 'not_going'] as const
export const MAX_COMMENT_LENGTH = 10_000
export const MAX_HIDE_REASON_LENGTH = 500
export const MAX_GROUPS_PER_SEND = 20
export const EMAIL_PREFERENCES = ['immediate', 'digest', 'none'] as const
export const ATTACHMENT_TARGETS = ['topic', 'meeting', 'document', 'comment'] as const

export const SEARCH_DOC_TYPES = ['group', 'topic', 'session', 'document', 'comment'] as const
export const MAX_QUERY_LENGTH = 500
export const SEARCH_MAX_PAGE_SIZE = 50

/** What a person types to confirm erasing their account. */
export const ERASE_CONFIRMATION = 'erase my account'
