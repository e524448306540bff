/** Opaque cursors (docs/architecture.md §6): the client hands back what it was given and learns nothing from it. */

import { badRequest } from './errors'

export { MAX_PAGE_SIZE } from '@appg-hub/schemas'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

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

/** A cursor for a list ordered by (sort key, id), such as (last activity, id). */
export function encodeKeyCursor(key: string, id: string): string {
  return encodeCursor(JSON.stringify([key, id]))
}

/** Undefined for a missing cursor; anything but what `encodeKeyCursor` made is a BAD_REQUEST. */
export function decodeKeyCursor(cursor: string | null | undefined): { key: string; id: string } | undefined {
  const text = decodeCursor(cursor)
  if (text === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    value = null
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    typeof value[0] !== 'string' ||
    typeof value[1] !== 'string'
  ) {
    throw badRequest('That page link is not valid; start again from the first page.', 'cursor')
  }
  return { key: value[0], id: value[1] }
}
