/**
 * A small data-loading primitive: loads when its source changes, keeps the last value while
 * reloading, and never throws into the component tree (errors are a signal to show).
 */
import { type Accessor, createEffect, createSignal, on, untrack } from 'solid-js'

export interface Query<T> {
  data: Accessor<T | undefined>
  error: Accessor<unknown>
  loading: Accessor<boolean>
  refetch(): Promise<void>
  /** Replaces the data in place (after a mutation that returned the new state). */
  mutate(value: T | undefined): void
}

export function createQuery<S, T>(
  source: Accessor<S | false | null | undefined>,
  fetcher: (source: S) => Promise<T>,
): Query<T> {
  const [data, setData] = createSignal<T>()
  const [error, setError] = createSignal<unknown>()
  const [loading, setLoading] = createSignal(true)
  let sequence = 0

  async function run(value: S | false | null | undefined) {
    const mine = ++sequence
    if (value === false || value === null || value === undefined) {
      setLoading(false)
      return
    }
    setLoading(true)
    try {
      const result = await fetcher(value)
      if (mine !== sequence) return
      setError(undefined)
      setData(() => result)
    } catch (caught) {
      if (mine !== sequence) return
      setError(() => caught)
    } finally {
      if (mine === sequence) setLoading(false)
    }
  }

  createEffect(on(source, (value) => void run(value)))
  return {
    data,
    error,
    loading,
    refetch: () => run(untrack(source)),
    mutate: (value) => setData(() => value),
  }
}
