/**
 * The Cloudflare Workers entry: the same Hono app as on Node, against PlanetScale over HTTP
 * (`@planetscale/database` through `kysely-planetscale`), with the built client as static assets
 * fetched through the ASSETS binding so that every answer passes the security middleware.
 */
import { type HubConfig, systemClock } from '@appg-hub/core'
import { readPasswordDictionariesWith } from '@appg-hub/core/auth/password-dictionaries-fetched'
import { createKysely, type Db } from '@appg-hub/db'
import { createPlanetscaleDialect } from '@appg-hub/db/dialects/planetscale'
import type { ExecutionContext, Hono } from 'hono'
import { createApp } from './app'
import { cacheControlFor, classifyPath, MISSING_FILE_TEXT } from './client-routes'
import { CollabDocument, type CollabWorkerEnv, forwardCollabUpgrade } from './collab-worker'
import { createR2Store, type R2BucketLike } from './files/r2-store'
import { cacheApiAnswerStore } from './http-cache'
import { hubConfigOf, parseSettings, SETTING_NAMES, SettingsError } from './settings'
import { type ServiceBinding, serviceWordConverter } from './word-service'

/** The Durable Object class of live co-editing (wrangler.toml binds it as COLLAB). */
export { CollabDocument }

export interface Env extends CollabWorkerEnv {
  /** A secret: `planetscale://user:password@host` (or `planetscale+http://…` for the local stand-in). */
  DATABASE_URL: string
  PUBLIC_URL?: string
  DEMO_MODE?: string
  GROUP_INVITE_TTL_DAYS?: string
  HANDSHAKE_TTL_DAYS?: string
  /** Every other variable of settings.ts may be set too; those the Worker has no use for are still checked. */
  [name: string]: unknown
  ASSETS: { fetch(request: Request): Promise<Response> }
  /** The R2 bucket for attached files (`[[r2_buckets]]` in wrangler.toml). */
  FILES?: R2BucketLike
  /** The word Worker (`[[services]]` in wrangler.toml); without it Word import and export answer 501. */
  WORD?: ServiceBinding
  MAX_UPLOAD_MB?: string
  GROUP_QUOTA_MB?: string
}

/**
 * The client through the ASSETS binding (`not_found_handling = "none"`, so a missing asset is a
 * 404 there): a file that exists as it is, with a year's caching for the hashed ones; otherwise
 * index.html for the client's pages (200) and unknown pages (404), and a plain 404 for a missing
 * file, as on Node (client-routes.ts). Cloudflare compresses the answers at its edge.
 */
function clientServer(config: HubConfig) {
  return (app: Hono) => {
    app.get('*', async (c) => {
      const assets = (c.env as Env).ASSETS
      const asset = await assets.fetch(c.req.raw)
      if (asset.status !== 404) {
        // A fresh Response so that the security middleware may set headers on it.
        const response = new Response(asset.body, asset)
        if (asset.ok) response.headers.set('Cache-Control', cacheControlFor(c.req.path))
        return response
      }
      const answer = classifyPath(c.req.path, config)
      if (answer === 'missing-file') return c.text(MISSING_FILE_TEXT, 404)
      const index = await assets.fetch(new Request(new URL('/', c.req.url)))
      return new Response(index.body, {
        status: answer === 'page' ? 200 : 404,
        headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-cache' },
      })
    })
  }
}

let cached: { key: string; app: ReturnType<typeof createApp>; db: Db; config: HubConfig } | undefined

/**
 * One app (and one database client) per isolate, rebuilt only if the settings change. The settings
 * are read by the same schema as on Node (settings.ts), with the same defaults.
 */
function appFor(env: Env, request: Request) {
  const key = SETTING_NAMES.map((name) => (env as unknown as Record<string, unknown>)[name]).join('|')
  if (cached?.key === key) return cached
  if (!env.DATABASE_URL)
    throw new SettingsError('DATABASE_URL is not set: `wrangler secret put DATABASE_URL`')
  const settings = parseSettings(env as unknown as Record<string, unknown>)
  // Without PUBLIC_URL the hub answers on whatever names Cloudflare routes to it.
  const config = hubConfigOf(settings, new URL(request.url).origin, ['*'])
  const db = createKysely(createPlanetscaleDialect(settings.DATABASE_URL))
  // zxcvbn's word lists are static assets here, not code (see password-dictionaries-fetched.ts).
  readPasswordDictionariesWith((path) =>
    env.ASSETS.fetch(new Request(new URL(path, 'https://assets.invalid'))),
  )
  const app = createApp({
    db,
    clock: systemClock,
    config,
    files: env.FILES ? createR2Store(env.FILES) : undefined,
    word: env.WORD ? serviceWordConverter(env.WORD) : undefined,
    serveClient: clientServer(config),
    clientAddress: (req) => req.headers.get('cf-connecting-ip'),
    // Workers' CacheStorage has `default`, the data centre's cache (not in the DOM typings).
    // (Absent where the Worker's module runs outside workerd, as in its unit test: memory then.)
    answerStore:
      typeof caches === 'undefined'
        ? undefined
        : cacheApiAnswerStore((caches as unknown as { default: Cache }).default),
    defer: (c, work) => c.executionCtx.waitUntil(work.catch(() => undefined)),
  })
  cached = { key, app, db, config }
  return cached
}

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    let built: ReturnType<typeof appFor>
    try {
      built = appFor(env, request)
    } catch (error) {
      // A setting the schema refuses: the hub does not run, and says which one (never its value if secret).
      if (!(error instanceof SettingsError)) throw error
      console.error(error.message)
      return new Response(`${error.message}\n`, { status: 500, headers: { 'content-type': 'text/plain' } })
    }
    if (new URL(request.url).pathname.startsWith('/collab/'))
      return forwardCollabUpgrade(request, env, { db: built.db, clock: systemClock, config: built.config })
    return built.app.fetch(request, env, ctx)
  },
}
