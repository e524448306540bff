import {
  type Actor,
  type Clock,
  DEVICE_COOKIE,
  type HubConfig,
  invalidateSession,
  type MyGroup,
  myGroups,
  SESSION_COOKIE,
  type ServiceContext,
  toActor,
  validateSessionToken,
} from '@appg-hub/core'
import type { Db } from '@appg-hub/db'

export type ApiDeps = {
  db: Db
  clock: Clock
  config: HubConfig
}

// A type alias (not an interface) so that it satisfies @hono/trpc-server's Record<string, unknown>.
export type ApiContext = ApiDeps & {
  /** Validates the session cookie on first use only, so procedures that need no caller cost no query. */
  getActor(): Promise<Actor | null>
  /** The caller and their groups, read with the session check in one query (for `me.get`). */
  getActorWithGroups(): Promise<{ actor: Actor; groups: MyGroup[] } | null>
  /** The id (hash) of the current session, once `getActor` has run. */
  sessionId(): string | null
  startSession(token: string, expiresAt: string): void
  /** Sets a header on the answer (Retry-After). */
  setHeader(name: string, value: string): void
  endSession(): Promise<void>
  /** The browser's device cookie (set at a successful sign-in), for sign-in throttling. */
  deviceToken: string | null
  /** Keeps the device cookie in the browser for a year. */
  rememberDevice(token: string): void
  userAgent: string | null
  /** The caller's address as the server saw it, for rate limits. */
  clientAddress: string | null
  service(actor: Actor | null): ServiceContext
  /** The Register's cache version when the HTTP layer has already read it for this request. */
  registerVersion: number | undefined
}

export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim())
  }
  return null
}

function secureCookies(config: HubConfig): boolean {
  return config.publicUrl.startsWith('https:') || new URL(config.publicUrl).hostname === 'localhost'
}

/** Only recognises the browser at sign-in; it grants nothing by itself. */
function deviceCookie(config: HubConfig, token: string): string {
  const parts = [`${DEVICE_COOKIE}=${token}`, 'Path=/trpc', 'HttpOnly', 'SameSite=Strict', 'Max-Age=31536000']
  if (secureCookies(config)) parts.push('Secure')
  return parts.join('; ')
}

function sessionCookie(config: HubConfig, token: string, expiresAt: string | null): string {
  const secure = secureCookies(config)
  const parts = [
    `${SESSION_COOKIE}=${token}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    expiresAt ? `Expires=${new Date(expiresAt).toUTCString()}` : 'Max-Age=0',
  ]
  if (secure) parts.push('Secure')
  return parts.join('; ')
}

export function createApiContext(
  deps: ApiDeps,
  req: Request,
  resHeaders: Headers,
  clientAddress: string | null = null,
  known: { registerVersion?: number } = {},
): ApiContext {
  const token = readCookie(req.headers.get('cookie'), SESSION_COOKIE)
  let actor: Promise<Actor | null> | undefined
  let groups: MyGroup[] | undefined
  let currentSessionId: string | null = null
  const resolveActor = async (withGroups: boolean): Promise<Actor | null> => {
    if (!token) return null
    const session = await validateSessionToken(deps.db, deps.clock, token, { withGroups })
    if (!session) {
      resHeaders.append('set-cookie', sessionCookie(deps.config, '', null))
      return null
    }
    currentSessionId = session.id
    groups = session.groups
    if (session.refreshed)
      resHeaders.append('set-cookie', sessionCookie(deps.config, token, session.expiresAt))
    return toActor(session.person)
  }
  return {
    ...deps,
    userAgent: req.headers.get('user-agent'),
    clientAddress,
    deviceToken: readCookie(req.headers.get('cookie'), DEVICE_COOKIE),
    rememberDevice(deviceToken) {
      resHeaders.append('set-cookie', deviceCookie(deps.config, deviceToken))
    },
    registerVersion: known.registerVersion,
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
    sessionId: () => currentSessionId,
    setHeader(name, value) {
      resHeaders.set(name, value)
    },
    startSession(newToken, expiresAt) {
      resHeaders.append('set-cookie', sessionCookie(deps.config, newToken, expiresAt))
    },
    async endSession() {
      await this.getActor()
      if (currentSessionId) await invalidateSession(deps.db, currentSessionId)
      resHeaders.append('set-cookie', sessionCookie(deps.config, '', null))
    },
    service(a) {
      return { db: deps.db, clock: deps.clock, config: deps.config, actor: a }
    },
  }
}
