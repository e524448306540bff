/**
 * Who may join a document's live editing. Editors (the chair, officers and secretariats of the
 * writing groups) read and write; the writing groups' other people (and site administrators)
 * follow read-only; nobody else: the live text is a working draft, which the public never reads
 * even when an earlier version is published.
 */
import type { Db } from '@appg-hub/db'
import { toActor } from '../auth/accounts'
import { validateSessionToken } from '../auth/session'
import type { Clock } from '../clock'
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

export type CollabAdmission =
  | { ok: true; actor: Actor; mode: CollabMode }
  | { ok: false; status: 401 | 403; message: string }

/** The session token (from the cookie) and the document decide; the caller checked the origin. */
export async function admitToCollab(
  db: Db,
  clock: Clock,
  token: string | null,
  documentId: string,
): Promise<CollabAdmission> {
  const session = token ? await validateSessionToken({ db, clock }, token) : null
  if (!session) return { ok: false, status: 401, message: 'Sign in to edit documents.' }
  const actor = toActor(session.person)
  const mode = await collabMode(db, actor, documentId)
  if (!mode) return { ok: false, status: 403, message: 'You cannot take part in editing that document.' }
  return { ok: true, actor, mode }
}
