import type { DocumentTable } from '@appg-hub/db'

import { DOCUMENT_KINDS as SHARED_KINDS } from '@appg-hub/schemas'

export { DOCUMENT_KIND_NAMES, MAX_DOCUMENT_CHARS } from '@appg-hub/schemas'
export type DocumentKind = DocumentTable['kind']
/** The shared list, checked here against the database's own type. */
export const DOCUMENT_KINDS = SHARED_KINDS satisfies readonly DocumentKind[]
/** How long a presence entry counts: the editor touches it every ~10 s. */
export const PRESENCE_TTL_MS = 30_000
export const HISTORY_PAGE_SIZE = 50
export const DOCUMENT_PAGE_SIZE = 20
