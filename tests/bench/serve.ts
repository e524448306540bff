/**
 * The server side of `pnpm bench`: the hub with the demo world, plus baseline routes in the same
 * process: a bare Hono JSON route, the Register page query as a raw prepared better-sqlite3
 * statement (SQLite only), and a no-op tRPC procedure. Prints one JSON line: the URL, session
 * cookies (the demo officer; a site administrator) and the ids the read procedures are called with.
 */
import { createSignIn, fakeClock, RATE_RULES, SIGN_IN_COOKIE, systemClock } from '@appg-hub/core'
import { parseDatabaseUrl } from '@appg-hub/db'
import { REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { trpcServer } from '@hono/trpc-server'
import { initTRPC } from '@trpc/server'
import SQLite from 'better-sqlite3'
import type { Hono } from 'hono'
import { callers } from '../support/fixtures'
import { startHubServer } from '../support/server'

const RAW_REGISTER_PAGE = `
  select slug, title, category, purpose, status,
    (select coalesce(json_group_array(json_object('tag', tag)), '[]') from appg_tag where appg_tag.appg_id = appg.id) as tags
  from appg where status = 'registered' order by slug limit 21`

// The benchmark measures what a procedure costs, not the limiter: from one address and one person
// it would have every revision and comparison after the 120th of each ten minutes refused (429).
// This process is the bench's own server, so the limit is lifted here only.
;(RATE_RULES.expensiveWork as { limit: number }).limit = Number.MAX_SAFE_INTEGER

const t = initTRPC.create()
const noopRouter = t.router({ noop: t.procedure.query(() => ({ ok: true })) })
let rawRegisterPage: (() => unknown) | null = null

function baselines(app: Hono) {
  app.get('/bench/bare', (c) => c.json({ ok: true }))
  app.get('/bench/raw-register', (c) => (rawRegisterPage ? c.json(rawRegisterPage()) : c.notFound()))
  app.use('/bench/trpc/*', trpcServer({ endpoint: '/bench/trpc', router: noopRouter }))
}

// Realistic data when the real Register is beside the repository; the demo Register otherwise.
const server = await startHubServer({
  databaseUrl: process.env.BENCH_DATABASE_URL || undefined,
  extraRoutes: baselines,
  realRegisterDir: REAL_REGISTER_DIR ?? undefined,
})
console.error(
  REAL_REGISTER_DIR
    ? 'Data: the real Register.'
    : 'Data: the demo Register (the real one is not beside the repository).',
)
const target = parseDatabaseUrl(server.databaseUrl)
if (target.kind === 'sqlite') {
  const statement = new SQLite(target.path, { readonly: true }).prepare(RAW_REGISTER_PAGE)
  rawRegisterPage = () => statement.all()
}
const db = server.db
const officer =
  (await db
    .selectFrom('person')
    .select('id')
    .where('email', '=', 'officer@demo.appg-hub.test')
    .executeTakeFirst()) ??
  (await db.selectFrom('person').select('id').where('email', 'is not', null).executeTakeFirstOrThrow())
const admin = await db.selectFrom('person').select('id').where('is_site_admin', '=', 1).executeTakeFirst()
const cookie = async (personId: string) =>
  `${SIGN_IN_COOKIE}=${(await createSignIn({ db, clock: systemClock }, personId, 'bench')).token}`

// The demo world has groups and people; give the officer's group one item of each kind (made
// through the API, as people would) so that every read procedure has something to read.
const group = await db
  .selectFrom('membership')
  .innerJoin('appg', 'appg.id', 'membership.appg_id')
  .select(['appg.slug'])
  .where('membership.person_id', '=', officer.id)
  .where('membership.role', 'in', ['chair', 'officer'])
  .orderBy('appg.slug')
  .executeTakeFirst()
const ids = {
  slug: group?.slug ?? null,
  topicId: null as string | null,
  documentId: null as string | null,
  revisions: 0,
  sessionId: null as string | null,
  commentId: null as string | null,
}
if (group) {
  const api = await callers(db, fakeClock(new Date())).as(officer.id)
  const topic = await api.topics.create({
    groupSlug: group.slug,
    title: 'Lung cancer screening',
    summary: 'Targeted **lung health checks** for people at high risk.',
    tags: [],
    visibility: 'public',
  })
  ids.topicId = topic.id
  for (let i = 0; i < 25; i++) {
    const comment = await api.comments.add({
      itemType: 'topic',
      itemId: topic.id,
      body: `Comment ${i} on screening.`,
    })
    ids.commentId ??= comment.id
  }
  const body = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} of the briefing.`).join('\n\n')
  const document = await api.documents.create({
    groupSlug: group.slug,
    kind: 'briefing',
    title: 'Screening briefing',
    body,
    visibility: 'public',
    topicId: topic.id,
  })
  await api.documents.save({
    id: document.id,
    baseRevisionId: document.revisionId,
    body: body.replace('Paragraph 3', 'Paragraph three'),
  })
  ids.documentId = document.id
  ids.revisions = 2
  const session = await api.sessions.create({
    groupSlug: group.slug,
    title: 'Screening roundtable',
    description: 'A roundtable on **lung cancer screening**.',
    date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    startTime: '10:00',
    endTime: '11:30',
    place: 'Committee Room 10, House of Commons',
    visibility: 'public',
    capacity: 40,
    topicId: topic.id,
  })
  ids.sessionId = session.id
}

// `pnpm bench:search` asks for ten times the demo's searchable content on top of it;
// `pnpm bench:growth` for one time (BENCH_DATA_SCALE=1) and ten times.
const indexed = process.env.BENCH_SEARCH_DATA
  ? await (await import('./search-data')).generateSearchData(
      db,
      officer.id,
      Number(process.env.BENCH_DATA_SCALE ?? 10),
    )
  : null

process.stdout.write(
  `${JSON.stringify({
    url: server.url,
    indexed,
    database: target.kind,
    raw: Boolean(rawRegisterPage),
    cookie: await cookie(officer.id),
    adminCookie: admin ? await cookie(admin.id) : null,
    ids,
  })}\n`,
)
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
