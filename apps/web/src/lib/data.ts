/**
 * The client's one way to read and one way to write, on @solidjs/router's data APIs:
 *
 * - a read is a router `query` named for its procedure (`topics.get`): the same read asked twice at
 *   once is one request, a read in use is served from the cache, and `revalidate` fetches it again;
 * - a write is a router `action` (its submission gives busy, result and error); when it completes the
 *   router revalidates the reads it names, and the caller refetches what it shows (`refetch`, which
 *   revalidates that read for every part of the page that shows it).
 *
 * Reads never throw into the component tree and never suspend it: a part of the page shows its own
 * "Loading…" and its own error, and keeps what it showed while it reloads.
 */
import { action, createAsync, query, revalidate, useAction, useSubmission } from '@solidjs/router'
import { type Accessor, batch, createMemo, createSignal, untrack } from 'solid-js'
import { errorInfo } from './errors'

type Source<S> = Accessor<S | false | null | undefined>
const absent = <S>(value: S | false | null | undefined): value is false | null | undefined =>
  value === false || value === null || value === undefined
/** Sources are compared by value: an accessor may build a new object each time it is called. */
const sameKey = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b)

/**
 * The router's cached function for a read. The cache is keyed by `name` and the arguments, so one
 * name must always mean one fetch: callers that fetch differently use different names.
 */
function reader<S, T>(name: string, fetcher: (source: S) => Promise<T>) {
  return query(fetcher, name) as unknown as ((source: S) => Promise<T>) & {
    key: string
    keyFor(source: S): string
  }
}

/** Revalidates a procedure's reads (every argument), e.g. after a change made outside an action. */
export function revalidateReads(...names: string[]) {
  return revalidate(names)
}

export interface Read<T> {
  data: Accessor<T | undefined>
  error: Accessor<unknown>
  /** True until the first answer for the current source arrived. */
  loading: Accessor<boolean>
  /** Fetches this read again (and every other caller's of the same read). */
  refetch(): Promise<void>
  /** Shows a value the page already has (a write answered with it) until the next answer. */
  mutate(value: T | undefined): void
}

/** Resolves waiters after the answer is on the page (the resource commits it in a later microtask). */
function settle(waiters: (() => void)[]) {
  if (waiters.length > 0)
    setTimeout(() => {
      for (const resolve of waiters) resolve()
    }, 0)
}

type Outcome<T> = { key: unknown; value?: T; error?: unknown }

/**
 * A read for a part of the page. `name` is the procedure (the cache key with `source`); `fetcher` must
 * depend on `source` only. Nothing is fetched while `source` is false, null or undefined.
 */
export function createRead<S, T>(
  name: string,
  source: Source<S>,
  fetcher: (source: S) => Promise<T>,
): Read<T> {
  const read = reader(name, fetcher)
  const [local, setLocal] = createSignal<{ value: T | undefined }>()
  const [version, setVersion] = createSignal(0)
  let waiters: (() => void)[] = []
  const outcome = createAsync<Outcome<T> | null>(
    async () => {
      version()
      const value = source()
      if (absent(value)) return null
      // Called before any await, so that the router tracks this read and revalidates it after actions.
      const pending = read(value)
      try {
        return { key: value, value: await pending }
      } catch (error) {
        return { key: value, error }
      } finally {
        setLocal(undefined)
        settle(waiters)
        waiters = []
      }
    },
    // An initial value makes `latest` answer at once: the read never suspends the page around it.
    { initialValue: null },
  )
  const current = createMemo(() => {
    const o = outcome.latest
    const value = source()
    return o && !absent(value) && sameKey(o.key, value) ? o : null
  })
  return {
    data: () => (local() ? local()!.value : (outcome.latest?.value ?? undefined)),
    error: () => current()?.error,
    loading: () => !absent(source()) && current() === null,
    refetch: async () => {
      const value = untrack(source)
      if (absent(value)) return
      // Fetched again now, outside a transition, and resolved once the new answer is on the page.
      const arrived = new Promise<void>((resolve) => waiters.push(resolve))
      query.delete(read.keyFor(value))
      setVersion((v) => v + 1)
      await arrived
    },
    mutate: (value) => setLocal({ value }),
  }
}

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedRead<T> {
  items: Accessor<T[]>
  hasMore: Accessor<boolean>
  /** True until the first page arrived (and while the source changes or is not known yet). */
  loading: Accessor<boolean>
  loadingMore: Accessor<boolean>
  error: Accessor<unknown>
  /** Appends the next page; resolves to the number of new items. */
  showMore(): Promise<number>
  /** Loads the shown pages again, keeping the list on screen meanwhile. */
  reload(): Promise<void>
  /** Shows the list changed by the page (marked read) until the next answer. */
  mutate(fn: (items: T[]) => T[]): void
}

type Pages<T> = {
  key: unknown
  version: number
  pages: number
  items: T[]
  next: string | null
  error?: unknown
}

/**
 * A list read page by page with opaque cursors (docs/architecture.md §6), each page a cached read
 * `name(source, cursor)`. "Show more" fetches only the next page; a revalidation (after an action)
 * fetches again as many pages as are shown.
 */
export function createPagedRead<S, T>(
  name: string,
  source: Source<S>,
  fetchPage: (source: S, cursor: string | null) => Promise<Page<T>>,
): PagedRead<T> {
  const read = reader(name, ({ source, cursor }: { source: S; cursor: string | null }) =>
    fetchPage(source, cursor),
  )
  const [wanted, setWanted] = createSignal({ key: undefined as unknown, pages: 1 })
  const [version, setVersion] = createSignal(0)
  let reloaded: (() => void)[] = []
  const [local, setLocal] = createSignal<T[]>()
  /** Resolves "Show more" with the number of items the next answer added. */
  let arrived: ((added: number) => void) | undefined
  // After the answer is on the page (the resource commits it in a later microtask), so that the
  // caller can move focus to the first new item.
  const settleMore = (added: number) => {
    const done = arrived
    arrived = undefined
    if (done) setTimeout(() => done(added), 0)
  }
  const pagesFor = (value: S) => {
    const w = wanted()
    return sameKey(w.key, value) ? w.pages : 1
  }
  const list = createAsync<Pages<T> | null>(
    async (prev) => {
      const reload = version() !== prev?.version
      const value = source()
      if (absent(value)) return null
      const pages = pagesFor(value)
      const more =
        !reload && prev && sameKey(prev.key, value) && !prev.error && prev.pages === pages - 1 && prev.next
      // One more page on "Show more"; otherwise (a new source, a revalidation) the shown pages again.
      let items: T[] = more ? prev.items : []
      let next: string | null = more ? prev.next : null
      let loaded = more ? prev.pages : 0
      try {
        let pending = read({ source: value, cursor: next })
        do {
          const page = await pending
          items = [...items, ...page.items]
          next = page.nextCursor
          loaded++
          if (next && loaded < pages) pending = read({ source: value, cursor: next })
        } while (next && loaded < pages)
        settleMore(more ? items.length - prev!.items.length : 0)
        return { key: value, version: untrack(version), pages: loaded, items, next }
      } catch (error) {
        settleMore(0)
        return { key: value, version: untrack(version), pages: loaded, items, next, error }
      } finally {
        setLocal(undefined)
        settle(reloaded)
        reloaded = []
      }
    },
    { initialValue: null },
  )
  const current = createMemo(() => {
    const l = list.latest
    const value = source()
    return l && !absent(value) && sameKey(l.key, value) ? l : null
  })
  const [loadingMore, setLoadingMore] = createSignal(false)
  const items = () => local() ?? current()?.items ?? []
  return {
    items,
    hasMore: () => Boolean(current()?.next),
    loading: () => current() === null,
    loadingMore,
    error: () => current()?.error,
    async showMore() {
      const value = untrack(source)
      const shown = untrack(current)
      if (untrack(loadingMore) || absent(value) || !shown?.next) return 0
      setLoadingMore(true)
      const added = new Promise<number>((resolve) => {
        arrived = resolve
      })
      setWanted({ key: value, pages: shown.pages + 1 })
      try {
        return await added
      } finally {
        setLoadingMore(false)
      }
    },
    async reload() {
      if (absent(untrack(source))) return
      // Every shown page fetched again now, outside a transition; resolved once they are on the page.
      const arrived = new Promise<void>((resolve) => reloaded.push(resolve))
      revalidate(read.key, true)
      setVersion((v) => v + 1)
      await arrived
    },
    mutate(fn) {
      batch(() => setLocal(fn(untrack(items))))
    },
  }
}

export interface Actions {
  /** The key of the action under way, if any. */
  busy: () => string | null
  message: () => string | null
  error: () => string | null
  /**
   * Runs `write` (an API call) as a router action unless another of this part's is under way; its result
   * (a sentence) becomes the message. The router revalidates the page's reads when it completes.
   * Resolves to true when it succeeded.
   */
  run(key: string, write: () => Promise<string | null>): Promise<boolean>
  clear(): void
}

let actionCount = 0

/** The buttons of one part of the page: one write at a time, with its outcome as a message or an error. */
export function useActions(): Actions {
  // A name of its own, so that this part's submission is not another part's.
  const act = action(
    async (_key: string, write: () => Promise<string | null>) => write(),
    `actions-${++actionCount}`,
  )
  const submission = useSubmission(act)
  const call = useAction(act)
  return {
    busy: () => (submission.pending ? ((submission.input?.[0] as string | undefined) ?? null) : null),
    message: () => (submission.pending ? null : ((submission.result as string | null | undefined) ?? null)),
    error: () => (submission.error && !submission.pending ? errorInfo(submission.error).message : null),
    async run(key, write) {
      if (untrack(() => submission.pending)) return false
      try {
        await call(key, write)
        return true
      } catch {
        return false
      }
    },
    clear: () => submission.clear?.(),
  }
}
