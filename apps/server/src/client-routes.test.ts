import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { CLIENT_ROUTES } from '@appg-hub/web/routes'
import { describe, expect, it } from 'vitest'
import { cacheControlFor, classifyPath } from './client-routes'

describe('the client routes the server knows', () => {
  it('are exactly the routes of App.tsx (besides its catch-all not-found page)', () => {
    const app = readFileSync(fileURLToPath(new URL('../../web/src/App.tsx', import.meta.url)), 'utf8')
    const routed = [...app.matchAll(/<Route path="([^"]+)"/g)].map((m) => m[1]).filter((p) => p !== '*404')
    expect([...routed].sort()).toEqual(CLIENT_ROUTES.map((r) => r.path).sort())
  })

  it('tell a page from an unknown page and from a missing file', () => {
    const demo = { demoMode: true }
    for (const path of [
      '/',
      '/register',
      '/groups/cancer',
      '/groups/cancer/sessions/new',
      '/join/abc',
      '/register/',
    ])
      expect(classifyPath(path, demo), path).toBe('page')
    for (const path of ['/nope', '/groups', '/groups/cancer/nope', '/topics', '/admin/x'])
      expect(classifyPath(path, demo), path).toBe('unknown-page')
    for (const path of ['/assets/index-abc.js', '/assets/index-abc.js.map', '/x/calendar.ics', '/robots.txt'])
      expect(classifyPath(path, demo), path).toBe('missing-file')
  })

  it('has the mailbox page in demo mode only', () => {
    expect(classifyPath('/mailbox', { demoMode: true })).toBe('page')
    expect(classifyPath('/mailbox', { demoMode: false })).toBe('unknown-page')
  })

  it('caches hashed assets for a year and everything else not without asking', () => {
    expect(cacheControlFor('/assets/index-abc.js')).toBe('public, max-age=31536000, immutable')
    expect(cacheControlFor('/favicon.svg')).toBe('no-cache')
    expect(cacheControlFor('/')).toBe('no-cache')
  })
})
