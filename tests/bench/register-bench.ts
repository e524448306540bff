/**
 * `pnpm bench`: throughput and latency over HTTP of every read procedure, each as a share of a
 * no-op tRPC procedure served by the same server in the same run, on SQLite and (when it answers)
 * on MariaDB/MySQL. The server runs in its own process so that the load generator does not share
 * its event loop. Prints one table; asserts nothing.
 *
 *   BENCH_SECONDS=10 BENCH_CONNECTIONS=50 pnpm bench
 *   BENCH_ROUNDS=3 pnpm bench        (each target measured in 3 interleaved slices: steadier ratios
 *                                     on a busy machine; req/s is the mean, p99 the worst slice)
 *   BENCH_DATABASES=sqlite pnpm bench (or mysql)
 *   BENCH_ONLY=register.list,me.get pnpm bench   (those procedures and the baselines)
 *   BENCH_DATABASE_URL=mysql://root@127.0.0.1:3306/hub_bench pnpm bench   (an empty database)
 *   MYSQL_URL=mysql://root@127.0.0.1:3306/test   the server on which a throw-away database is made
 */
import { spawn } from 'node:child_process'
import { cpus } from 'node:os'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import autocannon from 'autocannon'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50)
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 1))
process.env.MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test'

interface Ready {
  url: string
  database: string
  raw: boolean
  cookie: string
  adminCookie: string | null
  ids: {
    slug: string | null
    topicId: string | null
    documentId: string | null
    revisions: number
    sessionId: string | null
    commentId: string | null
  }
}

interface Target {
  name: string
  caller: 'baseline' | 'signed out' | 'signed in' | 'site admin'
  path: string
  headers?: Record<string, string>
}

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`

/** Every read procedure, with inputs from the demo world (left out when the world has no such item). */
function targetsFor(ready: Ready): Target[] {
  const { ids } = ready
  const me = { cookie: ready.cookie }
  const t = (name: string, caller: Target['caller'], value?: unknown): Target => ({
    name,
    caller,
    path: `/trpc/${name}${value === undefined ? '' : input(value)}`,
    headers:
      caller === 'signed in' ? me : caller === 'site admin' ? { cookie: ready.adminCookie! } : undefined,
  })
  const out: Target[] = [
    { name: 'bare Hono JSON route', caller: 'baseline', path: '/bench/bare' },
    ...(ready.raw
      ? [
          {
            name: 'raw prepared statement, 20 groups',
            caller: 'baseline' as const,
            path: '/bench/raw-register',
          },
        ]
      : []),
    { name: 'no-op tRPC procedure', caller: 'baseline', path: '/bench/trpc/noop' },
    { ...t('register.list', 'signed out', { limit: 20 }), name: 'register.list, 20 groups' },
    {
      ...t('register.list', 'signed out', { q: 'health', limit: 20 }),
      name: 'register.list, search "health"',
    },
    { ...t('register.list', 'signed in', { limit: 20 }), name: 'register.list, 20 groups' },
    t('register.tags', 'signed out'),
    t('register.group', 'signed out', { slug: ids.slug ?? 'cancer' }),
    t('me.get', 'signed in'),
    t('auth.signIns', 'signed in'),
    t('topics.dashboard', 'signed in'),
    t('notifications.list', 'signed in'),
    t('notifications.unreadCount', 'signed in'),
    t('notifications.preferences', 'signed in'),
    t('sessions.mine', 'signed in'),
  ]
  if (ids.slug) {
    out.push(
      t('memberships.roster', 'signed in', { slug: ids.slug }),
      t('topics.listForGroup', 'signed in', { slug: ids.slug }),
      t('sessions.listForGroup', 'signed in', { slug: ids.slug, when: 'upcoming' }),
      t('documents.listForGroup', 'signed in', { slug: ids.slug }),
      t('invitations.forGroup', 'signed in', { slug: ids.slug }),
      t('audit.forGroup', 'signed in', { slug: ids.slug }),
    )
  }
  if (ids.topicId) {
    out.push(
      t('topics.get', 'signed in', { id: ids.topicId }),
      t('topics.suggestPartners', 'signed in', { id: ids.topicId }),
      t('comments.list', 'signed in', { itemType: 'topic', itemId: ids.topicId }),
      t('comments.mentionCandidates', 'signed in', { itemType: 'topic', itemId: ids.topicId, q: 'a' }),
      t('documents.listForTopic', 'signed in', { topicId: ids.topicId }),
    )
  }
  if (ids.commentId) out.push(t('comments.history', 'signed in', { id: ids.commentId }))
  if (ids.documentId) {
    out.push(
      t('documents.get', 'signed in', { id: ids.documentId }),
      t('documents.history', 'signed in', { id: ids.documentId }),
      t('documents.revision', 'signed in', { id: ids.documentId, number: 1 }),
    )
    if (ids.revisions > 1)
      out.push(t('documents.diff', 'signed in', { id: ids.documentId, from: 1, to: ids.revisions }))
  }
  if (ids.sessionId) {
    out.push(
      t('sessions.get', 'signed in', { id: ids.sessionId }),
      t('sessions.signups', 'signed in', { id: ids.sessionId }),
    )
  }
  if (ready.adminCookie) out.push(t('audit.all', 'site admin', {}))
  return out
}

interface Measured {
  rps: number
  p99: number
  errors: number
}

async function benchDatabase(label: string, databaseUrl: string | undefined) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl ?? '' },
    },
  )
  try {
    const first = await new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).once('line', resolve)
      child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)))
    })
    const ready = JSON.parse(first) as Ready
    const only = process.env.BENCH_ONLY?.split(',')
    const targets = targetsFor(ready).filter(
      (t) => !only || t.caller === 'baseline' || only.some((name) => t.name.startsWith(name)),
    )
    const slices = new Map<Target, Measured[]>(targets.map((target) => [target, []]))
    for (let round = 0; round < rounds; round++) {
      for (const target of targets) {
        const result = await autocannon({
          url: ready.url + target.path,
          connections,
          duration: seconds / rounds,
          headers: target.headers,
        })
        slices.get(target)!.push({
          rps: result.requests.average,
          p99: result.latency.p99,
          errors: result.errors + result.timeouts + result.non2xx,
        })
      }
      process.stderr.write(`  ${label}: round ${round + 1} of ${rounds} done\n`)
    }
    const results = new Map<string, Measured>()
    for (const [target, measured] of slices) {
      results.set(`${target.name}|${target.caller}`, {
        rps: measured.reduce((sum, m) => sum + m.rps, 0) / measured.length,
        p99: Math.max(...measured.map((m) => m.p99)),
        errors: measured.reduce((sum, m) => sum + m.errors, 0),
      })
    }
    return { targets, results }
  } finally {
    // autocannon does not wait for the last answers: let them finish, and the server be gone
    // before its database is dropped.
    await new Promise((resolve) => setTimeout(resolve, 500))
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await exited
  }
}

async function mysqlReachable(): Promise<boolean> {
  try {
    const { createDb } = await import('@appg-hub/db/create-db')
    const { sql } = await import('kysely')
    const db = await createDb(process.env.MYSQL_URL!)
    await sql`select 1`.execute(db)
    await db.destroy()
    return true
  } catch {
    return false
  }
}

const wanted = (process.env.BENCH_DATABASES ?? 'sqlite,mysql').split(',')
const runs: { label: string; run: Awaited<ReturnType<typeof benchDatabase>> }[] = []
if (process.env.BENCH_DATABASE_URL) {
  runs.push({
    label: 'given database',
    run: await benchDatabase('given database', process.env.BENCH_DATABASE_URL),
  })
} else {
  if (wanted.includes('sqlite')) runs.push({ label: 'SQLite', run: await benchDatabase('SQLite', undefined) })
  if (wanted.includes('mysql')) {
    if (await mysqlReachable()) {
      const url = await createMysqlDatabase('hub_bench')
      try {
        runs.push({ label: 'MariaDB', run: await benchDatabase('MariaDB', url) })
      } finally {
        await dropMysqlDatabases()
      }
    } else {
      console.log(`(MySQL/MariaDB at ${process.env.MYSQL_URL} does not answer: SQLite only)`)
    }
  }
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-GB')
console.log('')
console.log(
  `Benchmark ${new Date().toISOString().slice(0, 10)}: ${connections} connections, ${seconds} s per target` +
    `${rounds > 1 ? ` in ${rounds} interleaved slices` : ''}, ${cpus().length} CPU cores (${cpus()[0]?.model.trim()}), Node ${process.version}.`,
)
console.log(
  '"of no-op": req/s as a share of the no-op tRPC procedure measured in the same run on the same server.',
)
console.log('')
const header = runs.map((r) => `${r.label} req/s | of no-op | p99 ms`).join(' | ')
console.log(`| procedure | caller | ${header} | errors |`)
console.log(`| --- | --- | ${runs.map(() => '---: | ---: | ---:').join(' | ')} | ---: |`)
const rows = new Map<string, { name: string; caller: string }>()
for (const { run } of runs) for (const t of run.targets) rows.set(`${t.name}|${t.caller}`, t)
for (const [key, target] of rows) {
  const cells = runs.map(({ run }) => {
    const noop = run.results.get('no-op tRPC procedure|baseline')!.rps
    const r = run.results.get(key)
    return r ? `${fmt(r.rps)} | ${((r.rps / noop) * 100).toFixed(0)}% | ${r.p99}` : '— | — | —'
  })
  const errors = runs.reduce((sum, { run }) => sum + (run.results.get(key)?.errors ?? 0), 0)
  console.log(`| ${target.name} | ${target.caller} | ${cells.join(' | ')} | ${errors} |`)
}
