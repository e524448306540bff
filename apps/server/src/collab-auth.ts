/**
 * Admission to a document's live editing, the same on Node and on Workers: the path, the same-
 * origin check, then the session cookie and the person's rights (core's `admitToCollab`). A refusal
 * is an HTTP answer given instead of the upgrade, so a refused caller is sent no document content.
 */
import { readCookie } from '@appg-hub/api'
import { type Clock, type HubConfig, SESSION_COOKIE } from '@appg-hub/core'
import { admitToCollab, type CollabAdmission } from '@appg-hub/core/collab/access'
import type { Db } from '@appg-hub/db'
import { isSameOrigin } from './security'

export const COLLAB_PATH = /^\/collab\/documents\/([A-Za-z0-9_-]{1,36})$/

/** The document id of a live-editing address, or null. */
export function collabDocumentId(pathname: string): string | null {
  return COLLAB_PATH.exec(pathname)?.[1] ?? null
}

export type UpgradeDecision =
  | (CollabAdmission & { ok: true; documentId: string; token: string })
  | { ok: false; status: 400 | 401 | 403 | 404 | 426; message: string }

export async function admitUpgrade(
  deps: { db: Db; clock: Clock; config: HubConfig },
  url: string,
  headers: Headers,
): Promise<UpgradeDecision> {
  const documentId = collabDocumentId(new URL(url).pathname)
  if (!documentId) return { ok: false, status: 404, message: 'Not found.' }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket')
    return { ok: false, status: 426, message: 'Connect with a WebSocket.' }
  if (!isSameOrigin(headers, url, deps.config.publicUrl))
    return { ok: false, status: 403, message: 'Cross-site requests are refused.' }
  const token = readCookie(headers.get('cookie'), SESSION_COOKIE)
  const admission = await admitToCollab(deps.db, deps.clock, token, documentId)
  if (!admission.ok) return admission
  return { ...admission, documentId, token: token! }
}
