/**
 * Who is calling, worked out once per request for every route: tRPC procedures, the iCalendar and
 * file routes, and the live editor's WebSocket upgrade. The sign-in cookie is read here and only
 * here; it is checked against the database on first use (a request that needs no caller costs no
 * query) and the answer is kept for the rest of the request.
 */
import type { RequestAuth } from '@appg-hub/api'
import {
  type Actor,
  type Clock,
  DEVICE_COOKIE,
  type HubConfig,
  invalidateSignIn,
  type MyGroup,
  myGroups,
  SIGN_IN_COOKIE,
  toActor,
  validateSignInToken,
} from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import type { Context, MiddlewareHandler } from 'hono'
import { setCookie } from 'hono/cookie'
import { type CookieOptions, parse } from 'hono/utils/cookie'

export type AuthDeps = { db: Db; clock: Clock; config: HubConfig }

/** Reads the request's cookies and sets the answer's; the middleware backs it with `hono/cookie`. */
export interface CookieJar {
  get(name: string): string | undefined
  set(name: string, value: string, options: CookieOptions): void
}

/** The Hono context's variable that holds the caller (`c.get('auth')`). */
export type AuthEnv = { Variables: { auth: RequestAuth } }

function secureCookies(config: HubConfig): boolean {
  return config.publicUrl.startsWith('https:') || new URL(config.publicUrl).hostname === 'localhost'
}

/** The sign-in cookie: sent on every path, not on cross-site subrequests, never readable by scripts. */
function signInCookieOptions(config: HubConfig, expiresAt: string | null): CookieOptions {
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure: secureCookies(config),
    ...(expiresAt ? { expires: new Date(expiresAt) } : { maxAge: 0 }),
  }
}

/** The device cookie only recognises the browser at sign-in; it grants nothing by itself. */
function deviceCookieOptions(config: HubConfig): CookieOptions {
  return {
    path: '/trpc',
    httpOnly: true,
    sameSite: 'Strict',
    maxAge: 31536000,
    secure: secureCookies(config),
  }
}

/** The caller of one request, from its cookies; the sign-in is validated at most once. */
export function signInAuth(deps: AuthDeps, cookies: CookieJar): RequestAuth {
  const token = cookies.get(SIGN_IN_COOKIE) ?? null
  let actor: Promise<Actor | null> | undefined
  let groups: MyGroup[] | undefined
  let currentSignInId: string | null = null
  const endCookie = () => cookies.set(SIGN_IN_COOKIE, '', signInCookieOptions(deps.config, null))
  const resolveActor = async (withGroups: boolean): Promise<Actor | null> => {
    if (!token) return null
    const signIn = await validateSignInToken(deps, token, { withGroups })
    if (!signIn) {
      endCookie()
      return null
    }
    currentSignInId = signIn.id
    groups = signIn.groups
    if (signIn.refreshed)
      cookies.set(SIGN_IN_COOKIE, token, signInCookieOptions(deps.config, signIn.expiresAt))
    return toActor(signIn.person)
  }
  const auth: RequestAuth = {
    signInToken: token,
    getActor() {
      actor ??= resolveActor(false)
      return actor
    },
    async getActorWithGroups() {
      actor ??= resolveActor(true)
      const a = await actor
      if (!a) return null
      // The actor was read earlier in this request without them: one more query.
      groups ??= await myGroups(deps.db, a.id)
      return { actor: a, groups }
    },
    signInId: () => currentSignInId,
    startSignIn(newToken, expiresAt) {
      cookies.set(SIGN_IN_COOKIE, newToken, signInCookieOptions(deps.config, expiresAt))
    },
    async endSignIn() {
      await auth.getActor()
      if (currentSignInId) await invalidateSignIn(deps, currentSignInId)
      endCookie()
    },
    deviceToken: cookies.get(DEVICE_COOKIE) ?? null,
    rememberDevice(deviceToken) {
      cookies.set(DEVICE_COOKIE, deviceToken, deviceCookieOptions(deps.config))
    },
  }
  return auth
}

/**
 * Sets `c.get('auth')` for the routes after it. Cookies the sign-in sets are written once the
 * route has answered: tRPC builds its own Response, which would not carry headers set before it.
 */
export function authenticate(deps: AuthDeps): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    const pending: [string, string, CookieOptions][] = []
    // The Cookie header parsed once for the sign-in and the device cookie, not once for each.
    let sent: Record<string, string> | undefined
    c.set(
      'auth',
      signInAuth(deps, {
        get: (name) => {
          sent ??= parseCookieHeader(c.req.header('cookie') ?? null)
          return sent[name]
        },
        set: (name, value, options) => pending.push([name, value, options]),
      }),
    )
    await next()
    for (const [name, value, options] of pending) setCookie(c, name, value, options)
  }
}

/** The caller as `authenticate` found them. */
export function authOf(c: Context): RequestAuth {
  const auth = c.get('auth') as RequestAuth | undefined
  if (!auth) throw new Error('The authenticate middleware must run before this route.')
  return auth
}

/** The sign-in cookie of a request that never reaches the Hono app (a WebSocket upgrade on Node). */
export function headerCookies(headers: Headers): CookieJar {
  return {
    get: (name) => parseCookieHeader(headers.get('cookie'))[name],
    // An upgrade answers 101 or a refusal: there is no answer to carry a cookie.
    set: () => {},
  }
}

function parseCookieHeader(header: string | null): Record<string, string> {
  return header ? parse(header) : {}
}
