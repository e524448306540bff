/**
 * `pnpm bench:growth`: how each list's latency grows with the data (issue #14). Two bench servers
 * run side by side: the demo world as `pnpm bench` serves it plus generated topics, sessions,
 * documents and comments (search-data.ts) at scale 1 (1×) and at scale 10 (10×), so that the lists'
 * pages are full in both and only the amount of data behind them differs. Each list is measured on
 * both in interleaved slices, so that both see the same load on a shared machine, with the no-op
 * tRPC procedure as the baseline of each. Prints p95 at 1× and 10× and their ratio (target ≤ 1.3×),
 * and the server's CPU time per call at each size, which the machine's other load disturbs far
 * less than latency; asserts nothing.
 *
 *   npx --yes pnpm@10 bench:growth
 *   BENCH_SECONDS=6 BENCH_CONNECTIONS=10 BENCH_ROUNDS=3 npx --yes pnpm@10 bench:growth
 *   BENCH_ONLY=sessions.listForGroup,documents.listForGroup npx --yes pnpm@10 bench:growth
 *
 * BENCH_ONLY (comma-separated parts of list names) measures only those lists, and the baseline.
 */
import { loadGenerator, percentile, processCpuMs, type ServerReady, startBenchServer } from './http-load'

const seconds = Number(process.env.BENCH_SECONDS ?? 4)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10)
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 2))
const only = (process.env.BENCH_ONLY ?? '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean)

interface Target {
  name: string
  signedIn: boolean
  path: (ready: ServerReady) => string | null
}

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`
const call =
  (procedure: string, value?: (ready: ServerReady) => unknown) =>
  (ready: ServerReady): string | null => {
    const v = value?.(ready)
    return v === null ? null : `/trpc/${procedure}${v === undefined ? '' : input(v)}`
  }
const group =
  (extra: Record<string, unknown> = {}) =>
  (r: ServerReady) =>
    r.ids.slug ? { slug: r.ids.slug, ...extra } : null

const ALL_TARGETS: Target[] = [
  { name: 'no-op tRPC procedure (baseline)', signedIn: false, path: () => '/bench/trpc/noop' },
  { name: 'register.list, 20 groups', signedIn: false, path: call('register.list', () => ({ limit: 20 })) },
  { name: 'topics.dashboard', signedIn: true, path: call('topics.dashboard') },
  { name: 'topics.listForGroup', signedIn: true, path: call('topics.listForGroup', group()) },
  {
    name: 'sessions.listForGroup',
    signedIn: true,
    path: call('sessions.listForGroup', group({ when: 'upcoming' })),
  },
  { name: 'documents.listForGroup', signedIn: true, path: call('documents.listForGroup', group()) },
  { name: 'sessions.mine', signedIn: true, path: call('sessions.mine') },
  { name: 'notifications.list', signedIn: true, path: call('notifications.list') },
  { name: 'memberships.roster', signedIn: true, path: call('memberships.roster', group()) },
  {
    name: 'comments.list',
    signedIn: true,
    path: call('comments.list', (r) => (r.ids.topicId ? { itemType: 'topic', itemId: r.ids.topicId } : null)),
  },
  { name: 'search.query "health"', signedIn: true, path: call('search.query', () => ({ q: 'health ' })) },
]

const TARGETS = ALL_TARGETS.filter(
  (t, i) => i === 0 || only.length === 0 || only.some((part) => t.name.includes(part)),
)

const one = await startBenchServer({ BENCH_SEARCH_DATA: '1', BENCH_DATA_SCALE: '1' })
process.stderr.write(`  1× server ready (${one.ready.indexed} index rows)\n`)
const ten = await startBenchServer({ BENCH_SEARCH_DATA: '1', BENCH_DATA_SCALE: '10' })
process.stderr.write(`  10× server ready (${ten.ready.indexed} index rows)\n`)
const load = loadGenerator(connections)

interface Measured {
  one: number[]
  ten: number[]
  /** Server CPU ms and calls, per size. */
  cpu: Record<'one' | 'ten', { ms: number; calls: number }>
  errors: number
}
const latencies = new Map<string, Measured>()
try {
  for (let round = 0; round < rounds; round++) {
    for (const target of TARGETS) {
      const entry = latencies.get(target.name) ?? {
        one: [],
        ten: [],
        cpu: { one: { ms: 0, calls: 0 }, ten: { ms: 0, calls: 0 } },
        errors: 0,
      }
      latencies.set(target.name, entry)
      for (const [size, server] of [
        ['one', one],
        ['ten', ten],
      ] as const) {
        const path = target.path(server.ready)
        if (path === null) continue
        const headers: Record<string, string> = target.signedIn ? { cookie: server.ready.cookie } : {}
        const cpuBefore = processCpuMs(server.child.pid)
        const result = await load.run([server.ready.url + path], seconds / rounds, headers)
        const cpuAfter = processCpuMs(server.child.pid)
        if (cpuBefore !== null && cpuAfter !== null) {
          entry.cpu[size].ms += cpuAfter - cpuBefore
          entry.cpu[size].calls += result.requests
        }
        entry[size].push(...result.latencies)
        entry.errors += result.errors
      }
    }
    process.stderr.write(`  round ${round + 1} of ${rounds} done\n`)
  }
} finally {
  load.close()
  one.child.kill('SIGTERM')
  ten.child.kill('SIGTERM')
}

const ms = (n: number) => n.toFixed(1)
console.log(
  `Growth benchmark ${new Date().toISOString().slice(0, 10)}: ${connections} connections, ${seconds} s per list and size in ${rounds} interleaved slices; index rows of content ${one.ready.indexed?.toLocaleString('en-GB')} at 1×, ${ten.ready.indexed?.toLocaleString('en-GB')} at 10×.`,
)
console.log('')
console.log(
  '| list | p95 ms at 1× | p95 ms at 10× | growth | CPU ms/call 1× | CPU ms/call 10× | CPU growth | errors |',
)
console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const [name, entry] of latencies) {
  if (entry.one.length === 0 || entry.ten.length === 0) continue
  const p1 = percentile(
    entry.one.sort((a, b) => a - b),
    95,
  )
  const p10 = percentile(
    entry.ten.sort((a, b) => a - b),
    95,
  )
  const c1 = entry.cpu.one.ms / Math.max(1, entry.cpu.one.calls)
  const c10 = entry.cpu.ten.ms / Math.max(1, entry.cpu.ten.calls)
  const cpu = c1 > 0 ? `${c1.toFixed(2)} | ${c10.toFixed(2)} | ${(c10 / c1).toFixed(2)}×` : '– | – | –'
  console.log(`| ${name} | ${ms(p1)} | ${ms(p10)} | ${(p10 / p1).toFixed(2)}× | ${cpu} | ${entry.errors} |`)
}
