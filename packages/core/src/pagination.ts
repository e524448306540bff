/** Opaque cursors (docs/architecture.md §6): the client hands back what it was given and learns nothing from it. */

import { type SelectQueryBuilder, sql } from 'kysely'
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

/** A list ordered by a sort key and the row's id (to break ties), both as column references. */
export interface KeysetOrder {
  key: string
  id: string
  direction: 'asc' | 'desc'
}

/**
 * The one way a list is paged: orders the query by (key, id), starts after the cursor's row, and
 * reads one row more than the page so that `splitPage` knows whether another page follows.
 */
export function keysetPage<DB, TB extends keyof DB, O>(
  query: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  cursor: string | null | undefined,
  size: number,
): SelectQueryBuilder<DB, TB, O> {
  const after = decodeKeyCursor(cursor)
  const key = sql.ref<string>(order.key)
  const id = sql.ref<string>(order.id)
  const paged = query
    .orderBy(key, order.direction)
    .orderBy(id, order.direction)
    .limit(size + 1)
  if (!after) return paged
  const op = order.direction === 'asc' ? '>' : '<'
  return paged.where((eb) =>
    eb.or([eb(key, op, after.key), eb.and([eb(key, '=', after.key), eb(id, op, after.id)])]),
  )
}

/** The page's rows (without the extra one) and the cursor of the next page, if there is one. */
export function splitPage<R>(
  rows: R[],
  size: number,
  keyOf: (row: R) => [key: string, id: string],
): { rows: R[]; nextCursor: string | null } {
  const page = rows.slice(0, size)
  const last = page[page.length - 1]
  return { rows: page, nextCursor: rows.length > size && last ? encodeKeyCursor(...keyOf(last)) : null }
}
