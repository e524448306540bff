// @vitest-environment node
// Measures the built client (not timing): the Register page's first-load JavaScript stays within budget.
import { beforeAll, describe, expect, it } from 'vitest'
import { buildClientIfStale } from '../../../tests/support/e2e'
import { firstLoad, htmlScripts, REGISTER_FIRST_LOAD_LIMIT } from './first-load.mjs'

describe('first-load JavaScript of the built client', () => {
  beforeAll(() => buildClientIfStale(), 240_000)

  it('is within 40 KB gzipped for the Register page (index.html, its preloads, the page chunk)', () => {
    const { pages, shell } = firstLoad()
    const register = pages.find((p) => p.page === 'Register')
    expect(register, 'the Register page is its own chunk').toBeDefined()
    expect(register?.own).toBeGreaterThan(0)
    expect(shell).toBeGreaterThan(0)
    expect(register?.total).toBeLessThanOrEqual(REGISTER_FIRST_LOAD_LIMIT)
  })

  it('splits the client by page: no page is in the shell', () => {
    const { pages } = firstLoad()
    expect(pages.length).toBeGreaterThanOrEqual(25)
    for (const p of pages) expect(p.own, p.page).toBeGreaterThan(0)
  })

  it('reads the scripts and preloads of an index.html', () => {
    const html =
      '<script type="module" crossorigin src="/assets/index-a.js"></script>' +
      '<link rel="modulepreload" crossorigin href="/assets/solid-b.js">' +
      '<link rel="stylesheet" href="/assets/index-c.css">'
    expect(htmlScripts(html)).toEqual(['assets/index-a.js', 'assets/solid-b.js'])
  })
})
