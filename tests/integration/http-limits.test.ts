/**
 * Abuse limits over real HTTP (issue #13): batch size, body size (announced and streamed), the
 * Host header, no-store on signed-in answers, slow clients cut off, the expensive-work budget,
 * and password checks rate-limited like sign-in.
 */
import { request } from 'node:http'
import { connect } from 'node:net'
import { hashPassword } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { TRPCClientError } from '@trpc/client'
import { describe, expect, vi } from 'vitest'
import { makePerson, testConfig } from '../support/fixtures'
import { httpClient } from '../support/http-client'
import { dialects, hubTest } from '../support/hub-test'

const PASSWORD = 'a good long password'

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code
    throw error
  }
  return 'OK'
}

/** A raw request, so that Host and chunked bodies are ours to choose. */
function raw(
  url: string,
  options: { method?: string; path: string; headers?: Record<string, string>; body?: Iterator<Buffer> },
): Promise<{
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
  sentBeforeAnswer: number
}> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    let sent = 0
    let sentBeforeAnswer = -1
    const req = request(
      { hostname, port, method: options.method ?? 'GET', path: options.path, headers: options.headers },
      (res) => {
        sentBeforeAnswer = sent
        let body = ''
        res.on('data', (chunk) => (body += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, sentBeforeAnswer }),
        )
      },
    )
    // The server may answer (413) and close before the whole body is sent.
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error)
    })
    const pump = () => {
      for (;;) {
        if (sentBeforeAnswer >= 0) return
        const next = options.body?.next()
        if (!next || next.done) return void req.end()
        sent += next.value.length
        if (!req.write(next.value)) return void req.once('drain', pump)
      }
    }
    pump()
  })
}

function* chunks(total: number, size = 64 * 1024, whole?: Buffer): Generator<Buffer> {
  if (whole) {
    for (let at = 0; at < whole.length; at += 64 * 1024) yield whole.subarray(at, at + 64 * 1024)
    return
  }
  for (let sent = 0; sent < total; sent += size) yield Buffer.alloc(Math.min(size, total - sent), 'a')
}

/** One person who signs in with PASSWORD. */
async function limitsWorld(db: Db) {
  const person = await makePerson(db, 'Lim Its')
  await db
    .updateTable('person')
    .set({ password_hash: await hashPassword(PASSWORD, testConfig.passwordCost) })
    .where('id', '=', person.id)
    .execute()
  return { email: person.email }
}

describe.each(dialects())('HTTP abuse limits on $name', (dialect) => {
  const it = hubTest(dialect, {
    now: new Date('2026-06-29T09:00:00.000Z'),
    world: limitsWorld,
    server: {
      config: { ...testConfig, allowedHosts: ['hub.example.org'] },
      headersTimeoutMs: 500,
      requestTimeoutMs: 1000,
    },
  })

  async function signedIn(url: string, email: string) {
    const person = httpClient(url)
    await person.client.auth.signIn.mutate({ email, password: PASSWORD })
    return person
  }

  const json = (url: string, body: string) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: url },
    body,
  })

  it('refuses a batch of more than 10 calls with 400, and runs one of 10', async ({
    db,
    server,
    world: { email },
  }) => {
    const batch = (n: number) => {
      const paths = Array.from({ length: n }, () => 'register.list').join(',')
      const input = Object.fromEntries(Array.from({ length: n }, (_, i) => [i, { limit: 1 }]))
      return fetch(`${server.url}/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`)
    }
    expect((await batch(10)).status).toBe(200)
    for (const n of [11, 100]) {
      const refused = await batch(n)
      expect(refused.status).toBe(400)
      expect(await refused.text()).toContain('at most 10 calls')
    }
    const signIns = Array.from({ length: 40 }, () => 'auth.signIn').join(',')
    const body = JSON.stringify(
      Object.fromEntries(Array.from({ length: 40 }, (_, i) => [i, { email, password: 'x' }])),
    )
    expect((await fetch(`${server.url}/trpc/${signIns}?batch=1`, json(server.url, body))).status).toBe(400)
    // Nothing was counted: no sign-in attempt ran.
    expect(await db.selectFrom('rate_limit').select('key').execute()).toEqual([])
  })

  const post = (url: string, path: string, body: string) =>
    raw(url, {
      method: 'POST',
      path,
      headers: { 'content-type': 'application/json', origin: url },
      body: chunks(0, 0, Buffer.from(body)),
    })

  it('refuses a 5 MB body with 413 before reading it, announced or streamed', async ({
    server,
    world: { email },
  }) => {
    const big = 5 * 1024 * 1024
    const announced = await raw(server.url, {
      method: 'POST',
      path: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', 'content-length': String(big), origin: server.url },
      body: chunks(big),
    })
    expect(announced.status).toBe(413)
    expect(announced.sentBeforeAnswer).toBeLessThan(big)
    const streamed = await raw(server.url, {
      method: 'POST',
      path: '/trpc/auth.signIn',
      headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked', origin: server.url },
      body: chunks(big),
    })
    expect(streamed.status).toBe(413)
    expect(streamed.sentBeforeAnswer).toBeLessThan(big)
    // Just over 1 MB is refused too; documents may carry up to 4 MB.
    const overOrdinary = JSON.stringify({ email, password: 'p'.repeat(1024 * 1024) })
    expect((await post(server.url, '/trpc/auth.signIn', overOrdinary)).status).toBe(413)
    const document = JSON.stringify({ body: 'é'.repeat(1_000_000) })
    expect(Buffer.byteLength(document)).toBeGreaterThan(1024 * 1024)
    // Signed out, so 401 — but not 413: the body was accepted.
    expect((await post(server.url, '/trpc/documents.preview', document)).status).toBe(401)
    const tooBigDocument = JSON.stringify({ body: 'x'.repeat(4 * 1024 * 1024) })
    expect((await post(server.url, '/trpc/documents.preview', tooBigDocument)).status).toBe(413)
  })

  it('answers only for PUBLIC_URL, the allow-list and (PUBLIC_URL being loopback) loopback names', async ({
    server,
  }) => {
    const port = new URL(server.url).port
    for (const host of [
      `localhost:${port}`,
      `127.0.0.1:${port}`,
      'hub.example.org',
      `hub.example.org:${port}`,
    ])
      expect(`${host} ${(await raw(server.url, { path: '/healthz', headers: { host } })).status}`).toBe(
        `${host} 200`,
      )
    for (const host of ['evil.example', `evil.example:${port}`, 'hub.example.org.evil.example']) {
      const answer = await raw(server.url, { path: '/trpc/register.list', headers: { host } })
      expect(`${host} ${answer.status}`).toBe(`${host} 421`)
    }
  })

  it('marks every signed-in answer no-store, API and plain routes, and leaves public answers cacheable', async ({
    server,
    world: { email },
  }) => {
    const person = await signedIn(server.url, email)
    const cookie = [...person.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    const signInAnswer = await fetch(
      `${server.url}/trpc/auth.signIn`,
      json(server.url, JSON.stringify({ email, password: PASSWORD })),
    )
    expect(signInAnswer.headers.get('cache-control')).toMatch(/\bno-store\b/)
    for (const path of [
      '/trpc/me.get',
      `/trpc/register.list?input=${encodeURIComponent('{"limit":1}')}`,
      '/trpc/no.such.procedure',
      '/sessions/nosuchsession.ics',
      '/sessions/nosuchsession/signups.csv',
      '/admin/audit-log.csv',
      '/',
      '/groups/alpha',
    ]) {
      const answer = await fetch(server.url + path, { headers: { cookie } })
      const noStore = /\bno-store\b/.test(answer.headers.get('cache-control') ?? '')
      expect(`${path} ${noStore}`).toBe(`${path} true`)
    }
    const exported = await fetch(`${server.url}/trpc/privacy.export`, {
      ...json(server.url, '{}'),
      headers: { ...json(server.url, '').headers, cookie },
    })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('cache-control')).toMatch(/\bno-store\b/)
    // The client's static files keep their own caching, signed in or not.
    const asset = await fetch(`${server.url}/favicon.svg`, { headers: { cookie } })
    expect(asset.headers.get('cache-control')).not.toBe('no-store')
    const anonymous = await fetch(
      `${server.url}/trpc/register.list?input=${encodeURIComponent('{"limit":1}')}`,
    )
    expect(anonymous.headers.get('cache-control')).not.toBe('no-store')
  })

  it('cuts off a client that sends its headers or its body too slowly', async ({ server }) => {
    const warnings = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { port } = new URL(server.url)
    const slow = (head: string, drip: string) =>
      new Promise<{ closedWhileSending: boolean; answer: string }>((resolve) => {
        const socket = connect(Number(port), '127.0.0.1')
        let answer = ''
        let sending = true
        socket.on('data', (d) => (answer += d))
        socket.on('error', () => {})
        socket.on('close', () => {
          clearInterval(timer)
          resolve({ closedWhileSending: sending, answer })
        })
        socket.write(head)
        let sent = 0
        // Forty drips 200 ms apart: eight seconds, far past the 1 s allowed.
        const timer = setInterval(() => {
          if (sent++ >= 40) {
            sending = false
            clearInterval(timer)
            socket.end()
            return
          }
          socket.write(drip)
        }, 200)
      })
    const body = await slow(
      `POST /trpc/auth.signIn HTTP/1.1\r\nHost: localhost:${port}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n`,
      ' ',
    )
    expect(body.closedWhileSending).toBe(true)
    expect(body.answer).toMatch(/^HTTP\/1\.1 408/)
    const headers = await slow(`GET /healthz HTTP/1.1\r\nHost: localhost:${port}\r\n`, 'X-Slow: 1\r\n')
    expect(headers.closedWhileSending).toBe(true)
    // A client cut off is not reported as a database outage.
    expect(warnings.mock.calls.flat().join(' ')).not.toContain('database unreachable')
    warnings.mockRestore()
  }, 15_000)

  it('lets only signed-in people preview, within the expensive-work budget', async ({
    server,
    world: { email },
  }) => {
    expect(await code(httpClient(server.url).client.documents.preview.mutate({ body: '**hi**' }))).toBe(
      'UNAUTHORIZED',
    )
    const person = await signedIn(server.url, email)
    expect((await person.client.documents.preview.mutate({ body: '**hi**' })).html).toContain(
      '<strong>hi</strong>',
    )
    // 120 units per 10 minutes per address and person; the sign-in above spent one.
    const codes: (string | undefined)[] = []
    for (let i = 0; i < 120; i++)
      codes.push(await code(person.client.documents.preview.mutate({ body: 'x' })))
    expect(codes.filter((c) => c === 'OK')).toHaveLength(118)
    expect(codes.filter((c) => c === 'TOO_MANY_REQUESTS')).toHaveLength(2)
    // Comparisons draw on the same budget.
    expect(await code(person.client.documents.diff.query({ id: 'x', from: 1, to: 2 }))).toBe(
      'TOO_MANY_REQUESTS',
    )
  })

  it('rate-limits the password check of privacy.erase like sign-in', async ({ server, world: { email } }) => {
    const person = await signedIn(server.url, email)
    const attempts: (string | undefined)[] = []
    for (let i = 0; i < 12; i++)
      attempts.push(
        await code(
          person.client.privacy.erase.mutate({ password: `wrong password ${i}`, confirmation: 'x' }),
        ),
      )
    // Ten checks per 15 minutes per account, like sign-in.
    expect(attempts.slice(0, 10).every((c) => c === 'BAD_REQUEST')).toBe(true)
    expect(attempts.slice(10)).toEqual(['TOO_MANY_REQUESTS', 'TOO_MANY_REQUESTS'])
    // Changing the email address draws on the same budget.
    expect(
      await code(person.client.auth.changeEmail.mutate({ password: PASSWORD, newEmail: 'n@example.org' })),
    ).toBe('TOO_MANY_REQUESTS')
  })
})
