/**
 * The Hono app, the same on Node and on Cloudflare Workers: tRPC under /trpc, health, and
 * whatever static serving the runtime provides (passed in by the entry).
 */
import { type ApiDeps, createApiContext, routerFor } from '@appg-hub/api'
import { trpcServer } from '@hono/trpc-server'
import { type Context, Hono } from 'hono'
import { sql } from 'kysely'
import { registerAuditRoutes } from './audit-routes'
import { type AuthEnv, authenticate } from './authenticate'
import { registerCalendarRoutes } from './calendar-routes'
import { type FileRouteOptions, registerFileRoutes } from './file-routes'
import { type AnswerStore, httpCache, knownRegisterVersion, memoryAnswerStore } from './http-cache'
import { batchSizeLimit, hostCheck, requestBodyLimit } from './limits'
import { sameOriginJson, securityHeaders } from './security'

export interface AppOptions extends ApiDeps, Pick<FileRouteOptions, 'files' | 'word'> {
  /** Registers the routes that serve the built web client; they go last, after the API. */
  serveClient?: (app: Hono) => void
  /** Reads the caller's address (differs between Node and Workers). */
  clientAddress?: (req: Request, env: unknown) => string | null
  /** Routes registered before the API (benchmark baselines); nothing in production uses it. */
  extraRoutes?: (app: Hono) => void
  /** Called with unexpected errors; defaults to console.error. Never given tokens or passwords. */
  onError?: (error: unknown, path: string) => void
  /** Where public Register answers are kept (memory by default; the Cache API on Workers). */
  answerStore?: AnswerStore
  /** Lets work (storing an answer) finish after the response; Workers pass `waitUntil`. */
  defer?: (c: Context, work: Promise<unknown>) => void
}

export function createApp(options: AppOptions) {
  const { db, clock, config } = options
  const deps: ApiDeps = { db, clock, config }
  const app = new Hono()
  app.use('*', securityHeaders)
  app.use('*', hostCheck(config))
  // The caller, for every route after this one; read from the session cookie once (authenticate.ts).
  app.use('*', authenticate(deps))
  app.use(
    '*',
    httpCache(
      db,
      options.answerStore ?? memoryAnswerStore(),
      options.defer ?? ((_c, work) => void work.catch(logStoreError)),
    ),
  )

  app.get('/healthz', async (c) => {
    try {
      await sql`select 1`.execute(db)
      return c.json({ status: 'ok', database: 'ok' })
    } catch {
      return c.json({ status: 'unavailable', database: 'unreachable' }, 503)
    }
  })

  options.extraRoutes?.(app)

  app.use('/trpc/*', sameOriginJson(config.publicUrl))
  app.use('/trpc/*', batchSizeLimit(config))
  app.use('*', requestBodyLimit(config))
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: routerFor(config),
      createContext: (opts, c: Context<AuthEnv>) =>
        createApiContext(deps, c.get('auth'), {
          userAgent: opts.req.headers.get('user-agent'),
          clientAddress: options.clientAddress?.(opts.req, c.env) ?? null,
          registerVersion: knownRegisterVersion(c.req.raw),
          setHeader: (name, value) => opts.resHeaders.set(name, value),
        }),
      onError: ({ error, path, req }) => {
        // A client that went away mid-body (cut off for being slow) is not a server fault.
        if (req.signal.aborted) return
        if (error.code === 'SERVICE_UNAVAILABLE') console.warn(`[trpc] ${path}: database unreachable`)
        else if (error.code === 'INTERNAL_SERVER_ERROR')
          (options.onError ?? logError)(error.cause ?? error, path ?? '')
      },
    }),
  )

  registerCalendarRoutes(app, deps)
  registerAuditRoutes(app, deps)
  registerFileRoutes(app, deps, {
    files: options.files,
    word: options.word,
    clientAddress: options.clientAddress,
  })
  // Live editing is a WebSocket upgrade, taken before this app (collab-node.ts, collab-worker.ts).
  app.all('/collab/*', (c) => c.text('Connect with a WebSocket (the live editor).', 426))
  options.serveClient?.(app)
  return app
}

function logStoreError(error: unknown) {
  console.warn('[cache] an answer could not be stored:', error)
}

function logError(error: unknown, path: string) {
  console.error(`[trpc] ${path} failed:`, error)
}
