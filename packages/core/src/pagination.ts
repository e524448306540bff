/** Opaque cursors (DESIGN §6): the client hands back what it was given and learns nothing from it. */
import { badRequest } from './errors'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export const MAX_PAGE_SIZE = 100

export function encodeCursor(value: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte)
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '')
}

/** Undefined for a missing cursor; a cursor that was not made here is a BAD_REQUEST. */
export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (!cursor) return undefined
  try {
    const binary = atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))
    return new TextDecoder('utf-8', { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))
  } catch {
    throw badRequest('That page link is not valid; start again from the first page.', 'cursor')
  }
}
