/**
 * `npx --yes pnpm@10 bench:collab`: live co-editing on the Node server
 * (SQLite in a temporary file), with the standard clients (yjs + y-websocket + ws) in this process.
 * Prints figures beside a baseline measured in the same run (a bare WebSocket relay that forwards
 * every message to the other clients: no sign-in, no access checks, no storage); asserts nothing
 * except that no update was lost.
 *
 * - edit-to-peer latency p50/p95 with 2, 10 and 50 editors on one document, each typing a few
 *   times a second (from the edit in one client to its arrival in each other client);
 * - updates per second sustained, 10 editors typing as fast as they can;
 * - memory per open document on the server (rooms opened directly, heap measured after GC);
 * - time to open a 100-page document (first open seeds it from the revision; then from storage).
 */
import { createServer } from 'node:http'
import { Worker } from 'node:worker_threads'
import { systemClock } from '@appg-hub/core'
import { CollabRoom } from '@appg-hub/core/collab/room'
import { databaseCollabStore } from '@appg-hub/core/collab/store'
import { DEMO_GROUP_SLUG } from '@appg-hub/register/demo/seed-demo'
import { WebSocket, WebSocketServer } from 'ws'
import { liveClient, signInDemo, synced, waitFor } from '../support/collab'
import { startHubServer } from '../support/server'

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4)
const ROOMS = 100
const CLIENTS_MODULE = new URL('./collab-bench-clients.ts', import.meta.url).href
// y-websocket adds an exit listener per provider under Node.
process.setMaxListeners(0)

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!
}

/** A relay that forwards every message to every other client of the same path (the baseline). */
async function startRelay(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer()
  const wss = new WebSocketServer({ server })
  const rooms = new Map<string, Set<WebSocket>>()
  wss.on('connection', (ws, req) => {
    const room = rooms.get(req.url ?? '') ?? new Set()
    rooms.set(req.url ?? '', room)
    room.add(ws)
    ws.on('message', (data) => {
      for (const other of room) if (other !== ws && other.readyState === WebSocket.OPEN) other.send(data)
    })
    ws.on('close', () => room.delete(ws))
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  const { port } = server.address() as { port: number }
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      for (const c of wss.clients) c.terminate()
      await new Promise<void>((r) => server.close(() => r()))
    },
  }
}

/**
 * `editors` clients on one document, in two worker threads; each inserts a numbered token every
 * `everyMs`; every other client records when each token arrives. Latencies and lost deliveries.
 */
async function latencyInWorkers(
  url: string,
  documentId: string,
  editors: number,
  everyMs: number,
  signedIn: boolean,
) {
  const threads = Math.min(2, editors)
  const workers = Array.from({ length: threads }, (_, t) => {
    const count = Math.floor(editors / threads) + (t < editors % threads ? 1 : 0)
    const first = t === 0 ? 0 : Math.ceil(editors / threads)
    // A thread does not inherit tsx's loader: register it, then load the TypeScript module.
    const source = `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(CLIENTS_MODULE)}) })`
    const worker = new Worker(source, {
      eval: true,
      workerData: {
        url,
        documentId,
        cookies: people.map((p) => p.cookie),
        origin: signedIn ? new URL(hub.url).origin : '',
        first,
        count,
        everyMs,
        seconds: SECONDS,
      },
    })
    worker.on('error', (error) => {
      console.error('bench client thread failed:', error)
      process.exit(1)
    })
    return worker
  })
  const ask = <T>(w: Worker, message: string) =>
    new Promise<T>((resolve) => {
      w.once('message', resolve)
      w.postMessage(message)
    })
  await Promise.all(workers.map((w) => ask(w, 'sync')))
  await Promise.all(workers.map((w) => ask(w, 'run')))
  // Let the last edits arrive.
  await new Promise((r) => setTimeout(r, 2000))
  const reports = await Promise.all(
    workers.map((w) => ask<{ sent: [number, number][]; received: [number, number][] }>(w, 'report')),
  )
  await Promise.all(workers.map((w) => w.terminate()))
  const sentAt = new Map(reports.flatMap((r) => r.sent))
  const latencies = reports
    .flatMap((r) => r.received.map(([id, at]) => at - sentAt.get(id)!))
    .sort((a, b) => a - b)
  const expected = sentAt.size * (editors - 1)
  return {
    sent: sentAt.size,
    samples: latencies.length,
    lost: expected - latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
  }
}

function report(pages = 100): string {
  const out: string[] = ['# Annual report']
  for (let p = 0; p < pages; p++) {
    out.push('', `## Section ${p + 1}`)
    for (let k = 0; k < 11; k++)
      out.push(
        '',
        `Paragraph ${p}.${k}: the group heard evidence on **lung cancer** screening, genomic testing and access to targeted treatments across the regions (ref ${p}-${k}).`,
      )
  }
  return out.join('\n')
}

const hub = await startHubServer({ config: { collabIdleSaveMs: 60_000 } })
const relay = await startRelay()
const people = await Promise.all(['secretariat', 'chair', 'officer'].map((p) => signInDemo(hub.url, p)))
const newDocument = async (body = 'Benchmark document.\n') =>
  (
    await people[0]!.client.documents.create.mutate({
      groupSlug: DEMO_GROUP_SLUG,
      kind: 'notes',
      title: 'Benchmark',
      body,
      visibility: 'participants',
    })
  ).id

const rows: string[] = []
const row = (label: string, figures: string) => {
  rows.push(`| ${label} | ${figures} |`)
  console.log(`${label.padEnd(58)} ${figures}`)
}

console.log(`Live co-editing on Node + SQLite, ${SECONDS} s per phase\n`)
{
  // Memory per open document: rooms opened directly on the server's store, heap after GC.
  const gc = (globalThis as { gc?: () => void }).gc
  const ids = await Promise.all(Array.from({ length: ROOMS }, () => newDocument(report(5))))
  gc?.()
  gc?.()
  const before = process.memoryUsage().heapUsed
  const options = {
    db: hub.db,
    clock: systemClock,
    config: { publicUrl: hub.url, demoMode: true, groupInviteTtlMs: 0, handshakeTtlMs: 0 },
    store: databaseCollabStore(hub.db, systemClock),
    idleSaveMs: 60_000,
    accessCheckMs: 60_000,
  }
  const rooms = await Promise.all(ids.map((id) => CollabRoom.open(id, options)))
  gc?.()
  gc?.()
  const after = process.memoryUsage().heapUsed
  row(
    'memory per open document (5-page document, ~16 KB)',
    `${((after - before) / rooms.length / 1024).toFixed(0)} KiB of heap per room${gc ? '' : ' (run with --expose-gc for a steadier figure)'}`,
  )
  await Promise.all(rooms.map((r) => r.close()))
}

for (const editors of (process.env.BENCH_EDITORS ?? '2,10,50').split(',').map(Number)) {
  // Each editor sends an edit every 330 ms (a typist's burst), or every editors × 20 ms when there
  // are many (50 editors: one a second each, 50 edits a second on the document in all).
  const everyMs = Math.max(330, editors * 20)
  for (const target of ['relay (baseline)', 'hub'] as const) {
    const id = await newDocument()
    const result =
      target === 'hub'
        ? await latencyInWorkers(
            `${hub.url.replace(/^http/, 'ws')}/collab/documents`,
            id,
            editors,
            everyMs,
            true,
          )
        : await latencyInWorkers(`${relay.url.replace(/^http/, 'ws')}/relay`, id, editors, everyMs, false)
    row(
      `${editors} editors, edit-to-peer, ${target}`,
      `p50 ${result.p50.toFixed(1)} ms, p95 ${result.p95.toFixed(1)} ms (${result.sent} edits, ${result.samples} deliveries, ${result.lost} lost)`,
    )
  }
}

{
  // Sustained updates: 10 editors each inserting as fast as the event loop lets them.
  const id = await newDocument()
  const writers = Array.from({ length: 10 }, (_, i) =>
    liveClient(hub.url, id, people[i % people.length]!.cookie),
  )
  const observer = liveClient(hub.url, id, people[0]!.cookie)
  await Promise.all([...writers, observer].map(synced))
  let received = 0
  observer.doc.on('update', () => received++)
  let sent = 0
  let running = true
  const loops = writers.map(async (w) => {
    while (running) {
      w.text.insert(w.text.length, 'x')
      sent++
      await new Promise((r) => setImmediate(r))
    }
  })
  await new Promise((r) => setTimeout(r, SECONDS * 1000))
  running = false
  await Promise.all(loops)
  await waitFor(
    () => observer.text.length === writers[0]!.text.length && observer.text.length >= sent,
    30_000,
    'catch-up',
  ).catch(() => undefined)
  const stored = await hub.db
    .selectFrom('collab_update')
    .select(hub.db.fn.countAll().as('n'))
    .where('document_id', '=', id)
    .executeTakeFirstOrThrow()
  row(
    '10 editors typing flat out: updates stored and relayed',
    `${Math.round(sent / SECONDS).toLocaleString('en-GB')} updates/s sent, ${Math.round(received / SECONDS).toLocaleString('en-GB')}/s received by an observer; ${Number(stored.n).toLocaleString('en-GB')} in the log (compacted every 500); text ${observer.text.length >= sent ? 'complete' : `MISSING ${sent - observer.text.length}`}`,
  )
  for (const c of [...writers, observer]) c.destroy()
}

{
  const body = report(100)
  const id = await newDocument(body)
  for (const label of ['first open (seeded from the revision)', 'second open (from stored state)']) {
    const started = performance.now()
    const client = liveClient(hub.url, id, people[0]!.cookie)
    await synced(client)
    await waitFor(() => client.text.length === body.length, 30_000, 'the whole text')
    row(
      `open a 100-page document (${(body.length / 1024).toFixed(0)} KB), ${label}`,
      `${(performance.now() - started).toFixed(0)} ms to the whole text`,
    )
    client.destroy()
    // Let the room write its revision and close before the next open.
    await new Promise((r) => setTimeout(r, 1000))
  }
}

console.log(`\n${rows.join('\n')}`)
await relay.close()
await hub.close()
process.exit(0)
