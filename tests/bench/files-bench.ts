/**
 * `pnpm exec tsx tests/bench/files-bench.ts`: uploads of a 24 MB file to the Node server (disk
 * store, SQLite), each streamed from a generator so that the client holds no copy, beside a
 * baseline route in the same server that only reads and discards the body. Prints throughput and
 * the peak growth of the process's memory during the uploads (the server must not hold a file
 * whole); downloads too. Asserts nothing.
 */
import { DEMO_PASSWORD } from '@appg-hub/db'
import { httpClient } from '../support/http-client'
import { startHubServer } from '../support/server'

const SIZE = 24 * 1024 * 1024
const CHUNK = 64 * 1024
const RUNS = Number(process.env.BENCH_RUNS ?? 5)

/** A PDF-looking body made chunk by chunk. */
function body(): ReadableStream<Uint8Array> {
  let sent = 0
  const header = new TextEncoder().encode('%PDF-1.4\n')
  return new ReadableStream({
    pull(controller) {
      if (sent >= SIZE) return controller.close()
      const chunk = new Uint8Array(Math.min(CHUNK, SIZE - sent)).fill(0x20)
      if (sent === 0) chunk.set(header)
      sent += chunk.byteLength
      controller.enqueue(chunk)
    },
  })
}

async function measure(label: string, run: () => Promise<void>) {
  await run() // warm-up, not counted
  global.gc?.()
  const base = process.memoryUsage().rss
  let peak = base
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 5)
  const started = performance.now()
  for (let i = 0; i < RUNS; i++) await run()
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  const mbps = (RUNS * SIZE) / (1024 * 1024) / seconds
  console.log(
    `${label.padEnd(44)} ${mbps.toFixed(0).padStart(5)} MB/s  ${((seconds / RUNS) * 1000).toFixed(0).padStart(5)} ms each  peak memory +${((peak - base) / (1024 * 1024)).toFixed(0)} MB`,
  )
}

const server = await startHubServer({
  config: { maxUploadMb: 25, groupQuotaMb: 100_000 },
  extraRoutes: (app) =>
    app.post('/bench/discard', async (c) => {
      for await (const _ of c.req.raw.body as unknown as AsyncIterable<Uint8Array>);
      return c.json({ ok: true })
    }),
})
try {
  const { client, cookies } = httpClient(server.url)
  await client.auth.signIn.mutate({ email: 'secretariat@demo.appg-hub.test', password: DEMO_PASSWORD })
  const cookie = [...cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  const { id } = await client.topics.create.mutate({
    groupSlug: 'personalised-medicine',
    title: 'Benchmark uploads',
    summary: 'Large files.',
    tags: [],
    visibility: 'participants',
  })
  const post = async (path: string) => {
    const response = await fetch(server.url + path, {
      method: 'POST',
      headers: {
        cookie,
        origin: server.url,
        'content-length': String(SIZE),
        'x-file-name': 'evidence.pdf',
        'content-type': 'application/octet-stream',
      },
      body: body(),
      duplex: 'half',
    } as RequestInit)
    if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
  }
  console.log(
    `${RUNS} × ${SIZE / (1024 * 1024)} MB, one at a time, SQLite and the disk store in ${server.filesDir}`,
  )
  await measure('baseline: a route that reads and discards', () => post('/bench/discard'))
  await measure('upload (SHA-256, disk, type check, row)', () => post(`/files/topic/${id}`))
  const { items } = await client.files.list.query({ targetType: 'topic', targetId: id })
  await measure('download', async () => {
    const response = await fetch(server.url + items[0]!.url, { headers: { cookie } })
    for await (const _ of response.body as unknown as AsyncIterable<Uint8Array>);
  })
} finally {
  await server.close()
}
