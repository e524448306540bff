/**
 * `npx --yes pnpm@10 bench:collab`: live co-editing on the Node server (SQLite in a temporary
 * file) and on workerd (`wrangler dev`: the Worker and its Durable Object, writing revisions to
 * MariaDB at MYSQL_URL through the PlanetScale HTTP protocol), with the standard clients
 * (yjs + y-websocket + ws) in this process. Prints one column per target beside a baseline
 * measured in the same run (a bare WebSocket relay that forwards every message to the other
 * clients: no sign-in, no access checks, no storage); asserts nothing except that no update was
 * lost. `BENCH_COLLAB_TARGETS=node,workerd` (default both; workerd needs MYSQL_URL).
 *
 * - edit-to-peer latency p50/p95 with 2, 10 and 50 editors on one document, each typing a few
 *   times a second (from the edit in one client to its arrival in each other client);
 * - updates per second sustained, 10 editors typing as fast as their connection's budget allows;
 * - memory per open document on the Node server (rooms opened directly, heap measured after GC);
 * - time to open a 100-page document (first open seeds it from the revision; then from storage).
 */
import { createServer } from 'node:http'
import { Worker } from 'node:worker_threads'
import { systemClock } from '@appg-hub/core'
import { DEFAULT_MESSAGE_LIMIT } from '@appg-hub/core/collab/message-budget'
import { CollabRoom } from '@appg-hub/core/collab/room'
import { databaseCollabStore } from '@appg-hub/core/collab/store'
import { createDb } from '@appg-hub/db/create-db'
import { DEMO_GROUP_SLUG } from '@appg-hub/db/demo/seed-demo'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { WebSocket, WebSocketServer } from 'ws'
import { startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { liveClient, signInDemo, synced, waitFor } from '../support/collab'
import { loadDemoWorld, startHubServer } from '../support/server'
import { startWorker } from '../support/wrangler'

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
  signedIn: { origin: string; cookies: string[] } | null,
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
        cookies: signedIn?.cookies ?? [],
        origin: signedIn?.origin ?? '',
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

type Person = Awaited<ReturnType<typeof signInDemo>>

/** A server under test: where its clients connect, who signs in, how documents are made. */
interface Target {
  name: string
  url: string
  people: Person[]
  /** Updates in the document's log (Node's database; the Durable Object's storage is its own). */
  storedUpdates?: (documentId: string) => Promise<number>
  close(): Promise<void>
}

async function signIn(url: string): Promise<Person[]> {
  return Promise.all(['secretariat', 'chair', 'officer'].map((p) => signInDemo(url, p)))
}

const newDocument = async (target: Target, body = 'Benchmark document.\n') =>
  (
    await target.people[0]!.client.documents.create.mutate({
      groupSlug: DEMO_GROUP_SLUG,
      kind: 'notes',
      title: 'Benchmark',
      body,
      visibility: 'participants',
    })
  ).id

const wanted = (process.env.BENCH_COLLAB_TARGETS ?? 'node,workerd').split(',')
const hub = await startHubServer({ config: { collabIdleSaveMs: 60_000 } })
const targets: Target[] = []
if (wanted.includes('node'))
  targets.push({
    name: 'Node + SQLite',
    url: hub.url,
    people: await signIn(hub.url),
    storedUpdates: async (id) =>
      Number(
        (
          await hub.db
            .selectFrom('collab_update')
            .select(hub.db.fn.countAll().as('n'))
            .where('document_id', '=', id)
            .executeTakeFirstOrThrow()
        ).n,
      ),
    close: () => hub.close(),
  })
if (wanted.includes('workerd')) {
  if (!process.env.MYSQL_URL)
    console.log('workerd skipped: set MYSQL_URL (MariaDB behind the PlanetScale HTTP protocol)')
  else {
    const planetscale = await startPlanetscaleHttp({
      mysqlUrl: await createMysqlDatabase('hub_bench_collab'),
    })
    const db = await createDb(planetscale.url)
    await loadDemoWorld(db)
    const worker = await startWorker({
      DATABASE_URL: planetscale.url,
      DEMO_MODE: 'true',
      COLLAB_IDLE_SAVE_SECONDS: '60',
    })
    targets.push({
      name: 'workerd (wrangler dev) + MariaDB via PlanetScale HTTP',
      url: worker.url,
      people: await signIn(worker.url),
      close: async () => {
        await worker.close()
        await db.destroy()
        await planetscale.close()
        await dropMysqlDatabases()
      },
    })
  }
}
const relay = await startRelay()

/** Figures by measure, then by column ('relay (baseline)' or a target's name). */
const figures = new Map<string, Map<string, string>>()
const record = (measure: string, column: string, figure: string) => {
  if (!figures.has(measure)) figures.set(measure, new Map())
  figures.get(measure)!.set(column, figure)
  console.log(`${`${measure} [${column}]`.padEnd(90)} ${figure}`)
}
const RELAY = 'relay (baseline)'

console.log(`Live co-editing: ${targets.map((t) => t.name).join('; ')}; ${SECONDS} s per phase\n`)
if (targets.some((t) => t.name.startsWith('Node'))) {
  // Memory per open document: rooms opened directly on the Node server's store, heap after GC.
  const node = targets.find((t) => t.name.startsWith('Node'))!
  const gc = (globalThis as { gc?: () => void }).gc
  const ids = await Promise.all(Array.from({ length: ROOMS }, () => newDocument(node, report(5))))
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
  record(
    'memory per open document (5-page document, ~16 KB)',
    node.name,
    `${((after - before) / rooms.length / 1024).toFixed(0)} KiB of heap per room${gc ? '' : ' (run with --expose-gc for a steadier figure)'}`,
  )
  await Promise.all(rooms.map((r) => r.close()))
}

for (const editors of (process.env.BENCH_EDITORS ?? '2,10,50').split(',').map(Number)) {
  // Each editor sends an edit every 330 ms (a typist's burst), or every editors × 20 ms when there
  // are many (50 editors: one a second each, 50 edits a second on the document in all).
  const everyMs = Math.max(330, editors * 20)
  const measure = `${editors} editors, edit-to-peer`
  const baseline = await latencyInWorkers(
    `${relay.url.replace(/^http/, 'ws')}/relay`,
    `relay-${editors}`,
    editors,
    everyMs,
    null,
  )
  record(measure, RELAY, latencyFigure(baseline))
  for (const target of targets) {
    const id = await newDocument(target)
    const result = await latencyInWorkers(
      `${target.url.replace(/^http/, 'ws')}/collab/documents`,
      id,
      editors,
      everyMs,
      {
        origin: new URL(target.url).origin,
        cookies: target.people.map((p) => p.cookie),
      },
    )
    record(measure, target.name, latencyFigure(result))
  }
}

function latencyFigure(r: Awaited<ReturnType<typeof latencyInWorkers>>): string {
  return `p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (${r.sent} edits, ${r.samples} deliveries, ${r.lost} lost)`
}

// Sustained updates: 10 editors each inserting as fast as the event loop lets them, held under the
// connection's message budget (beyond it the server closes the connection: 4429).
const PER_EDITOR = Math.floor(DEFAULT_MESSAGE_LIMIT.messagesPerSecond * 0.75)
const sustained = `10 editors typing flat out (each at most ${PER_EDITOR} updates/s, under the budget): updates stored and relayed`
for (const target of targets) {
  const id = await newDocument(target)
  const writers = Array.from({ length: 10 }, (_, i) =>
    liveClient(target.url, id, target.people[i % target.people.length]!.cookie),
  )
  const observer = liveClient(target.url, id, target.people[0]!.cookie)
  await Promise.all([...writers, observer].map(synced))
  // Connections the server closed meanwhile (4429: past the message budget), by close code.
  const closes = new Map<number, number>()
  for (const w of writers)
    w.provider.on('connection-close', (event: { code: number } | null) =>
      closes.set(event?.code ?? 0, (closes.get(event?.code ?? 0) ?? 0) + 1),
    )
  let received = 0
  observer.doc.on('update', () => received++)
  let sent = 0
  let running = true
  const started = performance.now()
  const loops = writers.map(async (w) => {
    let mine = 0
    while (running) {
      if (mine < ((performance.now() - started) / 1000) * PER_EDITOR) {
        w.text.insert(w.text.length, 'x')
        mine++
        sent++
        await new Promise((r) => setImmediate(r))
      } else await new Promise((r) => setTimeout(r, 2))
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
  const stored = await target.storedUpdates?.(id)
  record(
    sustained,
    target.name,
    `${Math.round(sent / SECONDS).toLocaleString('en-GB')} updates/s sent, ${Math.round(received / SECONDS).toLocaleString('en-GB')}/s received by an observer; ${stored === undefined ? '' : `${stored.toLocaleString('en-GB')} in the log (compacted every 500); `}text ${observer.text.length >= sent ? 'complete' : `MISSING ${sent - observer.text.length}`}${closes.size ? `; connections closed: ${[...closes].map(([code, n]) => `${n} × ${code}`).join(', ')}` : ''}`,
  )
  for (const c of [...writers, observer]) c.destroy()
}

{
  const body = report(100)
  for (const target of targets) {
    const id = await newDocument(target, body)
    for (const label of ['first open (seeded from the revision)', 'second open (from stored state)']) {
      const started = performance.now()
      const client = liveClient(target.url, id, target.people[0]!.cookie)
      await synced(client)
      await waitFor(() => client.text.length === body.length, 30_000, 'the whole text')
      record(
        `open a 100-page document (${(body.length / 1024).toFixed(0)} KB), ${label}`,
        target.name,
        `${(performance.now() - started).toFixed(0)} ms to the whole text`,
      )
      client.destroy()
      // Let the room write its revision and close before the next open.
      await new Promise((r) => setTimeout(r, 1000))
    }
  }
}

const columns = [RELAY, ...targets.map((t) => t.name)]
console.log(`\n| measure | ${columns.join(' | ')} |`)
console.log(`| --- | ${columns.map(() => '---').join(' | ')} |`)
for (const [measure, byColumn] of figures)
  console.log(`| ${measure} | ${columns.map((c) => byColumn.get(c) ?? '—').join(' | ')} |`)
await relay.close()
for (const target of targets) await target.close()
if (!targets.some((t) => t.name.startsWith('Node'))) await hub.close()
process.exit(0)
