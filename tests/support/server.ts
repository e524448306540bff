/**
 * A real hub server for browser tests and benchmarks: a throw-away SQLite database (or
 * DATABASE_URL), the real Register and the demo world, the Node entry serving the built client.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DAY, type HubConfig, hashPassword, systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { seedDemo } from '@appg-hub/db/demo/seed-demo'
import { importRegister } from '@appg-hub/db/register/index'
import { DEMO_EDITION, MEMBERS_FILE, registerDataDir } from '@appg-hub/server/cli/data-files'
import { startNodeServer } from '@appg-hub/server/node'
import type { Hono } from 'hono'

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n')
}

/** Migrates `db` and loads the 2026-06-29 edition, the members file and the demo world. */
export async function loadDemoWorld(db: Db) {
  await migrateToLatest(db)
  const dir = registerDataDir()
  await importRegister(db, { lines: lines(dir + DEMO_EDITION), mode: 'edition' })
  await importRegister(db, { lines: lines(dir + MEMBERS_FILE), mode: 'members' })
  // Low cost keeps set-up quick; the stored parameters make verification use the same.
  return seedDemo(db, { hashPassword: (pw) => hashPassword(pw, { ln: 12, r: 8, p: 1 }) })
}

export interface HubServer {
  url: string
  databaseUrl: string
  db: Db
  close(): Promise<void>
}

export async function startHubServer(
  options: {
    databaseUrl?: string
    extraRoutes?: (app: Hono) => void
    config?: Partial<HubConfig>
    headersTimeoutMs?: number
    requestTimeoutMs?: number
  } = {},
): Promise<HubServer> {
  const databaseUrl =
    options.databaseUrl ?? `sqlite:${join(mkdtempSync(join(tmpdir(), 'appg-hub-')), 'hub.db')}`
  const db = await createDb(databaseUrl)
  await loadDemoWorld(db)
  // Port 0 picks a free port; the public URL is fixed up once it is known.
  const config: HubConfig = {
    publicUrl: 'http://localhost:0',
    demoMode: true,
    groupInviteTtlMs: 7 * DAY,
    handshakeTtlMs: 14 * DAY,
    ...options.config,
  }
  const server = await startNodeServer({
    db,
    clock: systemClock,
    config,
    host: '127.0.0.1',
    port: 0,
    extraRoutes: options.extraRoutes,
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
  })
  const port = new URL(server.url).port
  config.publicUrl = `http://localhost:${port}`
  return {
    url: config.publicUrl,
    databaseUrl,
    db,
    async close() {
      await server.close()
      await db.destroy()
    },
  }
}
