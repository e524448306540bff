/**
 * `pnpm bench:search`: `search.query` over HTTP on ten times the demo's searchable content
 * (search-data.ts), one-, two- and three-word queries, signed out and signed in, beside the no-op
 * tRPC procedure served by the same server in the same run. The server runs in its own process
 * (serve.ts); here, `BENCH_CONNECTIONS` requests are kept in flight for `BENCH_SECONDS` per target,
 * cycling through the target's queries. Prints a table of p50/p95 and of the server process's CPU
 * time per request (Linux; warm-up requests included), which unlike latency does not depend on
 * what else the machine runs; asserts nothing.
 *
 *   npx --yes pnpm@10 bench:search
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/hub_bench npx --yes pnpm@10 bench:search   (an empty database)
 */
import { loadGenerator, processCpuMs, startBenchServer } from './http-load'

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

const { ready, child } = await startBenchServer({ BENCH_SEARCH_DATA: '1' })
const { url, cookie, indexed } = ready

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`

interface Result {
  name: string
  requests: number
  rps: number
  p50: number
  p95: number
  errors: number
  errorKinds: Record<string, number>
  found: number
  /** The server's CPU time per request, ms. */
  cpu: number | null
}

const load = loadGenerator(connections)
const run = async (name: string, paths: string[], headers: Record<string, string> = {}): Promise<Result> => {
  const cpuBefore = processCpuMs(child.pid)
  const result = await load.run(
    paths.map((path) => url + path),
    seconds,
    headers,
  )
  const cpuAfter = processCpuMs(child.pid)
  const cpu =
    cpuBefore === null || cpuAfter === null ? null : (cpuAfter - cpuBefore) / (result.requests + paths.length)
  return { name, ...result, cpu }
}

console.log(
  `Search benchmark: ${(indexed ?? 0).toLocaleString('en-GB')} index rows, ${connections} connections, ${seconds} s per target, ${url}`,
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
console.log('| target | req/s | p50 ms | p95 ms | server CPU ms/req | with results | errors |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const r of results)
  console.log(
    `| ${r.name} | ${Math.round(r.rps).toLocaleString('en-GB')} | ${ms(r.p50)} | ${ms(r.p95)} | ${r.cpu === null ? '—' : r.cpu.toFixed(2)} | ${r.name.startsWith('no-op') ? '—' : `${Math.round((r.found / Math.max(1, r.requests)) * 100)}%`} | ${r.errors} |`,
  )
for (const r of results) if (r.errors > 0) console.log(`${r.name}: errors ${JSON.stringify(r.errorKinds)}`)
load.close()
child.kill('SIGTERM')
