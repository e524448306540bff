/**
 * `pnpm budgets`: the edge's budgets, printed. The Worker bundle (raw and gzipped, as
 * `wrangler deploy` would upload it), its start-up under workerd, and for the main procedures the
 * number of database round trips, which on the edge are HTTP calls to PlanetScale: counted at the
 * local PlanetScale endpoint while the Worker serves each call. Needs MariaDB (MYSQL_URL, default
 * mysql://root@127.0.0.1:3306/test). Asserts nothing.
 */
import { migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases, REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { DEMO_OFFICER, signedIn } from '../support/api-journey'
import { httpClient } from '../support/http-client'
import { loadDemoWorld } from '../support/server'
import { measureWorkerBundle, WORKER_BUNDLE_LIMIT_GZIP } from '../support/worker-bundle'
import { startWorker } from '../support/wrangler'

process.env.MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test'

// 1. The bundle, built exactly as for deployment.
const bundle = measureWorkerBundle()
console.log('Worker bundle (wrangler deploy --dry-run):')
console.log(
  `  raw ${(bundle.raw / 1000).toFixed(1)} KB, gzipped ${(bundle.gzip / 1000).toFixed(1)} KB (budget ${WORKER_BUNDLE_LIMIT_GZIP / 1000} KB gzipped; Workers' limit: 3 MiB gzipped on Free, 10 MiB on Paid)`,
)

// 2. A database behind the PlanetScale protocol, counting the statements it is sent.
let statements = 0
const endpoint = await startPlanetscaleHttp({
  mysqlUrl: await createMysqlDatabase('hub_budgets'),
  log: (line) => {
    if (/^(ok |ERR)/.test(line)) statements++
  },
})
const db = await createDb(endpoint.url)
await migrateToLatest(db)
await loadDemoWorld(db, { realRegisterDir: REAL_REGISTER_DIR ?? undefined })

// 3. Start-up under workerd.
const worker = await startWorker({ DATABASE_URL: endpoint.url, DEMO_MODE: 'true' })
const timeIt = async (path: string) => {
  const started = performance.now()
  await (await fetch(worker.url + path)).arrayBuffer()
  return performance.now() - started
}
const first = await timeIt('/healthz')
const warm: number[] = []
for (let i = 0; i < 20; i++) warm.push(await timeIt('/healthz'))
warm.sort((a, b) => a - b)
console.log('\nStart-up under workerd (wrangler dev):')
console.log(`  wrangler dev spawned → first answer: ${worker.readyMs} ms (bundling and Miniflare included)`)
console.log(`  first /healthz after ready: ${first.toFixed(1)} ms; warm median: ${warm[10]!.toFixed(1)} ms`)

// 4. Round trips per procedure, through the Worker.
const anonymous = httpClient(worker.url).client
const officer = await signedIn(worker.url, DEMO_OFFICER)
async function count(name: string, call: () => Promise<unknown>) {
  await call() // once to settle lazily refreshed sessions and the like
  const before = statements
  await call()
  return { name, calls: statements - before }
}
const rows = [
  await count('register.list (signed out)', () => anonymous.register.list.query({ limit: 20 })),
  await count('register.list, search and tag', () =>
    anonymous.register.list.query({ q: 'cancer', tag: 'Health, Medicine & Public Health' }),
  ),
  await count('register.group (signed out)', () => anonymous.register.group.query({ slug: 'cancer' })),
  await count('me.get (signed in)', () => officer.me.get.query()),
  await count('memberships.roster (signed in)', () => officer.memberships.roster.query({ slug: 'cancer' })),
  await count('auth.signIn', () =>
    httpClient(worker.url).client.auth.signIn.mutate({ email: DEMO_OFFICER, password: 'appg-demo-2026' }),
  ),
  ...(await jointWorkRows()),
  await count('memberships.invite', () =>
    officer.memberships.invite.mutate({
      slug: 'cancer',
      email: `budget.${Date.now()}.${Math.random()}@example.org`,
      role: 'member',
    }),
  ),
]
async function jointWorkRows() {
  const { id: topicId } = await officer.topics.create.mutate({
    groupSlug: 'personalised-medicine',
    title: 'Budget topic',
    summary: 'For counting round trips.',
    tags: ['Health, Medicine & Public Health'],
    visibility: 'participants',
  })
  const { id: documentId } = await officer.documents.create.mutate({
    groupSlug: 'personalised-medicine',
    kind: 'briefing',
    title: 'Budget briefing',
    body: 'One paragraph.',
    visibility: 'participants',
  })
  const { id: sessionId } = await officer.sessions.create.mutate({
    groupSlug: 'personalised-medicine',
    title: 'Budget session',
    description: 'For counting round trips.',
    date: '2026-12-10',
    startTime: '10:00',
    endTime: '11:00',
    place: 'Committee Room 10',
    visibility: 'participants',
    capacity: null,
  })
  return [
    await count('topics.get', () => officer.topics.get.query({ id: topicId })),
    await count('comments.list', () => officer.comments.list.query({ itemType: 'topic', itemId: topicId })),
    await count('topics.dashboard', () => officer.topics.dashboard.query({})),
    await count('notifications.unreadCount', () => officer.notifications.unreadCount.query()),
    await count('sessions.get', () => officer.sessions.get.query({ id: sessionId })),
    await count('documents.get', () => officer.documents.get.query({ id: documentId })),
    await count('comments.add', () =>
      officer.comments.add.mutate({ itemType: 'topic', itemId: topicId, body: 'Counting.' }),
    ),
  ]
}
console.log('\nDatabase round trips per call (HTTP calls to PlanetScale; session check included):')
console.log('| procedure | round trips |')
console.log('| --- | ---: |')
for (const row of rows) console.log(`| ${row.name} | ${row.calls} |`)

await worker.close()
await db.destroy()
await endpoint.close()
await dropMysqlDatabases()
// Keep-alive sockets in the HTTP clients would otherwise hold the process open.
process.exit(0)
