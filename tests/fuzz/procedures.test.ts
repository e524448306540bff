/**
 * Property tests (docs/architecture.md §6, §8): generated input for every procedure of `appRouter`, through the
 * real HTTP surface (the Hono app with its tRPC mount, error formatter and security middleware),
 * as a signed-in officer and signed out. Never a 5xx; only the documented 4xx codes; no stack
 * trace, SQL, password hash, session id or raw token in any error. A failure shrinks to a minimal
 * input (the assertion runs inside `fc.assert(fc.asyncProperty(…))`).
 *
 * FUZZ_RUNS (default 200) sets the cases per procedure; SQLite only unless FUZZ_MYSQL=1.
 */
import { createSignIn, SIGN_IN_COOKIE } from '@appg-hub/core'
import { testDatabases } from '@appg-hub/db/testing'
import { createApp } from '@appg-hub/server'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type AuthzWorld, listProcedures, makeAuthzWorld } from '../support/authz-world'
import { testConfig } from '../support/fixtures'
import { procedureInput } from './arbitraries'
import { seedFuzzWorld } from './world'

const RUNS = Number(process.env.FUZZ_RUNS ?? 200)
const ORIGIN = new URL(testConfig.publicUrl).origin

/** docs/architecture.md §6: the only error codes a caller may see. */
const DOCUMENTED = new Set([
  'BAD_REQUEST',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
])

/** What must never reach a caller in an error. */
const LEAKS: [string, RegExp][] = [
  ['a stack trace', /\bat (?:async )?[\w.<>]+ \(|node_modules|\.ts:\d+|\.js:\d+/],
  [
    'SQL',
    /\b(?:select|insert into|update \w+ set|delete from)\b|SQLITE_|ER_[A-Z_]+|syntax error|kysely|mysql|sqlite/i,
  ],
  ['a raw token', /[a-z2-7]{32}/],
  ['a session id or hash', /[0-9a-f]{64}/],
  ['a password hash', /\$scrypt|scrypt\$|\$argon|\$2[aby]\$/i],
]

const targets = testDatabases().filter((t) => t.name === 'sqlite' || process.env.FUZZ_MYSQL === '1')

const procedures = listProcedures()

describe.each(targets)('fuzzing every procedure on $name', (target) => {
  let w: AuthzWorld
  let pool: string[]
  let app: ReturnType<typeof createApp>
  let secrets: string[] = []
  const internal: string[] = []
  let cases = 0
  let calls = 0
  let fiveHundreds = 0
  const statuses: Record<string, number> = {}

  beforeAll(async () => {
    const db = await target.fresh()
    w = await makeAuthzWorld(db)
    pool = await seedFuzzWorld(w)
    app = createApp({
      db,
      clock: w.api.clock,
      config: testConfig,
      onError: (error, path) =>
        internal.push(`${path}: ${error instanceof Error ? error.stack : String(error)}`),
    })
  })

  afterAll(async () => {
    console.log(
      `fuzz on ${target.name}: ${procedures.length} procedures, ${cases} cases (${RUNS} per procedure, ` +
        `shrinking included), ${calls} calls (officer and signed out), ${fiveHundreds} 5xx; HTTP statuses ` +
        JSON.stringify(statuses),
    )
    if (internal.length)
      console.log(`internal errors logged by the server:\n${internal.slice(0, 5).join('\n\n')}`)
    await target.close()
  })

  async function call(path: string, type: string, input: unknown, cookie: string | null) {
    const headers = new Headers({ origin: ORIGIN })
    if (cookie) headers.set('cookie', cookie)
    let response: Response
    if (type === 'query') {
      const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`
      response = await app.request(`${ORIGIN}/trpc/${path}${query}`, { headers })
    } else {
      headers.set('content-type', 'application/json')
      response = await app.request(`${ORIGIN}/trpc/${path}`, {
        method: 'POST',
        headers,
        body: input === undefined ? '' : JSON.stringify(input),
      })
    }
    calls += 1
    statuses[response.status] = (statuses[response.status] ?? 0) + 1
    return { status: response.status, text: await response.text() }
  }

  /** The reasons this answer is wrong, if any. */
  /**
   * The answer's text without what the caller sent: an error may rightly repeat the caller's own
   * input ("No group is called …"), which leaks nothing.
   */
  function withoutEcho(text: string, input: unknown): string {
    const leaves: string[] = []
    const walk = (v: unknown) => {
      if (typeof v === 'string') leaves.push(v)
      else if (Array.isArray(v)) v.forEach(walk)
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          leaves.push(k)
          walk(x)
        }
    }
    walk(input)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return text
    }
    const strings: string[] = []
    const collect = (v: unknown) => {
      if (typeof v === 'string') strings.push(v)
      else if (Array.isArray(v)) v.forEach(collect)
      else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x)
    }
    collect(body)
    const sorted = leaves.filter((l) => l.length >= 3).sort((a, b) => b.length - a.length)
    return strings.map((str) => sorted.reduce((acc, leaf) => acc.split(leaf).join(''), str)).join('\n')
  }

  function problems(answer: { status: number; text: string }, input: unknown): string[] {
    const found: string[] = []
    if (answer.status >= 500) {
      fiveHundreds += 1
      found.push(`HTTP ${answer.status}`)
    }
    if (answer.status >= 400) {
      let code: string | undefined
      try {
        code = (JSON.parse(answer.text) as { error?: { data?: { code?: string } } }).error?.data?.code
      } catch {
        found.push('an error that is not JSON')
      }
      if (!code || !DOCUMENTED.has(code)) found.push(`undocumented error code ${code}`)
      const own = withoutEcho(answer.text, input)
      for (const [what, pattern] of LEAKS) if (pattern.test(own)) found.push(`${what} in the error`)
      for (const secret of secrets)
        if (answer.text.includes(secret)) found.push('a stored secret in the error')
    } else {
      // Even a success never carries a password hash or a session id.
      for (const secret of secrets)
        if (answer.text.includes(secret)) found.push('a stored secret in the answer')
    }
    return found
  }

  it.each(procedures.map((p) => [p.path, p] as const))('%s', async (path, info) => {
    // A fresh officer of alpha for each procedure, so that one procedure's successes (leaving the
    // group, signing out everywhere) do not blunt the next one's.
    const officerId = await w.make.member('alpha', 'officer')
    const stored = await w.db.selectFrom('person').select('password_hash').execute()
    const sessions = await w.db.selectFrom('auth_session').select('id').execute()
    secrets = [
      ...stored.map((p) => p.password_hash).filter((h): h is string => Boolean(h)),
      ...sessions.map((s) => s.id),
    ]
    await fc.assert(
      fc.asyncProperty(procedureInput(info.inputs, pool), async (input) => {
        cases += 1
        const { token } = await createSignIn({ db: w.db, clock: w.api.clock }, officerId, 'fuzz')
        const asOfficer = await call(path, info.type, input, `${SIGN_IN_COOKIE}=${token}`)
        const signedOut = await call(path, info.type, input, null)
        const found = [
          ...problems(asOfficer, input).map((p) => `as officer: ${p} — ${asOfficer.text.slice(0, 300)}`),
          ...problems(signedOut, input).map((p) => `signed out: ${p} — ${signedOut.text.slice(0, 300)}`),
        ]
        expect(found).toEqual([])
      }),
      { numRuns: RUNS },
    )
  })
})
