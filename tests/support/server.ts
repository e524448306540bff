/**
 * A real hub server for browser tests and benchmarks: a throw-away SQLite database (or
 * DATABASE_URL), the demo Register and the demo world, the Node entry serving the built client.
 */
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DAY, type HubConfig, hashPassword, systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { seedDemo } from '@appg-hub/db/demo/seed-demo'
import { importRegister } from '@appg-hub/db/register/index'
import { DEMO_REGISTER_FILE } from '@appg-hub/db/testing'
import { createDiskStore } from '@appg-hub/server/files/disk-store'
import { startNodeServer } from '@appg-hub/server/node'
import type { Hono } from 'hono'

function lines(file: string): string[] {
  return readFileSync(file, 'utf8').split('\n')
}

/**
 * Migrates `db` and loads a Register and the demo world: the demo Register (as an edition, then for
 * its tags and lists), or with `realRegisterDir` the real 2026-06-29 edition and members file.
 */
export async function loadDemoWorld(db: Db, options: { realRegisterDir?: string } = {}) {
  await migrateToLatest(db)
  const dir = options.realRegisterDir
  const edition = dir ? `${dir}register-2026-06-29.jsonl` : DEMO_REGISTER_FILE
  const members = dir ? `${dir}appgs-with-members.jsonl` : DEMO_REGISTER_FILE
  await importRegister(db, { lines: lines(edition), mode: 'edition' })
  await importRegister(db, { lines: lines(members), mode: 'members' })
  // Low cost keeps set-up quick; the stored parameters make verification use the same.
  return seedDemo(db, { hashPassword: (pw) => hashPassword(pw, { ln: 12, r: 8, p: 1 }) })
}

export interface HubServer {
  url: string
  databaseUrl: string
  db: Db
  /** Where the server keeps attached files. */
  filesDir: string
  close(): Promise<void>
}

export async function startHubServer(
  options: {
    databaseUrl?: string
    extraRoutes?: (app: Hono) => void
    config?: Partial<HubConfig>
    /** The real Register's folder (benchmarks); the demo Register without it. */
    realRegisterDir?: string
    headersTimeoutMs?: number
    requestTimeoutMs?: number
  } = {},
): Promise<HubServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'appg-hub-'))
  const databaseUrl = options.databaseUrl ?? `sqlite:${join(dataDir, 'hub.db')}`
  const db = await createDb(databaseUrl)
  await loadDemoWorld(db, { realRegisterDir: options.realRegisterDir })
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
    files: createDiskStore(join(dataDir, 'files')),
    headersTimeoutMs: options.headersTimeoutMs,
    requestTimeoutMs: options.requestTimeoutMs,
  })
  const port = new URL(server.url).port
  config.publicUrl = `http://localhost:${port}`
  return {
    url: config.publicUrl,
    databaseUrl,
    db,
    filesDir: join(dataDir, 'files'),
    async close() {
      await server.close()
      await db.destroy()
    },
  }
}
