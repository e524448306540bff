import { incrementCounter } from '@appg-hub/db'
import { describe, expect } from 'vitest'
import { dialects, hubTest } from '../support/hub-test'
import { QueryCounter } from '../support/query-counter'

/** The rate limits' counter: one statement per increment, the right count on each dialect. */
describe.each(dialects())('the rate counter on $name', (dialect) => {
  const it = hubTest(dialect)

  it('counts up within a window, starts again in a new one, in one statement each', async ({ db }) => {
    const counter = new QueryCounter()
    const counted = db.withPlugin(counter)
    const counts: number[] = []
    let queries = 0
    for (const [window, by] of [
      ['2026-01-01T10:00:00.000Z', 1],
      ['2026-01-01T10:00:00.000Z', 1],
      ['2026-01-01T10:00:00.000Z', 5],
      ['2026-01-01T11:00:00.000Z', 2],
      ['2026-01-01T11:00:00.000Z', 1],
    ] as const) {
      queries += await counter.measure(async () => {
        counts.push(await incrementCounter(counted, 'tests|someone', window, by))
      })
    }
    expect(counts).toEqual([1, 2, 7, 2, 3])
    expect(queries).toBe(5)
    // Another key keeps its own count.
    expect(await incrementCounter(db, 'tests|someone else', '2026-01-01T11:00:00.000Z')).toBe(1)
  })
})
