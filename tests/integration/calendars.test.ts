import { createSignIn, SIGN_IN_COOKIE } from '@appg-hub/core'
import { createApp } from '@appg-hub/server'
import ICAL from 'ical.js'
import nodeIcal from 'node-ical'
import { describe, expect } from 'vitest'
import { makePerson, testConfig } from '../support/fixtures'
import { dialects, hubTest } from '../support/hub-test'
import { cohost, makeSession, SESSION_NOW } from '../support/sessions'

const london = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  dateStyle: 'short',
  timeStyle: 'short',
})

/** Parses a feed with ical.js and returns its events by UID. */
function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text))
  expect(calendar.name).toBe('vcalendar')
  const events = calendar.getAllSubcomponents('vevent').map((v) => {
    const event = new ICAL.Event(v)
    return {
      uid: event.uid,
      summary: event.summary,
      location: event.location,
      description: event.description,
      sequence: event.sequence,
      status: String(v.getFirstPropertyValue('status')),
      start: event.startDate.toJSDate(),
      end: event.endDate.toJSDate(),
      stamp: (v.getFirstPropertyValue('dtstamp') as ICAL.Time).toJSDate(),
      categories: v.getAllProperties('categories').flatMap((p) => p.getValues() as string[]),
    }
  })
  return new Map(events.map((e) => [e.uid, e]))
}

describe.each(dialects())('session calendars and the sign-up CSV on $name', (dialect) => {
  /** A route's answer, signed in as `personId` when given. */
  type Get = (path: string, personId?: string) => Promise<Response>
  const it = hubTest(dialect, { now: SESSION_NOW }).extend<{
    get: Get
    /** A feed's events by UID. */
    feed: (path: string, personId?: string) => Promise<ReturnType<typeof parse>>
  }>({
    get: async ({ db, clock }, use) => {
      const app = createApp({ db, clock, config: testConfig, onError: (e) => console.error(e) })
      await use(async (path, personId) => {
        const headers: Record<string, string> = {}
        if (personId) {
          const { token } = await createSignIn({ db, clock }, personId, 'test')
          headers.cookie = `${SIGN_IN_COOKIE}=${token}`
        }
        return app.request(path, { headers })
      })
    },
    feed: async ({ get }, use) => {
      await use(async (path, personId) => parse(await (await get(path, personId)).text()))
    },
  })

  it('serves one session as iCalendar: public to anyone, others to their readers only', async ({
    world,
    api,
    get,
  }) => {
    const publicId = await makeSession(api, world, { schedule: true, visibility: 'public' })
    const privateId = await makeSession(api, world, { schedule: true })
    await (await api.as(world.people.secretariat.id)).sessions.update({
      id: publicId,
      // Markdown, as typed in the session form: the calendar shows it as plain text.
      description: `**Bring ID**; doors open 09:45, [sharp](https://example.org/doors).\n${'A long line of words about screening, '.repeat(6)}`,
    })
    const response = await get(`/sessions/${publicId}.ics`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    const text = await response.text()
    // Every physical line is at most 75 octets, and lines end in CRLF.
    for (const line of text.split('\r\n'))
      expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    const event = parse(text).get(`${publicId}@appg-hub`)!
    expect(event).toMatchObject({
      summary: 'Screening roundtable',
      location: 'Committee Room 10, House of Commons',
      status: 'CONFIRMED',
      sequence: 2,
      categories: ['APPG on Alpha'],
    })
    expect(event.description).toContain(
      'Bring ID; doors open 09:45, sharp (https://example.org/doors).\nA long line of words',
    )
    expect(event.description).not.toContain('**')
    expect(event.start.toISOString()).toBe('2026-07-15T09:00:00.000Z')
    expect(london.format(event.start)).toBe('15/07/2026, 10:00')

    expect((await get(`/sessions/${privateId}.ics`)).status).toBe(404)
    expect((await get(`/sessions/${privateId}.ics`, world.people.gammaMember.id)).status).toBe(404)
    const forMember = await get(`/sessions/${privateId}.ics`, world.people.observer.id)
    expect(forMember.status).toBe(200)
    expect(forMember.headers.get('cache-control')).toBe('private, no-store')
    expect(parse(await forMember.text()).has(`${privateId}@appg-hub`)).toBe(true)
    expect((await get('/sessions/nonexistent.ics')).status).toBe(404)
  })

  it('removes control characters from every text value, as two parsers read it', async ({
    world,
    api,
    get,
  }) => {
    const controls = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i))
      .filter((c) => c !== '\t' && c !== '\n' && c !== '\r')
      .join('')
    const id = await makeSession(api, world, {
      schedule: true,
      visibility: 'public',
      title: `Screening${controls}\u007f roundtable`,
    })
    await (await api.as(world.people.secretariat.id)).sessions.update({
      id,
      place: `Room\u0000 10\u001b[31m`,
      description: `Line one\u0007\u0008\r\nline\ttwo\u007f`,
    })
    const text = await (await get(`/sessions/${id}.ics`)).text()
    // Nothing but CRLF line ends and tabs below U+0020 anywhere in the file.
    const CONTROL = new RegExp(
      `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11)}-${String.fromCharCode(31)}${String.fromCharCode(127)}]`,
    )
    expect(text.replace(/\r\n/g, '')).not.toMatch(CONTROL)
    const byIcalJs = parse(text).get(`${id}@appg-hub`)!
    const byNodeIcal = Object.values(nodeIcal.sync.parseICS(text)).find((c) => c?.type === 'VEVENT') as {
      summary: string
      location: string
      description: string
    }
    for (const event of [byIcalJs, byNodeIcal]) {
      expect(event.summary).toBe('Screening roundtable')
      expect(event.location).toBe('Room 10[31m')
      expect(event.description).toContain('\n\nLine one\nline\ttwo\n')
    }
  })

  it('shows the right London times across the October clock change', async ({ world, api, feed }) => {
    const before = await makeSession(api, world, {
      schedule: true,
      visibility: 'public',
      date: '2026-10-24',
      startTime: '18:00',
      endTime: '19:30',
    })
    const after = await makeSession(api, world, {
      schedule: true,
      visibility: 'public',
      date: '2026-10-25',
      startTime: '18:00',
      endTime: '19:30',
    })
    const events = await feed('/groups/alpha/calendar.ics')
    const b = events.get(`${before}@appg-hub`)!
    const a = events.get(`${after}@appg-hub`)!
    expect(b.start.toISOString()).toBe('2026-10-24T17:00:00.000Z')
    expect(a.start.toISOString()).toBe('2026-10-25T18:00:00.000Z')
    expect(london.format(b.start)).toBe('24/10/2026, 18:00')
    expect(london.format(a.start)).toBe('25/10/2026, 18:00')
    expect(london.format(a.end)).toBe('25/10/2026, 19:30')
    expect((a.end.getTime() - a.start.getTime()) / 60_000).toBe(90)
  })

  it('keeps a personal feed at a secret, revocable address: sessions I host or signed up to, and their cancellation', async ({
    db,
    world,
    api,
    clock,
    get,
    feed,
  }) => {
    const hosted = await makeSession(api, world, { schedule: true, title: 'Alpha private' })
    const draft = await makeSession(api, world, { title: 'Alpha draft' })
    const gammaPublic = await makeSession(api, world, {
      schedule: true,
      visibility: 'public',
      title: 'Open session',
    })
    const member = await api.as(world.people.member.id)
    const first = await member.sessions.calendarFeed()
    expect(first.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[a-z2-7]{32}\.ics$/)
    expect(await member.sessions.calendarFeed()).toEqual({ url: null, active: true })
    const path = new URL(first.url!).pathname
    const stored = await db
      .selectFrom('person')
      .select('calendar_token_hash')
      .where('id', '=', world.people.member.id)
      .executeTakeFirstOrThrow()
    expect(stored.calendar_token_hash).toMatch(/^[0-9a-f]{64}$/)
    expect(stored.calendar_token_hash).not.toContain(path.slice(10, 42))

    let events = await feed(path)
    expect([...events.keys()].sort()).toEqual(
      [hosted, draft, gammaPublic].map((id) => `${id}@appg-hub`).sort(),
    )
    expect(events.get(`${draft}@appg-hub`)!.status).toBe('TENTATIVE')

    // Someone outside alpha sees only what they signed up to, never alpha's private sessions.
    const gamma = await api.as(world.people.gammaMember.id)
    const gammaPath = new URL((await gamma.sessions.calendarFeed()).url!).pathname
    expect([...(await feed(gammaPath)).keys()]).toEqual([])
    await gamma.sessions.signUp({ id: gammaPublic, status: 'going' })
    expect([...(await feed(gammaPath)).keys()]).toEqual([`${gammaPublic}@appg-hub`])

    // Cancelled: STATUS:CANCELLED with a higher SEQUENCE under the same UID.
    const sequence = events.get(`${hosted}@appg-hub`)!.sequence
    clock.advance(60_000)
    await (await api.as(world.people.officer.id)).sessions.cancel({ id: hosted, reason: 'Recess' })
    events = await feed(path)
    const cancelled = events.get(`${hosted}@appg-hub`)!
    expect(cancelled.status).toBe('CANCELLED')
    expect(cancelled.sequence).toBeGreaterThan(sequence)
    expect(cancelled.stamp.toISOString()).toBe(clock.now().toISOString())

    // Rotating stops the old address at once; revoking stops the feed.
    const rotated = await member.sessions.rotateCalendarFeed()
    expect((await get(path)).status).toBe(404)
    const newPath = new URL(rotated.url).pathname
    expect((await get(newPath)).status).toBe(200)
    await member.sessions.revokeCalendarFeed()
    expect((await get(newPath)).status).toBe(404)
    expect((await get(`/calendar/${'a'.repeat(32)}.ics`)).status).toBe(404)
  })

  it('publishes a group’s public sessions, hosted or co-hosted, and nothing else', async ({
    world,
    api,
    clock,
    get,
    feed,
  }) => {
    const publicId = await makeSession(api, world, { schedule: true, visibility: 'public' })
    await makeSession(api, world, { schedule: true })
    await makeSession(api, world, { visibility: 'public' }) // a draft
    clock.advance(60_000)
    const before = (await feed('/groups/alpha/calendar.ics')).get(`${publicId}@appg-hub`)!.sequence
    await cohost(api, world, publicId, 'beta')
    for (const slug of ['alpha', 'beta']) {
      const response = await get(`/groups/${slug}/calendar.ics`)
      expect(response.headers.get('cache-control')).toBe('public, max-age=300')
      const events = parse(await response.text())
      expect([...events.keys()]).toEqual([`${publicId}@appg-hub`])
      expect(events.get(`${publicId}@appg-hub`)!.categories).toEqual(['APPG on Alpha', 'APPG on Beta'])
      expect(events.get(`${publicId}@appg-hub`)!.description).toContain('co-hosted by APPG on Beta')
      // The entry changed when beta joined: its SEQUENCE went up and its DTSTAMP says when.
      expect(events.get(`${publicId}@appg-hub`)!.sequence).toBe(before + 1)
      expect(events.get(`${publicId}@appg-hub`)!.stamp.toISOString()).toBe(clock.now().toISOString())
    }
    expect([...(await feed('/groups/gamma/calendar.ics')).keys()]).toEqual([])
    expect((await get('/groups/no-such-group/calendar.ics')).status).toBe(404)
  })

  it('gives the hosts the sign-ups as CSV that a spreadsheet cannot run', async ({ db, world, api, get }) => {
    const id = await makeSession(api, world, { schedule: true, visibility: 'public', capacity: 1 })
    const sly = await makePerson(db, '=HYPERLINK("http://evil.example","click")', {
      email: 'sly@example.org',
    })
    await (await api.as(world.people.member.id)).sessions.signUp({ id, status: 'going' })
    await (await api.as(sly.id)).sessions.signUp({ id, status: 'going' })
    const response = await get(`/sessions/${id}/signups.csv`, world.people.secretariat.id)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="signups-2026-07-15-/)
    const lines = (await response.text()).trim().split('\r\n')
    expect(lines).toEqual([
      'Name,Email,Organisation,Status,Signed up (London time)',
      'Alpha Member,alpha.member@example.org,,Going,2026-06-29 10:00',
      `"'=HYPERLINK(""http://evil.example"",""click"")",sly@example.org,,Waiting list,2026-06-29 10:00`,
    ])
    expect((await get(`/sessions/${id}/signups.csv`, world.people.member.id)).status).toBe(403)
    expect((await get(`/sessions/${id}/signups.csv`)).status).toBe(401)
    const privateId = await makeSession(api, world, { schedule: true })
    expect((await get(`/sessions/${privateId}/signups.csv`, world.people.gammaMember.id)).status).toBe(404)
    // Downloads are rate-limited per person (20 an hour).
    for (let i = 1; i < 20; i++)
      expect((await get(`/sessions/${id}/signups.csv`, world.people.secretariat.id)).status).toBe(200)
    const limited = await get(`/sessions/${id}/signups.csv`, world.people.secretariat.id)
    expect(limited.status).toBe(429)
    // The hour's window began at SESSION_NOW, on the hour: it ends an hour later.
    expect(limited.headers.get('retry-after')).toBe(String(60 * 60))
  })
})
