import type { Actor, Clock, HubConfig, MyGroup, ServiceContext } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'

export type ApiDeps = {
  db: Db
  clock: Clock
  config: HubConfig
}

/**
 * The caller of one request, resolved from the sign-in cookie once, by the HTTP layer
 * (apps/server/src/authenticate.ts), and shared by tRPC and the plain routes.
 */
export type RequestAuth = {
  /** The sign-in cookie's value as sent (unchecked), or null. */
  signInToken: string | null
  /** Validates the sign-in cookie on first use only, so procedures that need no caller cost no query. */
  getActor(): Promise<Actor | null>
  /** The caller and their groups, read with the sign-in check in one query (for `me.get`). */
  getActorWithGroups(): Promise<{ actor: Actor; groups: MyGroup[] } | null>
  /** The id (hash) of the current sign-in, once `getActor` has run. */
  signInId(): string | null
  startSignIn(token: string, expiresAt: string): void
  endSignIn(): Promise<void>
  /** The browser's device cookie (set at a successful sign-in), for sign-in throttling. */
  deviceToken: string | null
  /** Keeps the device cookie in the browser for a year. */
  rememberDevice(token: string): void
}

// A type alias (not an interface) so that it satisfies @hono/trpc-server's Record<string, unknown>.
export type ApiContext = ApiDeps &
  RequestAuth & {
    /** Sets a header on the answer (Retry-After). */
    setHeader(name: string, value: string): void
    userAgent: string | null
    /** The caller's address as the server saw it, for rate limits. */
    clientAddress: string | null
    service(actor: Actor | null): ServiceContext
    /** The Register's cache version when the HTTP layer has already read it for this request. */
    registerVersion: number | undefined
  }

/** The caller's data for this request: its fields as `RequestAuth`, its answer's extra headers. */
export interface RequestFacts {
  userAgent: string | null
  clientAddress: string | null
  /** The Register's cache version when the HTTP layer has already read it for this request. */
  registerVersion?: number
  setHeader(name: string, value: string): void
}

/** The tRPC context: the caller as the HTTP layer's `authenticate` middleware found them. */
export function createApiContext(deps: ApiDeps, auth: RequestAuth, facts: RequestFacts): ApiContext {
  return {
    ...deps,
    ...auth,
    userAgent: facts.userAgent,
    clientAddress: facts.clientAddress,
    registerVersion: facts.registerVersion,
    setHeader: facts.setHeader,
    service(a) {
      return { db: deps.db, clock: deps.clock, config: deps.config, actor: a }
    },
  }
}
