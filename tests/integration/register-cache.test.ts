import { listGroups, listTags } from '@appg-hub/core'
import { importRegister } from '@appg-hub/register'
import { describe, expect } from 'vitest'
import { dialects, hubTest } from '../support/hub-test'

/** One line of a Register edition, as small as the import accepts. */
function line(slug: string, title: string, edition = '260601') {
  return JSON.stringify({
    slug,
    title,
    purpose: `To discuss ${slug}.`,
    category: 'Subject Group',
    parliament: 'uk',
    officers: [
      { role: 'Chair', name: 'Jane Doe', party: 'Labour', twfy_id: null, mnis_id: null, removed: false },
    ],
    contact_details: {},
    registrable_benefits: null,
    detailed_benefits: [],
    index_date: edition,
    categories: [],
  })
}

/**
 * The Register's answers are cached in memory until the Register changes: an import (in this
 * process or another, through the database's cache version) is seen by the very next read.
 */
describe.each(dialects())('the Register cache on $name', (dialect) => {
  const it = hubTest(dialect, { world: null })

  it('serves a second read from memory and sees an import at once', async ({ db }) => {
    await importRegister(db, { lines: [line('alpha', 'APPG on Alpha'), line('beta', 'APPG on Beta')] })
    const first = await listGroups({ db }, { limit: 20 })
    expect(first.items.map((g) => g.title)).toEqual(['APPG on Alpha', 'APPG on Beta'])
    expect(first.total).toBe(2)
    expect(await listGroups({ db }, { limit: 20 })).toBe(first)

    await importRegister(db, {
      lines: [line('alpha', 'APPG on Alpha Renamed', '260701'), line('gamma', 'APPG on Gamma', '260701')],
    })
    const after = await listGroups({ db }, { limit: 20 })
    expect(after.items.map((g) => [g.slug, g.title])).toEqual([
      ['alpha', 'APPG on Alpha Renamed'],
      ['gamma', 'APPG on Gamma'],
    ])
    expect(after.total).toBe(2)
  })

  it('keeps a page, the count and the cursor consistent', async ({ db }) => {
    const slugs = Array.from({ length: 7 }, (_, i) => `group-${i}`)
    await importRegister(db, { lines: slugs.map((s) => line(s, `APPG on ${s}`)) })
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await listGroups({ db }, { limit: 3, cursor })
      expect(page.total).toBe(7)
      seen.push(...page.items.map((g) => g.slug))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(slugs)
    const none = await listGroups({ db }, { q: 'no such words', limit: 3 })
    expect(none).toEqual({ items: [], nextCursor: null, total: 0 })
    expect(await listTags({ db })).toEqual([])
  })
})
