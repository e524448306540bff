import { fakeClock, SIGN_IN_COOKIE } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { type AuthEnv, authenticate, authOf } from './authenticate'

/** No query is made in these cases: a token of the wrong shape is refused before the database. */
const deps = {
  db: {} as Db,
  clock: fakeClock(),
  config: { publicUrl: 'https://hub.example.org', demoMode: false, groupInviteTtlMs: 0, handshakeTtlMs: 0 },
}

function app() {
  const hono = new Hono<AuthEnv>()
  hono.use('*', authenticate(deps))
  // A route that builds its own Response, as tRPC's handler does.
  hono.get('/raw', async (c) => new Response(String((await authOf(c).getActor()) === null)))
  hono.get('/untouched', (c) => c.text('no caller needed'))
  return hono
}

describe('authenticate', () => {
  it('clears a sign-in cookie that does not hold, on an answer the route built itself', async () => {
    const response = await app().request('/raw', { headers: { cookie: `${SIGN_IN_COOKIE}=not-a-token` } })
    expect(await response.text()).toBe('true')
    expect(response.headers.getSetCookie()).toEqual([
      `${SIGN_IN_COOKIE}=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax`,
    ])
  })

  it('sets no cookie when the route never asks who is calling', async () => {
    const response = await app().request('/untouched', {
      headers: { cookie: `${SIGN_IN_COOKIE}=not-a-token` },
    })
    expect(response.headers.getSetCookie()).toEqual([])
  })

  it('reads nothing for a caller without a cookie', async () => {
    const response = await app().request('/raw')
    expect(await response.text()).toBe('true')
    expect(response.headers.getSetCookie()).toEqual([])
  })
})
