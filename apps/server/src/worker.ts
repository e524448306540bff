/**
 * The Cloudflare Workers entry: the same Hono app as on Node, against PlanetScale over HTTP
 * (`@planetscale/database` through `kysely-planetscale`), with the built client as static assets
 * fetched through the ASSETS binding so that every answer passes the security middleware.
 */
import { DAY, type HubConfig, systemClock } from '@appg-hub/core'
import { createKysely, type Db } from '@appg-hub/db'
import { createPlanetscaleDialect } from '@appg-hub/db/dialects/planetscale'
import type { ExecutionContext, Hono } from 'hono'
import { createApp } from './app'
import { CollabDocument, type CollabWorkerEnv, forwardCollabUpgrade } from './collab-worker'

/** The Durable Object class of live co-editing (wrangler.toml binds it as COLLAB). */
export { CollabDocument }

export interface Env extends CollabWorkerEnv {
  /** A secret: `planetscale://user:password@host` (or `planetscale+http://…` for the local stand-in). */
  DATABASE_URL: string
  PUBLIC_URL?: string
  DEMO_MODE?: string
  GROUP_INVITE_TTL_DAYS?: string
  HANDSHAKE_TTL_DAYS?: string
  ASSETS: { fetch(request: Request): Promise<Response> }
}

function serveClient(app: Hono) {
  app.get('*', async (c) => {
    const asset = await (c.env as Env).ASSETS.fetch(c.req.raw)
    // A fresh Response so that the security middleware may set headers on it.
    return new Response(asset.body, asset)
  })
}

let cached: { key: string; app: ReturnType<typeof createApp>; db: Db; config: HubConfig } | undefined

/** One app (and one database client) per isolate, rebuilt only if the settings change. */
function appFor(env: Env, request: Request) {
  const key = `${env.DATABASE_URL}|${env.PUBLIC_URL}|${env.DEMO_MODE}|${env.GROUP_INVITE_TTL_DAYS}|${env.HANDSHAKE_TTL_DAYS}`
  if (cached?.key === key) return cached
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set: `wrangler secret put DATABASE_URL`')
  const config: HubConfig = {
    publicUrl: (env.PUBLIC_URL ?? new URL(request.url).origin).replace(/\/$/, ''),
    demoMode: env.DEMO_MODE === 'true',
    groupInviteTtlMs: Number(env.GROUP_INVITE_TTL_DAYS ?? 7) * DAY,
    handshakeTtlMs: Number(env.HANDSHAKE_TTL_DAYS ?? 14) * DAY,
  }
  const db = createKysely(createPlanetscaleDialect(env.DATABASE_URL))
  const app = createApp({
    db,
    clock: systemClock,
    config,
    serveClient,
    clientAddress: (req) => req.headers.get('cf-connecting-ip'),
  })
  cached = { key, app, db, config }
  return cached
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    const built = appFor(env, request)
    if (new URL(request.url).pathname.startsWith('/collab/'))
      return forwardCollabUpgrade(request, env, { db: built.db, clock: systemClock, config: built.config })
    return built.app.fetch(request, env, ctx)
  },
}
