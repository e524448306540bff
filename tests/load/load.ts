/**
 * `pnpm load`: N simulated people using the hub at once for a set time — reading their dashboard,
 * opening the shared topic, commenting, saving the shared briefing (the secretariats), signing up
 * to the session — with a think time between actions. Prints throughput, latency percentiles and
 * errors, then checks that every write the server acknowledged is in the database.
 *
 *   pnpm load                                   200 people, 60 s, embedded SQLite
 *   pnpm load -- --mysql                        the same on MySQL (MYSQL_URL, default local)
 *   LOAD_PEOPLE=50 LOAD_SECONDS=20 LOAD_THINK_MS=500 pnpm load
 */
import { spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'

const useMysql = process.argv.includes('--mysql')
const seconds = Number(process.env.LOAD_SECONDS ?? 60)
const thinkMs = Number(process.env.LOAD_THINK_MS ?? 1000)
if (useMysql) process.env.MYSQL_URL ??= 'mysql://root@127.0.0.1:3306/test'
const databaseUrl = useMysql ? await createMysqlDatabase('hub_load') : undefined

console.log(`Setting up ${process.env.LOAD_PEOPLE ?? 200} people on ${useMysql ? 'MySQL' : 'SQLite'}…`)
const child = spawn(
  process.execPath,
  ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))],
  {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...(databaseUrl ? { LOAD_DATABASE_URL: databaseUrl } : {}) },
  },
)
const ready = await new Promise<string>((resolve, reject) => {
  createInterface({ input: child.stdout! }).once('line', resolve)
  child.once('exit', (code) => reject(new Error(`the load server exited (${code}) before it was ready`)))
})
const world = JSON.parse(ready) as {
  url: string
  databaseUrl: string
  topicId: string
  sessionId: string
  documentId: string
  people: { cookie: string; id: string; editorIndex: number | null }[]
}

type Action = 'dashboard' | 'open topic' | 'comment' | 'save document' | 'sign up'
const latencies = new Map<Action, number[]>()
const errors = new Map<Action, number>()
const outcomes = new Map<string, number>()
const acknowledged = {
  comments: new Map<string, string>(),
  revisions: new Set<string>(),
  /** The last paragraph text each editor saved. */
  paragraphs: new Map<number, string>(),
  signups: new Map<string, string>(),
}

async function trpc(cookie: string, path: string, input: unknown, mutation = false): Promise<unknown> {
  const url = new URL(`${world.url}/trpc/${path}`)
  const init: RequestInit = { headers: { cookie, origin: world.url } }
  if (mutation) {
    init.method = 'POST'
    init.headers = { ...init.headers, 'content-type': 'application/json' }
    init.body = JSON.stringify(input)
  } else if (input !== undefined) {
    url.searchParams.set('input', JSON.stringify(input))
  }
  const response = await fetch(url, init)
  const body = (await response.json()) as { result?: { data: unknown }; error?: { message: string } }
  if (!response.ok || body.error) throw new Error(`${path} ${response.status}: ${body.error?.message}`)
  return body.result?.data
}

async function timed(action: Action, run: () => Promise<void>) {
  const started = performance.now()
  try {
    await run()
    const list = latencies.get(action) ?? []
    list.push(performance.now() - started)
    latencies.set(action, list)
  } catch (error) {
    errors.set(action, (errors.get(action) ?? 0) + 1)
    if ((errors.get(action) ?? 0) <= 3) console.error(`  ${action}: ${(error as Error).message}`)
  }
}

function pick<T>(weighted: [T, number][]): T {
  let r = Math.random() * weighted.reduce((sum, [, w]) => sum + w, 0)
  for (const [value, weight] of weighted) {
    r -= weight
    if (r <= 0) return value
  }
  return weighted[0]![0]
}

async function person(p: (typeof world.people)[number], deadline: number) {
  let drafts = 0
  let comments = 0
  await new Promise((r) => setTimeout(r, Math.random() * thinkMs))
  while (Date.now() < deadline) {
    const action = pick<Action>(
      p.editorIndex === null
        ? [
            ['dashboard', 35],
            ['open topic', 30],
            ['comment', 15],
            ['sign up', 20],
          ]
        : [
            ['dashboard', 20],
            ['open topic', 20],
            ['comment', 10],
            ['save document', 40],
            ['sign up', 10],
          ],
    )
    if (action === 'dashboard') {
      await timed(action, async () => {
        await trpc(p.cookie, 'topics.dashboard', {})
      })
    } else if (action === 'open topic') {
      await timed(action, async () => {
        await trpc(p.cookie, 'topics.get', { id: world.topicId })
        await trpc(p.cookie, 'comments.list', { itemType: 'topic', itemId: world.topicId })
      })
    } else if (action === 'comment') {
      const body = `Comment ${++comments} from ${p.id}`
      await timed(action, async () => {
        const comment = (await trpc(
          p.cookie,
          'comments.add',
          { itemType: 'topic', itemId: world.topicId, body },
          true,
        )) as { id: string }
        acknowledged.comments.set(comment.id, body)
      })
    } else if (action === 'sign up') {
      const status = pick<string>([
        ['going', 2],
        ['maybe', 1],
        ['not_going', 1],
      ])
      await timed(action, async () => {
        await trpc(p.cookie, 'sessions.signUp', { id: world.sessionId, status }, true)
        acknowledged.signups.set(p.id, status)
      })
    } else {
      const index = p.editorIndex!
      await timed(action, async () => {
        const doc = (await trpc(p.cookie, 'documents.get', { id: world.documentId })) as {
          head: { id: string }
          body: string
        }
        const text = `Paragraph ${index}: draft ${++drafts} by ${p.id}`
        const body = doc.body.replace(new RegExp(`^Paragraph ${index}: .*$`, 'm'), text)
        const result = (await trpc(
          p.cookie,
          'documents.save',
          { id: world.documentId, baseRevisionId: doc.head.id, body },
          true,
        )) as {
          status: string
          revision?: { id: string }
        }
        outcomes.set(result.status, (outcomes.get(result.status) ?? 0) + 1)
        if (result.status === 'saved' || result.status === 'merged') {
          acknowledged.revisions.add(result.revision!.id)
          acknowledged.paragraphs.set(index, text)
        }
      })
    }
    await new Promise((r) => setTimeout(r, Math.random() * 2 * thinkMs))
  }
}

console.log(`Running ${world.people.length} people for ${seconds} s (think time ≈ ${thinkMs} ms)…`)
const started = Date.now()
await Promise.all(world.people.map((p) => person(p, started + seconds * 1000)))
const elapsed = (Date.now() - started) / 1000

function percentile(sorted: number[], p: number) {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0
}
const all = [...latencies.values()].flat().sort((a, b) => a - b)
const totalErrors = [...errors.values()].reduce((a, b) => a + b, 0)
console.log(`\n${useMysql ? 'MySQL' : 'SQLite'}, ${world.people.length} people, ${elapsed.toFixed(0)} s`)
console.log('| action | done | errors | p50 ms | p95 ms | p99 ms |')
console.log('| --- | ---: | ---: | ---: | ---: | ---: |')
for (const action of ['dashboard', 'open topic', 'comment', 'save document', 'sign up'] as Action[]) {
  const list = (latencies.get(action) ?? []).sort((a, b) => a - b)
  console.log(
    `| ${action} | ${list.length} | ${errors.get(action) ?? 0} | ${percentile(list, 50).toFixed(0)} | ${percentile(list, 95).toFixed(0)} | ${percentile(list, 99).toFixed(0)} |`,
  )
}
console.log(
  `| all | ${all.length} | ${totalErrors} | ${percentile(all, 50).toFixed(0)} | ${percentile(all, 95).toFixed(0)} | ${percentile(all, 99).toFixed(0)} |`,
)
console.log(
  `Throughput: ${(all.length / elapsed).toFixed(1)} actions/s; document saves: ${[...outcomes].map(([k, v]) => `${v} ${k}`).join(', ') || 'none'}`,
)

// Every write the server acknowledged must be in the database.
const db = await createDb(world.databaseUrl)
let lost = 0
const comments = await db
  .selectFrom('comment')
  .select(['id', 'body'])
  .where('item_id', '=', world.topicId)
  .execute()
const stored = new Map(comments.map((c) => [c.id, c.body]))
for (const [id, body] of acknowledged.comments) if (stored.get(id) !== body) lost++
const revisions = new Set(
  (await db.selectFrom('revision').select('id').where('document_id', '=', world.documentId).execute()).map(
    (r) => r.id,
  ),
)
for (const id of acknowledged.revisions) if (!revisions.has(id)) lost++
const head = await db
  .selectFrom('document')
  .innerJoin('revision', 'revision.id', 'document.head_revision_id')
  .select('revision.body')
  .where('document.id', '=', world.documentId)
  .executeTakeFirstOrThrow()
for (const [, text] of acknowledged.paragraphs) if (!head.body.includes(text)) lost++
const signups = new Map(
  (
    await db
      .selectFrom('signup')
      .select(['person_id', 'status'])
      .where('meeting_id', '=', world.sessionId)
      .execute()
  ).map((s) => [s.person_id, s.status]),
)
for (const [personId, status] of acknowledged.signups) if (signups.get(personId) !== status) lost++
const writes =
  acknowledged.comments.size +
  acknowledged.revisions.size +
  acknowledged.paragraphs.size +
  acknowledged.signups.size
console.log(`Acknowledged writes checked: ${writes}; lost: ${lost}; errors: ${totalErrors}`)

await db.destroy()
child.kill('SIGTERM')
await new Promise((r) => child.once('exit', r))
await dropMysqlDatabases()
process.exit(lost === 0 && totalErrors === 0 ? 0 : 1)
