/**
 * Answers derived only from the Register (the group list, search, the tag counts) change only when
 * the Register is imported, which bumps the `register` cache version in the same transaction. So
 * they are kept in memory per database, keyed by that version: a request costs one primary-key
 * read of the version instead of the query, and an import in any process is seen at once.
 */
import { type Db, readCacheVersion } from '@appg-hub/db'

/** Enough for every page of the list and the common searches; searches beyond are evicted, oldest first. */
const MAX_ENTRIES = 500

interface Entries {
  version: number
  answers: Map<string, Promise<unknown>>
}

const byDatabase = new WeakMap<Db, Entries>()

/**
 * The answer for `key` at the current Register version, loading it at most once per version
 * (concurrent callers share one load). Answers are shared between callers: never mutate them.
 */
export async function registerCached<T>(
  db: Db,
  key: string,
  load: () => Promise<T>,
  /** The version when the caller has just read it (the HTTP cache does), saving a round trip. */
  knownVersion?: number,
): Promise<T> {
  const version = knownVersion ?? (await readCacheVersion(db, 'register'))
  let entries = byDatabase.get(db)
  if (!entries || entries.version < version) {
    entries = { version, answers: new Map() }
    byDatabase.set(db, entries)
  }
  const hit = entries.answers.get(key)
  if (hit) {
    // Most recently used last, so that eviction takes the oldest.
    entries.answers.delete(key)
    entries.answers.set(key, hit)
    return hit as Promise<T>
  }
  const answer = load()
  // A reader that saw an older version (an import committed meanwhile) does not store its answer.
  if (entries.version === version) {
    entries.answers.set(key, answer)
    if (entries.answers.size > MAX_ENTRIES) entries.answers.delete(entries.answers.keys().next().value!)
    answer.catch(() => entries.answers.delete(key))
  }
  return answer
}
