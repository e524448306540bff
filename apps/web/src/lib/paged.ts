/**
 * A list read page by page with opaque cursors (docs/architecture.md §6): the first page loads when the source
 * changes, "Show more" appends the next, and `reload` fetches again as many pages as are shown.
 */
import { type Accessor, batch, createEffect, createSignal, on, untrack } from 'solid-js'

export interface Page<T> {
  items: T[]
  nextCursor: string | null
}

export interface PagedList<T> {
  items: Accessor<T[]>
  hasMore: Accessor<boolean>
  /** True until the first page arrived (and while the source changes or is not known yet). */
  loading: Accessor<boolean>
  loadingMore: Accessor<boolean>
  error: Accessor<unknown>
  /** Appends the next page; resolves to the number of new items. */
  showMore(): Promise<number>
  /** Loads the shown pages again (after a change), keeping the list on screen meanwhile. */
  reload(): Promise<void>
  mutate(fn: (items: T[]) => T[]): void
}

export function createPagedList<S, T>(
  source: Accessor<S | false | null | undefined>,
  fetchPage: (source: S, cursor: string | null) => Promise<Page<T>>,
): PagedList<T> {
  const [items, setItems] = createSignal<T[]>([])
  const [cursor, setCursor] = createSignal<string | null>(null)
  const [loading, setLoading] = createSignal(true)
  const [loadingMore, setLoadingMore] = createSignal(false)
  const [error, setError] = createSignal<unknown>()
  let pages = 0
  let sequence = 0

  async function load(value: S, pageCount: number) {
    const mine = ++sequence
    try {
      let all: T[] = []
      let next: string | null = null
      let loaded = 0
      do {
        const page = await fetchPage(value, next)
        if (mine !== sequence) return
        all = [...all, ...page.items]
        next = page.nextCursor
        loaded++
      } while (next && loaded < pageCount)
      batch(() => {
        setItems(all)
        setCursor(next)
        setError(undefined)
      })
      pages = loaded
    } catch (caught) {
      if (mine === sequence) setError(() => caught)
    } finally {
      if (mine === sequence) setLoading(false)
    }
  }

  createEffect(
    on(source, (value) => {
      // No source yet (the session is loading): keep showing that the list is on its way.
      if (value === false || value === null || value === undefined) {
        sequence++
        return
      }
      setLoading(true)
      setItems([])
      setCursor(null)
      void load(value, 1)
    }),
  )

  return {
    items,
    hasMore: () => cursor() !== null,
    loading,
    loadingMore,
    error,
    async showMore() {
      const value = untrack(source)
      const from = cursor()
      if (loadingMore() || !from || value === false || value === null || value === undefined) return 0
      const mine = sequence
      setLoadingMore(true)
      try {
        const page = await fetchPage(value, from)
        if (mine !== sequence) return 0
        batch(() => {
          setItems([...items(), ...page.items])
          setCursor(page.nextCursor)
        })
        pages++
        return page.items.length
      } catch (caught) {
        setError(() => caught)
        return 0
      } finally {
        setLoadingMore(false)
      }
    },
    async reload() {
      const value = untrack(source)
      if (value === false || value === null || value === undefined) return
      await load(value, Math.max(1, pages))
    },
    mutate(fn) {
      setItems(fn(items()))
    },
  }
}
