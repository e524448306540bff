/** The Worker entry, called directly: its settings, demo mode and static answers (the edge suite runs it on workerd). */
import type { ExecutionContext } from 'hono'
import { describe, expect, it } from 'vitest'
import worker, { type Env } from './worker'

const INDEX = '<!doctype html><script type="module" crossorigin src="/assets/index-abc.js"></script>'

/** The ASSETS binding with `not_found_handling = "none"`: the files it has, else 404. */
const assets: Env['ASSETS'] = {
  async fetch(request: Request) {
    const path = new URL(request.url).pathname
    if (path === '/') return new Response(INDEX, { headers: { 'content-type': 'text/html' } })
    if (path === '/assets/index-abc.js')
      return new Response('console.log(1)', { headers: { 'content-type': 'text/javascript' } })
    return new Response('Not Found', { status: 404 })
  },
}

function call(path: string, vars: Record<string, string>) {
  const env = { DATABASE_URL: 'planetscale://user:secret@db.example.org', ASSETS: assets, ...vars } as Env
  return worker.fetch(new Request(`https://hub.example.org${path}`), env, {} as ExecutionContext)
}

describe('the Worker', () => {
  it('refuses to run on an invalid setting, naming it and never showing the database address', async () => {
    const response = await call('/', { DEMO_MODE: 'maybe', GROUP_INVITE_TTL_DAYS: 'soon' })
    expect(response.status).toBe(500)
    const text = await response.text()
    expect(text).toContain('DEMO_MODE="maybe": accepts true or false')
    expect(text).toContain('GROUP_INVITE_TTL_DAYS="soon"')
    expect(text).not.toContain('secret')
  })

  it.each(['False', 'off', '0'])(
    'with DEMO_MODE=%s has no dev.* procedures and no mailbox page',
    async (value) => {
      expect((await call('/trpc/dev.mailbox?input=%7B%7D', { DEMO_MODE: value })).status).toBe(404)
      expect((await call('/trpc/dev.demoAccounts', { DEMO_MODE: value })).status).toBe(404)
      expect((await call('/mailbox', { DEMO_MODE: value })).status).toBe(404)
    },
  )

  it('has demo mode off by default, as on Node', async () => {
    expect((await call('/trpc/dev.demoAccounts', {})).status).toBe(404)
  })

  it('answers pages, unknown pages, missing files and hashed assets as the Node server does', async () => {
    const page = await call('/register', {})
    expect(page.status).toBe(200)
    expect(await page.text()).toBe(INDEX)
    const unknown = await call('/no-such-page', {})
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toBe(INDEX)
    const missing = await call('/assets/index-missing.js', {})
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).not.toContain('text/html')
    const asset = await call('/assets/index-abc.js', {})
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'")
    expect((await call('/mailbox', { DEMO_MODE: 'true' })).status).toBe(200)
  })
})
