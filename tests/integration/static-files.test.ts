/**
 * The Node server's answers for what is not the API: pages 200, unknown pages 404 with the
 * client's not-found page, missing files a plain 404, hashed assets compressed and cached for a year.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { get as httpGet, type IncomingHttpHeaders } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { DAY, systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { CLIENT_DIST, startNodeServer } from '@appg-hub/server/node'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const script = readdirSync(`${CLIENT_DIST}assets`).find((f) => f.endsWith('.js'))!

describe.each([true, false])('static files on Node (demo mode %s)', (demoMode) => {
  let db: Db
  let server: { url: string; close(): Promise<void> }
  beforeAll(async () => {
    db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    server = await startNodeServer({
      db,
      clock: systemClock,
      config: {
        publicUrl: 'http://localhost:0',
        demoMode,
        groupInviteTtlMs: 7 * DAY,
        handshakeTtlMs: 14 * DAY,
      },
      host: '127.0.0.1',
      port: 0,
    })
  })
  afterAll(async () => {
    await server.close()
    await db.destroy()
  })
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers })
  /** The bytes as sent (fetch would decompress them). */
  const raw = (path: string, headers: Record<string, string>) =>
    new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      httpGet(server.url + path, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      }).on('error', reject)
    })

  it("answers the client's pages with 200 and unknown pages with 404 and the not-found page", async () => {
    for (const path of ['/', '/register', '/groups/cancer', '/sessions/abc', '/account']) {
      const response = await get(path)
      expect(response.status, path).toBe(200)
      expect(response.headers.get('content-type'), path).toContain('text/html')
    }
    for (const path of ['/no-such-page', '/groups/cancer/no-such-tab', '/topics']) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      // The client's HTML: its router shows the not-found page.
      expect(await response.text()).toMatch(/<script type="module" crossorigin src="\/assets\/index-/)
    }
    expect((await get('/mailbox')).status).toBe(demoMode ? 200 : 404)
  })

  it('answers a missing asset, source map or calendar with a plain 404, never the HTML', async () => {
    for (const path of [
      '/assets/index-missing.js',
      `/assets/${script}.map`,
      '/favicon.ico',
      '/groups/NOT_A_SLUG/calendar.ics',
      '/calendar/short.ics',
    ]) {
      const response = await get(path)
      expect(response.status, path).toBe(404)
      expect(response.headers.get('content-type') ?? '', path).not.toContain('text/html')
      expect(await response.text(), path).not.toContain('<script')
    }
  })

  it('sends the hashed script compressed (brotli, else gzip) and cached for a year', async () => {
    const original = readFileSync(`${CLIENT_DIST}assets/${script}`)
    const br = await raw(`/assets/${script}`, { 'accept-encoding': 'gzip, deflate, br' })
    expect(br.headers['content-encoding']).toBe('br')
    expect(br.headers.vary).toContain('Accept-Encoding')
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(br.headers['content-type']).toContain('javascript')
    expect(br.headers['content-security-policy']).toContain("script-src 'self'")
    expect(br.body.length).toBeLessThan(original.length / 3)
    expect(brotliDecompressSync(br.body).equals(original)).toBe(true)

    const gz = await raw(`/assets/${script}`, { 'accept-encoding': 'gzip' })
    expect(gz.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gz.body).equals(original)).toBe(true)

    const plain = await raw(`/assets/${script}`, { 'accept-encoding': 'identity' })
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(original)).toBe(true)

    const index = await get('/')
    expect(index.headers.get('cache-control')).toBe('no-cache')
  })
})
