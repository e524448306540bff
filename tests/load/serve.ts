/**
 * The server side of `pnpm load`: the hub with the demo world, plus a shared topic, a scheduled
 * session and a briefing for the simulated people, each of whom gets a membership and a session
 * cookie made directly (no sign-in, which is rate-limited per address). Prints one JSON line.
 */
import { createSignIn, fakeClock, SIGN_IN_COOKIE, systemClock } from '@appg-hub/core'
import { newId } from '@appg-hub/db'
import { REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { callers } from '../support/fixtures'
import { startHubServer } from '../support/server'

const people = Number(process.env.LOAD_PEOPLE ?? 200)
const editors = Math.max(2, Math.round(people / 10))
const server = await startHubServer({
  databaseUrl: process.env.LOAD_DATABASE_URL,
  realRegisterDir: REAL_REGISTER_DIR ?? undefined,
})
const { db } = server

const group = await db
  .selectFrom('appg')
  .select('id')
  .where('slug', '=', 'personalised-medicine')
  .executeTakeFirstOrThrow()
const chair = await db
  .selectFrom('person')
  .select('id')
  .where('email', '=', 'chair@demo.appg-hub.test')
  .executeTakeFirstOrThrow()
const api = callers(db, fakeClock(new Date()))
const asChair = await api.as(chair.id)
const topic = await asChair.topics.create({
  groupSlug: 'personalised-medicine',
  title: 'Load: personalised medicine for lung cancer',
  summary: 'A shared topic for the load test.',
  tags: ['Health, Medicine & Public Health'],
  visibility: 'participants',
})
const day = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString().slice(0, 10)
const session = await asChair.sessions.create({
  groupSlug: 'personalised-medicine',
  title: 'Load: joint session',
  description: 'A session for the load test.',
  date: day,
  startTime: '10:00',
  endTime: '11:30',
  place: 'Committee Room 10, House of Commons',
  visibility: 'participants',
  capacity: null,
})
await asChair.sessions.schedule({ id: session.id })
const lines = Array.from({ length: editors }, (_, i) => `Paragraph ${i}: draft 0`)
const document = await asChair.documents.create({
  groupSlug: 'personalised-medicine',
  kind: 'briefing',
  title: 'Load: briefing',
  body: lines.join('\n\n'),
  visibility: 'participants',
})

const now = new Date().toISOString()
const simulated: { cookie: string; id: string; editorIndex: number | null }[] = []
for (let i = 0; i < people; i++) {
  const id = newId()
  const editorIndex = i < editors ? i : null
  await db
    .insertInto('person')
    .values({
      id,
      email: `load.${i}@example.org`,
      display_name: `Load Person ${i}`,
      kind: 'other',
      organisation: null,
      party: null,
      mnis_id: null,
      twfy_id: null,
      register_key: null,
      password_hash: null,
      is_site_admin: 0,
      email_preference: 'none',
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: id,
      appg_id: group.id,
      role: editorIndex === null ? 'member' : 'secretariat',
      register_title: null,
      source: 'admin',
      created_at: now,
      updated_at: now,
    })
    .execute()
  const { token } = await createSignIn({ db, clock: systemClock }, id, 'load')
  simulated.push({ cookie: `${SIGN_IN_COOKIE}=${token}`, id, editorIndex })
}

process.stdout.write(
  `${JSON.stringify({ url: server.url, databaseUrl: server.databaseUrl, topicId: topic.id, sessionId: session.id, documentId: document.id, people: simulated })}\n`,
)
process.on('SIGTERM', () => {
  void server.close().then(() => process.exit(0))
})
