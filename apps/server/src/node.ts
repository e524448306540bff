/** The Node entry: the app over @hono/node-server, serving the built client from apps/web/dist. */
import { existsSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Clock, FileStore, HubConfig } from '@appg-hub/core'
import { localWordConverter } from '@appg-hub/core/files/word-converter-local'
import type { Db } from '@appg-hub/db'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { createApp } from './app'
import { cacheControlFor, classifyPath, MISSING_FILE_TEXT } from './client-routes'
import { attachCollab } from './collab-node'

export const CLIENT_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url))

/**
 * Static files (brotli or gzip when the build precompressed them and the browser takes it), then
 * index.html: 200 for the client's pages, 404 for unknown ones; a missing file is a plain 404.
 */
function clientServer(config: HubConfig) {
  return (app: Hono) => {
    app.use(
      '*',
      serveStatic({
        root: CLIENT_DIST,
        precompressed: true,
        onFound: (_path, c) => {
          c.header('Cache-Control', cacheControlFor(c.req.path))
        },
      }),
    )
    app.get('*', (c) => {
      const answer = classifyPath(c.req.path, config)
      if (answer === 'missing-file') return c.text(MISSING_FILE_TEXT, 404)
      const index = `${CLIENT_DIST}index.html`
      if (!existsSync(index))
        return c.text('The web client is not built yet: run `npx --yes pnpm@10 start`, which builds it.', 503)
      c.header('Cache-Control', 'no-cache')
      return c.html(readFileSync(index, 'utf8'), answer === 'page' ? 200 : 404)
    })
  }
}

export interface NodeServerOptions {
  db: Db
  clock: Clock
  config: HubConfig
  host: string
  port: number
  extraRoutes?: (app: Hono) => void
  /** Where attached files live (`createDiskStore(FILES_DIR)`); without one, file routes answer 503. */
  files?: FileStore
  /** Time allowed for a request's headers (default 20 s): a client trickling them is cut off. */
  headersTimeoutMs?: number
  /** Time allowed for a whole request, body included (default 60 s). */
  requestTimeoutMs?: number
}

export const DEFAULT_HEADERS_TIMEOUT_MS = 20_000
export const DEFAULT_REQUEST_TIMEOUT_MS = 60_000

export function startNodeServer(
  options: NodeServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({
    db: options.db,
    clock: options.clock,
    config: options.config,
    extraRoutes: options.extraRoutes,
    files: options.files,
    word: localWordConverter,
    serveClient: clientServer(options.config),
    clientAddress: (_req, env) => {
      const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
      return incoming?.socket?.remoteAddress ?? null
    },
  })
  return new Promise((resolve) => {
    const headersTimeout = options.headersTimeoutMs ?? DEFAULT_HEADERS_TIMEOUT_MS
    const requestTimeout = Math.max(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS, headersTimeout)
    const serverOptions = {
      headersTimeout,
      requestTimeout,
      // Node checks those timeouts every 30 s by default, which would let a slow client stay twice
      // as long as allowed.
      connectionsCheckingInterval: Math.max(100, Math.min(1000, headersTimeout / 10)),
    }
    const server = serve(
      { fetch: app.fetch, hostname: options.host, port: options.port, serverOptions },
      (info) => {
        resolve({
          url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
          close: async () => {
            await collab.close()
            await new Promise<void>((done) => server.close(() => done()))
          },
        })
      },
    )
    const collab = attachCollab(server as Server, options)
  })
}
