/**
 * Live-editing clients for tests and the benchmark: the standard npm packages (`yjs`,
 * `y-websocket`'s WebsocketProvider, `ws`) with a demo account's session cookie, as any client of
 * the y-websocket protocol would connect to /collab/documents/<id>.
 */
import { DEMO_EMAIL_DOMAIN, DEMO_PASSWORD } from '@appg-hub/db/demo-constants'
import WebSocket from 'ws'
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
