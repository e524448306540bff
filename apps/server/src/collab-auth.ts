/**
 * Admission to a document's live editing, the same on Node and on Workers: the path, the same-
 * origin check, then the caller (the sign-in cookie, read as `authenticate` reads it for every other
 * route: upgrades are taken before the Hono app) and their rights (core's `collabMode`). A refusal
 * is an HTTP answer given instead of the upgrade, so a refused caller is sent no document content.
 */
import type { Actor } from '@appg-hub/core'
import { type CollabMode, collabMode } from '@appg-hub/core/collab/access'
import { type AuthDeps, headerCookies, signInAuth } from './authenticate'
import { isSameOrigin } from './security'

export const COLLAB_PATH = /^\/collab\/documents\/([A-Za-z0-9_-]{1,36})$/

/** The document id of a live-editing address, or null. */
export function collabDocumentId(pathname: string): string | null {
  return COLLAB_PATH.exec(pathname)?.[1] ?? null
}

export type UpgradeDecision =
  | { ok: true; actor: Actor; mode: CollabMode; documentId: string; token: string }
  | { ok: false; status: 400 | 401 | 403 | 404 | 426; message: string }

export async function admitUpgrade(deps: AuthDeps, url: string, headers: Headers): Promise<UpgradeDecision> {
  const documentId = collabDocumentId(new URL(url).pathname)
  if (!documentId) return { ok: false, status: 404, message: 'Not found.' }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket')
    return { ok: false, status: 426, message: 'Connect with a WebSocket.' }
  if (!isSameOrigin(headers, url, deps.config.publicUrl))
    return { ok: false, status: 403, message: 'Cross-site requests are refused.' }
  const auth = signInAuth(deps, headerCookies(headers))
  const actor = await auth.getActor()
  if (!actor || !auth.signInToken) return { ok: false, status: 401, message: 'Sign in to edit documents.' }
  const mode = await collabMode(deps.db, actor, documentId)
  if (!mode) return { ok: false, status: 403, message: 'You cannot take part in editing that document.' }
  return { ok: true, actor, mode, documentId, token: auth.signInToken }
}
