/**
 * Whatever a person types, the engine is never handed a query it cannot parse: fast-check throws
 * arbitrary strings (and strings made of every engine's operators) at search.query on each
 * database, whose FTS5 or FULLTEXT would answer a syntax error with an exception.
 */
import { fakeClock, searchHub } from '@appg-hub/core'
import fc from 'fast-check'
import { describe } from 'vitest'
import { testConfig } from '../support/fixtures'
import { dialects, hubTest } from '../support/hub-test'

const OPERATORS = [
  '"',
  '-',
  '+',
  '*',
  '~',
  '<',
  '>',
  '(',
  ')',
  '@',
  ':',
  '^',
  'AND',
  'OR',
  'NOT',
  'NEAR',
  ' ',
  "'",
  '\\',
  '%',
  '_',
  '\u0000',
  'é',
  '日',
]

describe.each(dialects())('search syntax on $name', (dialect) => {
  const it = hubTest(dialect)

  it('no input throws or reaches the engine as bad syntax', async ({ db }) => {
    const world = await db
      .selectFrom('person')
      .select('id')
      .where('is_site_admin', '=', 1)
      .executeTakeFirstOrThrow()
    const ctx = {
      db,
      clock: fakeClock(),
      config: testConfig,
      actor: { id: world.id, email: null, displayName: 'Admin', kind: 'other' as const, isSiteAdmin: true },
    }
    const word = fc.oneof(
      fc.constantFrom(...OPERATORS),
      fc.string({ maxLength: 6 }),
      fc.constantFrom('alpha', 'discuss', 'beta'),
    )
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 100 }),
          fc.array(word, { maxLength: 12 }).map((w) => w.join('')),
        ),
        async (q) => {
          await searchHub(ctx, { q })
        },
      ),
      { numRuns: 300 },
    )
  })
})
