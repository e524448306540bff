/**
 * Who may join a document's live editing. Editors (the chair, officers and secretariats of the
 * writing groups) read and write; the writing groups' other people (and site administrators)
 * follow read-only; nobody else: the live text is a working draft, which the public never reads
 * even when an earlier version is published.
 */
import type { Db } from '@appg-hub/db'
import type { Actor } from '../context'
import { DomainError } from '../errors'
import { loadItem } from '../items/load'
import { can } from '../policy'

export type CollabMode = 'read-write' | 'read-only'

export async function collabMode(db: Db, actor: Actor, documentId: string): Promise<CollabMode | null> {
  try {
    const item = await loadItem(db, actor, 'document', documentId)
    if (!can(item.access, 'item.read')) return null
    if (can(item.access, 'item.edit')) return 'read-write'
    return item.access.role || item.access.isSiteAdmin ? 'read-only' : null
  } catch (error) {
    if (error instanceof DomainError && error.code === 'NOT_FOUND') return null
    throw error
  }
}
