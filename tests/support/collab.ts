/**
 * Live-editing clients for tests and the benchmark: the standard npm packages (`yjs`,
 * `y-websocket`'s WebsocketProvider, `ws`) with a demo account's session cookie, as any client of
 * the y-websocket protocol would connect to /collab/documents/<id>.
 */
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db/demo-constants'
import fc from 'fast-check'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as syncProtocol from 'y-protocols/sync'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { httpClient } from './http-client'

export function demoEmail(local: string): string {
  return `${local}@${DEMO_EMAIL_DOMAIN}`
}

/** Signs a demo account in over HTTP; answers its tRPC client and its Cookie header. */
export async function signInDemo(baseUrl: string, local: string) {
  const { client, cookies } = httpClient(baseUrl)
  await client.auth.signIn.mutate({ email: demoEmail(local), password: DEMO_PASSWORD })
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  return { client, cookie }
}

export function collabUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/collab/documents`
}

/** A `ws` WebSocket class that sends the given headers (a browser sends its cookie and origin). */
export function webSocketWith(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers })
    }
  } as typeof WebSocket
}

export interface LiveClient {
  doc: Y.Doc
  text: Y.Text
  provider: WebsocketProvider
  destroy(): void
}

export function liveClient(
  baseUrl: string,
  documentId: string,
  cookie: string,
  options: { connect?: boolean } = {},
): LiveClient {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(collabUrl(baseUrl), documentId, doc, {
    WebSocketPolyfill: webSocketWith({ cookie, origin: new URL(baseUrl).origin }) as never,
    connect: options.connect ?? true,
    maxBackoffTime: 200,
    disableBc: true,
  })
  return {
    doc,
    text: doc.getText('body'),
    provider,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

export function waitFor(check: () => boolean | Promise<boolean>, timeoutMs = 5000, what = 'condition') {
  const started = Date.now()
  return new Promise<void>((resolve, reject) => {
    const tick = async () => {
      try {
        if (await check()) return resolve()
      } catch (error) {
        return reject(error)
      }
      if (Date.now() - started > timeoutMs) return reject(new Error(`Timed out waiting for ${what}`))
      setTimeout(tick, 20)
    }
    void tick()
  })
}

export function synced(client: LiveClient): Promise<void> {
  return waitFor(() => client.provider.synced, 5000, 'sync')
}

/**
 * A raw upgrade: the HTTP status of a refusal (or 101), and every message received within
 * `listenMs` of being accepted.
 */
export function rawUpgrade(
  baseUrl: string,
  documentId: string,
  headers: Record<string, string>,
  listenMs = 300,
): Promise<{ status: number; messages: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`${collabUrl(baseUrl)}/${documentId}`, { headers })
    let messages = 0
    ws.on('message', () => messages++)
    ws.on('unexpected-response', (_req, res) => {
      res.resume()
      resolve({ status: res.statusCode ?? 0, messages })
      ws.terminate()
    })
    ws.on('open', () => {
      setTimeout(() => {
        ws.close()
        resolve({ status: 101, messages })
      }, listenMs)
    })
    ws.on('error', () => {})
  })
}

/**
 * The convergence property: editors insert and delete at random, dropping and regaining their
 * connection at random; once all are back they hold the same text, and after they all leave that
 * text is the document's latest revision.
 */
export async function randomEditingConverges(options: {
  newDocument: () => Promise<string>
  connect: (documentId: string) => LiveClient[]
  latestRevision: (documentId: string) => Promise<string>
  runs: number
}) {
  const op = fc.oneof(
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      text: fc.string({ minLength: 1, maxLength: 6 }),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 4 }) }),
    fc.record({ kind: fc.constant('toggle' as const) }),
    fc.record({ kind: fc.constant('pause' as const), ms: fc.integer({ min: 0, max: 30 }) }),
  )
  await fc.assert(
    fc.asyncProperty(
      fc.array(fc.tuple(fc.integer({ min: 0, max: 2 }), op), { minLength: 5, maxLength: 40 }),
      async (script) => {
        const documentId = await options.newDocument()
        const clients = options.connect(documentId)
        await Promise.all(clients.map(synced))
        for (const [who, step] of script) {
          const client = clients[who % clients.length]!
          if (step.kind === 'insert') client.text.insert(step.at % (client.text.length + 1), step.text)
          else if (step.kind === 'delete' && client.text.length > 0) {
            const at = step.at % client.text.length
            client.text.delete(at, Math.min(step.length, client.text.length - at))
          } else if (step.kind === 'toggle') {
            if (client.provider.shouldConnect) client.provider.disconnect()
            else client.provider.connect()
          } else if (step.kind === 'pause') await new Promise((r) => setTimeout(r, step.ms))
        }
        for (const c of clients) if (!c.provider.shouldConnect) c.provider.connect()
        await waitFor(
          () => clients.every((c) => c.provider.synced && c.text.toString() === clients[0]!.text.toString()),
          10_000,
          'convergence',
        )
        const text = clients[0]!.text.toString()
        for (const c of clients) c.destroy()
        await waitFor(
          async () => (await options.latestRevision(documentId)) === text,
          10_000,
          'the latest revision',
        )
      },
    ),
    { numRuns: options.runs },
  )
}

/**
 * A client that floods a document with updates (one inserted character each, as fast as `ws`
 * sends them): answers how its connection was closed, how long that took, and how many of its
 * characters the honest `witness`, connected throughout, received.
 */
export async function floodDocument(
  baseUrl: string,
  documentId: string,
  cookie: string,
  witness: LiveClient,
  messages = 5000,
): Promise<{ code: number; reason: string; received: number; seconds: number }> {
  const doc = new Y.Doc()
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    updates.push(encoding.toUint8Array(encoder))
  })
  for (let i = 0; i < messages; i++) doc.getText('body').insert(0, 'F')
  const ws = new WebSocket(`${collabUrl(baseUrl)}/${documentId}`, {
    headers: { cookie, origin: new URL(baseUrl).origin },
  })
  ws.on('error', () => {})
  await new Promise((resolve) => ws.once('open', resolve))
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  const started = performance.now()
  for (const update of updates) if (ws.readyState === WebSocket.OPEN) ws.send(update)
  const { code, reason } = await closed
  const seconds = (performance.now() - started) / 1000
  // Let whatever was accepted before the cut reach the witness.
  await new Promise((r) => setTimeout(r, 500))
  const received = [...witness.text.toString()].filter((c) => c === 'F').length
  return { code, reason, received, seconds }
}
