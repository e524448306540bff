/**
 * Finding a group in the Register by name, as you type (inviting groups to a topic or a session).
 * One read for both: the same words asked twice are one request, and asked again they come from the
 * cache. Its own name, because the Register page reads `register.list` by pages with other arguments.
 */
import type { Accessor } from 'solid-js'
import { createRead } from './data'
import { api, type GroupSummary } from './trpc'

/** Fewer letters than this find too much to be of use. */
export const MIN_SEARCH_LENGTH = 2
const LIMIT = 8

export interface GroupSearch {
  /** The groups found for the words as they are now; null while there are none to search for, or searching. */
  items: Accessor<GroupSummary[] | null>
  searching: Accessor<boolean>
  error: Accessor<unknown>
}

export function createGroupSearch(words: Accessor<string>): GroupSearch {
  const source = () => {
    const q = words().trim()
    return q.length >= MIN_SEARCH_LENGTH && { q, limit: LIMIT }
  }
  const read = createRead('register.list.byName', source, (input) => api.register.list.query(input))
  return {
    // The read keeps its last answer when the words are cleared; the search shows nothing then.
    items: () => (source() && !read.loading() ? (read.data()?.items ?? null) : null),
    searching: read.loading,
    error: read.error,
  }
}
