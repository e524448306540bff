/** The Node entry: the app over @hono/node-server, serving the built client from apps/web/dist. */
import { existsSync, readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import { fileURLToPath } from 'node:url'
import type { Clock, HubConfig } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import type { Hono } from 'hono'
import { createApp } from './app'
import { attachCollab } from './collab-node'

export const CLIENT_DIST = fileURLToPath(new URL('../../web/dist/', import.meta.url))

/** Static files, then index.html for any other GET (the client's own routes). */
function serveClient(app: Hono) {
  app.use('*', serveStatic({ root: CLIENT_DIST }))
  app.get('*', (c) => {
    const index = `${CLIENT_DIST}index.html`
    if (!existsSync(index))
      return c.text('The web client is not built yet: run `npx --yes pnpm@10 start`, which builds it.', 503)
    return c.html(readFileSync(index, 'utf8'))
  })
}

export interface NodeServerOptions {
  db: Db
  clock: Clock
  config: HubConfig
  host: string
  port: number
  extraRoutes?: (app: Hono) => void
}

export function startNodeServer(
  options: NodeServerOptions,
): Promise<{ url: string; close(): Promise<void> }> {
  const app = createApp({
    db: options.db,
    clock: options.clock,
    config: options.config,
    extraRoutes: options.extraRoutes,
    serveClient,
    clientAddress: (_req, env) => {
      const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
      return incoming?.socket?.remoteAddress ?? null
    },
  })
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: options.host, port: options.port }, (info) => {
      resolve({
        url: `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`,
        close: async () => {
          await collab.close()
          await new Promise<void>((done) => server.close(() => done()))
        },
      })
    })
    const collab = attachCollab(server as Server, options)
  })
}
