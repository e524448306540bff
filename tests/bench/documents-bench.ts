/**
 * `pnpm exec tsx tests/bench/documents-bench.ts`: a 100-page report (~300 KB of Markdown) through
 * the documents API on SQLite in memory (and MySQL when MYSQL_URL is set): create, plain save,
 * merged save, conflict, diff, render, get; then 40 concurrent saves. Prints figures; asserts
 * nothing.
 */
import { diffText, mergeThreeWay, renderDocumentBody } from '@appg-hub/core'
import { migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { callers } from '../support/fixtures'
import { makeJointWorld } from '../support/joint-work'

function report(pages = 100): string {
  const out: string[] = ['# Annual report']
  for (let p = 0; p < pages; p++) {
    out.push('', `## Section ${p + 1}`)
    for (let k = 0; k < 11; k++)
      out.push(
        '',
        `Paragraph ${p}.${k}: the group heard evidence on **lung cancer** screening, genomic testing and access to targeted treatments across the regions; members asked about waiting times and workforce, and agreed to follow up with the department in writing (ref ${p}-${k}).`,
      )
    out.push('', `- finding ${p}.a`, `- finding ${p}.b`, `- finding ${p}.c`)
  }
  return out.join('\n')
}

async function time<T>(label: string, runs: number, fn: () => Promise<T> | T): Promise<T> {
  let result: T = await fn()
  const started = performance.now()
  for (let i = 0; i < runs; i++) result = await fn()
  const each = (performance.now() - started) / runs
  console.log(`${label.padEnd(48)} ${each.toFixed(2).padStart(9)} ms  (mean of ${runs})`)
  return result
}

const body = report()
console.log(`Report: ${body.length.toLocaleString('en-GB')} characters, ${body.split('\n').length} lines\n`)
const edit = (text: string, needle: string, replacement: string) => text.replace(needle, replacement)
const mine = edit(body, '(ref 10-1)', '(ref 10-1, revised)')
const theirs = edit(body, '(ref 90-3)', '(ref 90-3, revised)')

console.log('Pure functions')
await time('three-way merge, different paragraphs', 50, () => mergeThreeWay(body, theirs, mine))
await time('three-way merge, changes throughout (every 10th para)', 5, () => {
  let a = body
  let b = body
  for (let p = 0; p < 100; p += 10) {
    a = edit(a, `(ref ${p}-0)`, `(ref ${p}-0 A)`)
    b = edit(b, `(ref ${p}-4)`, `(ref ${p}-4 B)`)
  }
  return mergeThreeWay(body, a, b)
})
await time('line diff with intra-line changes, one change', 50, () => diffText(body, mine))
const rewritten = body.replace(/screening/g, 'early detection')
const full = await time('line diff, every paragraph changed', 5, () => diffText(body, rewritten))
console.log(`  (that diff: +${full.added} −${full.removed}, ${full.lines.length} lines shown)`)
await time('render Markdown to safe HTML', 20, () => renderDocumentBody(body))

for (const url of ['sqlite::memory:', ...(process.env.MYSQL_URL ? [process.env.MYSQL_URL] : [])]) {
  const isMysql = url.startsWith('mysql')
  let db = await createDb(url)
  let dbName: string | null = null
  if (isMysql) {
    dbName = `hub_bench_${process.pid}`
    const { sql } = await import('kysely')
    await sql`create database ${sql.id(dbName)} character set utf8mb4 collate utf8mb4_bin`.execute(db)
    await db.destroy()
    const u = new URL(url)
    u.pathname = `/${dbName}`
    db = await createDb(u.toString())
  }
  await migrateToLatest(db)
  const world = await makeJointWorld(db)
  const api = callers(db)
  const secretariat = await api.as(world.people.secretariat.id)
  const officer = await api.as(world.people.officer.id)
  console.log(`\nThrough the API on ${isMysql ? 'MySQL/MariaDB' : 'SQLite (memory)'}`)
  const created = await time('documents.create (300 KB)', 5, () =>
    secretariat.documents.create({
      groupSlug: 'alpha',
      kind: 'report',
      title: 'Annual report',
      body,
      visibility: 'participants',
    }),
  )
  const id = created.id
  let head = created.revisionId
  let n = 0
  await time('documents.save, plain (head = base)', 10, async () => {
    const r = await secretariat.documents.save({ id, baseRevisionId: head, body: `${body}\n\nsave ${n++}` })
    if (r.status === 'saved') head = r.revision.id
    return r
  })
  const base = head
  const baseBody = (await secretariat.documents.get({ id })).body
  let k = 0
  await time('documents.save, merged (someone saved meanwhile)', 10, async () => {
    await officer.documents.save({
      id,
      baseRevisionId: (await officer.documents.get({ id })).head.id,
      body: edit(baseBody, '(ref 50-2)', `(ref 50-2 v${k++})`),
    })
    return secretariat.documents.save({
      id,
      baseRevisionId: base,
      body: edit(baseBody, '(ref 1-1)', `(ref 1-1 v${k})`),
    })
  })
  await time('documents.get (with rendered HTML)', 20, () => secretariat.documents.get({ id }))
  await time('documents.diff (revision 1 → head)', 20, () =>
    secretariat.documents.diff({ id, from: 1, to: 2 }),
  )
  await time('documents.history (first page)', 20, () => secretariat.documents.history({ id }))

  // 40 concurrent saves on the 300 KB report from one base: 30 on their own paragraphs, 10 on one line.
  const doc = await secretariat.documents.get({ id })
  const editors = await Promise.all(
    [world.people.secretariat, world.people.officer, world.people.chair].map((p) => api.as(p.id)),
  )
  const started = performance.now()
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => {
      const text =
        i < 30
          ? edit(doc.body, `(ref ${i * 3}-5)`, `(ref ${i * 3}-5 by save ${i})`)
          : edit(doc.body, '# Annual report', `# Annual report ${i}`)
      return editors[i % 3]!.documents.save({ id, baseRevisionId: doc.head.id, body: text }).then((r) => ({
        i,
        r,
      }))
    }),
  )
  const ms = performance.now() - started
  const final = (await secretariat.documents.get({ id })).body
  const accepted = results.filter((x) => x.r.status === 'saved' || x.r.status === 'merged')
  const lost = accepted.filter((x) =>
    x.i < 30
      ? !final.includes(`(ref ${x.i * 3}-5 by save ${x.i})`)
      : !final.includes(`# Annual report ${x.i}`),
  )
  console.log(
    `40 concurrent saves of the report: ${ms.toFixed(0)} ms; attempted=40 saved=${results.filter((x) => x.r.status === 'saved').length} merged=${results.filter((x) => x.r.status === 'merged').length} conflicted=${results.filter((x) => x.r.status === 'conflict').length} lost=${lost.length}`,
  )
  if (dbName) {
    const { sql } = await import('kysely')
    await sql`drop database ${sql.id(dbName)}`.execute(db)
  }
  await db.destroy()
}
