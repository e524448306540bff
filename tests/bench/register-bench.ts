/**
 * `pnpm bench`: throughput and latency over HTTP of the Register list and `me`, beside baselines
 * served by the same server in the same run (a bare Hono route, a raw prepared statement, a
 * no-op tRPC procedure). The server runs in its own process so that the load generator does not
 * share its event loop. Prints a table; asserts nothing.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 pnpm bench
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/hub_bench pnpm bench   (an empty database)
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import autocannon from 'autocannon'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)

const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  },
)
const first = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve)
  child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)))
})
const { url, cookie, raw } = JSON.parse(first) as { url: string; cookie: string; raw: boolean }

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`
const targets: { name: string; path: string; headers?: Record<string, string> }[] = [
  { name: 'bare Hono JSON route (baseline)', path: '/bench/bare' },
  ...(raw ? [{ name: 'raw prepared statement, 20 groups (baseline)', path: '/bench/raw-register' }] : []),
  { name: 'no-op tRPC procedure (baseline)', path: '/bench/trpc/noop' },
  { name: 'register.list, 20 groups', path: `/trpc/register.list${input({ limit: 20 })}` },
  { name: 'register.list, search "health"', path: `/trpc/register.list${input({ q: 'health', limit: 20 })}` },
  { name: 'me.get, signed in', path: '/trpc/me.get', headers: { cookie } },
]

console.log(`Benchmark: ${connections} connections, ${seconds} s per target, against ${url}`)
const results: { name: string; rps: number; p50: number; p99: number; errors: number }[] = []
for (const target of targets) {
  const result = await autocannon({
    url: url + target.path,
    connections,
    duration: seconds,
    headers: target.headers,
  })
  const errors = result.errors + result.timeouts + result.non2xx
  results.push({
    name: target.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors,
  })
  process.stderr.write(`  ${target.name}: done\n`)
}

const base = results[0]!.rps
console.log('')
console.log(`| target | req/s | vs bare | p50 ms | p99 ms | errors |`)
console.log(`| --- | ---: | ---: | ---: | ---: | ---: |`)
for (const r of results) {
  console.log(
    `| ${r.name} | ${Math.round(r.rps).toLocaleString('en-GB')} | ${((r.rps / base) * 100).toFixed(0)}% | ${r.p50} | ${r.p99} | ${r.errors} |`,
  )
}
child.kill('SIGTERM')
