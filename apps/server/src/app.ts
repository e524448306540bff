/**
 * The Hono app, the same on Node and on Cloudflare Workers: tRPC under /trpc, health, and
 * whatever static serving the runtime provides (passed in by the entry).
 */
import { type ApiDeps, appRouter, createApiContext } from '@appg-hub/api'
import { trpcServer } from '@hono/trpc-server'
import { Hono } from 'hono'
import { sql } from 'kysely'
import { registerCalendarRoutes } from './calendar-routes'
import { sameOriginJson, securityHeaders } from './security'

export interface AppOptions extends ApiDeps {
  /** Registers the routes that serve the built web client; they go last, after the API. */
  serveClient?: (app: Hono) => void
  /** Reads the caller's address (differs between Node and Workers). */
  clientAddress?: (req: Request, env: unknown) => string | null
  /** Routes registered before the API (benchmark baselines); nothing in production uses it. */
  extraRoutes?: (app: Hono) => void
  /** Called with unexpected errors; defaults to console.error. Never given tokens or passwords. */
  onError?: (error: unknown, path: string) => void
}

export function createApp(options: AppOptions) {
  const { db, clock, config } = options
  const deps: ApiDeps = { db, clock, config }
  const app = new Hono()
  app.use('*', securityHeaders)

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
  app.use(
    '/trpc/*',
    trpcServer({
      endpoint: '/trpc',
      router: appRouter,
      createContext: (opts, c) =>
        createApiContext(deps, opts.req, opts.resHeaders, options.clientAddress?.(opts.req, c.env) ?? null),
      onError: ({ error, path }) => {
        if (error.code === 'SERVICE_UNAVAILABLE') console.warn(`[trpc] ${path}: database unreachable`)
        else if (error.code === 'INTERNAL_SERVER_ERROR')
          (options.onError ?? logError)(error.cause ?? error, path ?? '')
      },
    }),
  )

  registerCalendarRoutes(app, deps)
  // Live editing is a WebSocket upgrade, taken before this app (collab-node.ts, collab-worker.ts).
  app.all('/collab/*', (c) => c.text('Connect with a WebSocket (the live editor).', 426))
  options.serveClient?.(app)
  return app
}

function logError(error: unknown, path: string) {
  console.error(`[trpc] ${path} failed:`, error)
}
