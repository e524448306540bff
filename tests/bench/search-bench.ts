/**
 * `pnpm bench:search`: `search.query` over HTTP on ten times the demo's searchable content
 * (search-data.ts), one-, two- and three-word queries, signed out and signed in, beside the no-op
 * tRPC procedure served by the same server in the same run. The server runs in its own process
 * (serve.ts); here, `BENCH_CONNECTIONS` requests are kept in flight for `BENCH_SECONDS` per target,
 * cycling through the target's queries. Prints a table of p50/p95; asserts nothing.
 *
 *   npx --yes pnpm@10 bench:search
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/hub_bench npx --yes pnpm@10 bench:search   (an empty database)
 */
import { spawn } from 'node:child_process'
import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)

const QUERIES: Record<1 | 2 | 3, string[]> = {
  1: [
    'health',
    'cancer',
    'education',
    'climate',
    'rights',
    'trade',
    'housing',
    'children',
    'research',
    'rural',
  ],
  2: [
    'mental health',
    'young people',
    'rural communities',
    'public awareness',
    'climate change',
    'human rights',
    'cancer care',
    'small businesses',
  ],
  3: [
    'access to treatment',
    'raise awareness of issues',
    'young people education',
    'promote trade and investment',
    'support for carers',
    'health and wellbeing',
  ],
}

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_SEARCH_DATA: '1' },
  },
)
const first = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve)
  child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)))
})
const { url, cookie, indexed } = JSON.parse(first) as { url: string; cookie: string; indexed: number }

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`

interface Result {
  name: string
  requests: number
  rps: number
  p50: number
  p95: number
  errors: number
  found: number
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** Keep-alive sockets, one per connection: node:http costs the load generator less than fetch. */
const agent = new Agent({ keepAlive: true, maxSockets: connections })

function get(path: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url + path, { agent, headers }, (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => {
        body += chunk
      })
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

/** Keeps `connections` requests in flight for `seconds`, cycling through `paths`. */
async function run(name: string, paths: string[], headers: Record<string, string> = {}): Promise<Result> {
  const latencies: number[] = []
  let errors = 0
  let found = 0
  let next = 0
  const end = performance.now() + seconds * 1000
  async function worker() {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length]!
      const started = performance.now()
      try {
        const { status, body } = await get(path, headers)
        latencies.push(performance.now() - started)
        if (status !== 200) errors++
        else if (body.includes('"items":[{')) found++
      } catch {
        errors++
      }
    }
  }
  // Warm up (prepared statements, JIT), then measure.
  for (const path of paths) await get(path, headers)
  const started = performance.now()
  await Promise.all(Array.from({ length: connections }, worker))
  const elapsed = (performance.now() - started) / 1000
  latencies.sort((a, b) => a - b)
  return {
    name,
    requests: latencies.length,
    rps: latencies.length / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors,
    found,
  }
}

console.log(
  `Search benchmark: ${indexed.toLocaleString('en-GB')} index rows, ${connections} connections, ${seconds} s per target, ${url}`,
)
const results: Result[] = [await run('no-op tRPC procedure (baseline)', ['/bench/trpc/noop'])]
for (const signedIn of [false, true])
  for (const words of [1, 2, 3] as const) {
    const paths = QUERIES[words].map((q) => `/trpc/search.query${input({ q: `${q} ` })}`)
    results.push(
      await run(
        `search, ${words} word${words > 1 ? 's' : ''}, ${signedIn ? 'signed in' : 'signed out'}`,
        paths,
        signedIn ? { cookie } : {},
      ),
    )
    process.stderr.write(`  ${results[results.length - 1]!.name}: done\n`)
  }

const ms = (n: number) => n.toFixed(1)
console.log('')
console.log('| target | req/s | p50 ms | p95 ms | with results | errors |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const r of results)
  console.log(
    `| ${r.name} | ${Math.round(r.rps).toLocaleString('en-GB')} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.name.startsWith('no-op') ? '—' : `${Math.round((r.found / Math.max(1, r.requests)) * 100)}%`} | ${r.errors} |`,
  )
agent.destroy()
child.kill('SIGTERM')
