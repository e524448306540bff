/**
 * The security baseline over HTTP (docs/architecture.md §7): headers on every kind of answer, and mutations
 * refused unless same-origin and JSON — with a valid session cookie, and changing nothing.
 */
import { readdirSync } from 'node:fs'
import { DEMO_PASSWORD } from '@appg-hub/db'
import { CLIENT_DIST } from '@appg-hub/server/node'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { DEMO_OFFICER } from '../support/api-journey'
import { httpClient } from '../support/http-client'
import { type HubServer, startHubServer } from '../support/server'

describe('HTTP security on the Node server', () => {
  let server: HubServer
  let cookie: string

  beforeAll(async () => {
    server = await startHubServer()
    const officer = httpClient(server.url)
    await officer.client.auth.signIn.mutate({ email: DEMO_OFFICER, password: DEMO_PASSWORD })
    cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  })
  afterAll(() => server?.close())

  function expectSecurityHeaders(response: Response) {
    const h = response.headers
    const csp = h.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'self'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(h.get('strict-transport-security')).toMatch(/max-age=\d{7,}/)
    expect(h.get('x-content-type-options')).toBe('nosniff')
    expect(h.get('referrer-policy')).toBe('strict-origin-when-cross-origin')
    expect(h.get('x-frame-options')).toBe('DENY')
  }

  it('sends the headers on pages, static files, API answers, errors and health checks', async () => {
    const asset = readdirSync(`${CLIENT_DIST}assets`).find((f) => f.endsWith('.js'))!
    const requests: [string, RequestInit | undefined, number][] = [
      ['/', undefined, 200],
      ['/groups/cancer', undefined, 200],
      [`/assets/${asset}`, undefined, 200],
      ['/favicon.svg', undefined, 200],
      ['/healthz', undefined, 200],
      [`/trpc/register.list?input=${encodeURIComponent('{"limit":1}')}`, undefined, 200],
      [`/trpc/register.group?input=${encodeURIComponent('{"slug":"no-such-group"}')}`, undefined, 404],
      ['/trpc/no.such.procedure', undefined, 404],
      ['/trpc/memberships.roster?input=%7B%22slug%22%3A%22cancer%22%7D', undefined, 401],
      ['/trpc/auth.signIn', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{}' }, 415],
      [
        '/trpc/auth.signIn',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
          body: '{}',
        },
        403,
      ],
    ]
    for (const [path, init, status] of requests) {
      const response = await fetch(server.url + path, init)
      expect(`${path} ${response.status}`).toBe(`${path} ${status}`)
      expectSecurityHeaders(response)
    }
  })

  it('refuses cross-site, form-encoded and text/plain mutations that carry a valid session cookie, and changes nothing', async () => {
    const count = async () => (await server.db.selectFrom('group_invite').select('id').execute()).length
    const before = await count()
    const body = JSON.stringify({ slug: 'cancer', email: 'csrf@example.org', role: 'member' })
    const attempts: [Record<string, string>, string, number][] = [
      [{ 'content-type': 'application/json', origin: 'https://evil.example' }, body, 403],
      [{ 'content-type': 'application/json', 'sec-fetch-site': 'cross-site', origin: server.url }, body, 403],
      [{ 'content-type': 'application/json', 'sec-fetch-site': 'same-site' }, body, 403],
      [
        { 'content-type': 'application/x-www-form-urlencoded', origin: server.url },
        'slug=cancer&email=csrf%40example.org&role=member',
        415,
      ],
      [{ 'content-type': 'text/plain', origin: server.url }, body, 415],
      [{ 'content-type': 'multipart/form-data; boundary=x', origin: server.url }, '--x--', 415],
    ]
    for (const [headers, payload, status] of attempts) {
      const response = await fetch(`${server.url}/trpc/memberships.invite`, {
        method: 'POST',
        headers: { ...headers, cookie },
        body: payload,
      })
      expect(response.status).toBe(status)
    }
    expect(await count()).toBe(before)
    // The same request from our own page goes through.
    const ok = await fetch(`${server.url}/trpc/memberships.invite`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'sec-fetch-site': 'same-origin', cookie },
      body,
    })
    expect(ok.status).toBe(200)
    expect(await count()).toBe(before + 1)
  })

  it('writes no password, session token or link token to the server log', async () => {
    const lines: string[] = []
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(
          args.map((a) => (a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : String(a))).join(' '),
        )
      }),
    )
    try {
      const password = 'secret password 12345'
      const person = httpClient(server.url)
      await person.client.auth.signUp.mutate({
        email: 'logged@example.org',
        password,
        displayName: 'Log Check',
      })
      await person.client.auth.signIn.mutate({ email: 'logged@example.org', password })
      const signInToken = person.cookies.get('appg_session')!
      await person.client.auth.signIn
        .mutate({ email: 'logged@example.org', password: `${password}!` })
        .catch(() => {})
      await person.client.auth.requestPasswordReset.mutate({ email: 'logged@example.org' })
      const mail = await server.db
        .selectFrom('email_outbox')
        .select('body_text')
        .where('to_email', '=', 'logged@example.org')
        .executeTakeFirstOrThrow()
      const resetToken = /reset-password\/([a-z2-7]{32})/.exec(mail.body_text)![1]!
      await person.client.auth.resetPassword.mutate({ token: resetToken, password: 'short' }).catch(() => {})
      await person.client.memberships.acceptInvite.mutate({ token: resetToken }).catch(() => {})
      // Malformed and hostile input that reaches the error paths.
      await fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `appg_session=${signInToken}` },
        body: '{"email":',
      })
      await fetch(
        `${server.url}/trpc/topics.get?input=${encodeURIComponent(JSON.stringify({ id: signInToken }))}`,
        { headers: { cookie: `appg_session=${signInToken}` } },
      )
      const log = lines.join('\n')
      for (const secret of [password, signInToken, resetToken]) expect(log).not.toContain(secret)
    } finally {
      for (const spy of spies) spy.mockRestore()
    }
  })
})
