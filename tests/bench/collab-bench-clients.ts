/**
 * A worker thread of collab-bench.ts: some of the editors of one document, so that the clients'
 * own Yjs work runs beside the server rather than in its event loop. Each editor inserts a token
 * every `everyMs`; every token that arrives from someone else is reported with its arrival time.
 * Times are `performance.timeOrigin + performance.now()`, comparable across threads.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { webSocketWith } from '../support/collab'

const { url, documentId, cookies, origin, first, count, everyMs, seconds } = workerData as {
  url: string
  documentId: string
  cookies: string[]
  origin: string
  first: number
  count: number
  everyMs: number
  seconds: number
}
process.setMaxListeners(0)
const now = () => performance.timeOrigin + performance.now()
const sent: [number, number][] = []
const received: [number, number][] = []

const clients = Array.from({ length: count }, (_, i) => {
  const doc = new Y.Doc()
  const provider = new WebsocketProvider(url, documentId, doc, {
    WebSocketPolyfill: webSocketWith(origin ? { cookie: cookies[i % cookies.length]!, origin } : {}) as never,
    disableBc: true,
  })
  const text = doc.getText('body')
  const seen = new Set<number>()
  text.observe((event) => {
    if (event.transaction.local) return
    const at = now()
    for (const op of event.delta)
      if (typeof op.insert === 'string')
        for (const match of op.insert.matchAll(/§(\d+)§/g)) {
          const id = Number(match[1])
          if (!seen.has(id)) {
            seen.add(id)
            received.push([id, at])
          }
        }
  })
  return { doc, provider, text }
})

const waitSynced = () =>
  new Promise<void>((resolve) => {
    // A bare relay answers no sync request of its own: there, being connected is all there is.
    const ready = (c: (typeof clients)[number]) => (origin ? c.provider.synced : c.provider.wsconnected)
    const check = () => (clients.every(ready) ? resolve() : setTimeout(check, 20))
    check()
  })

parentPort!.on('message', async (message: string) => {
  if (message === 'sync') {
    await waitSynced()
    parentPort!.postMessage({ synced: true })
  } else if (message === 'run') {
    let next = 0
    const timers: ReturnType<typeof setInterval>[] = []
    clients.forEach((client, i) => {
      setTimeout(() => {
        timers.push(
          setInterval(() => {
            const id = (first + i) * 100_000 + next++
            sent.push([id, now()])
            client.text.insert(client.text.length, `§${id}§ `)
          }, everyMs),
        )
      }, Math.random() * everyMs)
    })
    await new Promise((r) => setTimeout(r, seconds * 1000))
    for (const t of timers) clearInterval(t)
    parentPort!.postMessage({ done: true, sentCount: sent.length })
  } else if (message === 'report') {
    for (const c of clients) {
      c.provider.destroy()
      c.doc.destroy()
    }
    parentPort!.postMessage({ sent, received })
  }
})
