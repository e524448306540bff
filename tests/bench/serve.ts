/**
 * The server side of `pnpm bench`: the hub with the demo world, plus baseline routes in the same
 * process: a bare Hono JSON route, the Register page query as a raw prepared better-sqlite3
 * statement (SQLite only), and a no-op tRPC procedure. Prints one JSON line: URL and a cookie.
 */
import { createSession, SESSION_COOKIE, systemClock } from '@appg-hub/core'
import { parseDatabaseUrl } from '@appg-hub/db'
import { trpcServer } from '@hono/trpc-server'
import { initTRPC } from '@trpc/server'
import SQLite from 'better-sqlite3'
import type { Hono } from 'hono'
import { REAL_REGISTER_DIR } from '../support/register-data'
import { startHubServer } from '../support/server'

const RAW_REGISTER_PAGE = `
  select slug, title, category, purpose, status,
    (select coalesce(json_group_array(json_object('tag', tag)), '[]') from appg_tag where appg_tag.appg_id = appg.id) as tags
  from appg where status = 'registered' order by slug limit 21`

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
  databaseUrl: process.env.BENCH_DATABASE_URL,
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
const officer = await server.db
  .selectFrom('person')
  .select('id')
  .where('email', '=', 'officer@demo.appg-hub.test')
  .executeTakeFirst()
const person =
  officer ??
  (await server.db.selectFrom('person').select('id').where('email', 'is not', null).executeTakeFirstOrThrow())
// `pnpm bench:search` asks for ten times the demo's searchable content on top of it.
const indexed = process.env.BENCH_SEARCH_DATA
  ? await (await import('./search-data')).generateSearchData(server.db, person.id)
  : null
const { token } = await createSession(server.db, systemClock, person.id, 'bench')
process.stdout.write(
  `${JSON.stringify({ url: server.url, cookie: `${SESSION_COOKIE}=${token}`, raw: Boolean(rawRegisterPage), indexed })}\n`,
)
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
