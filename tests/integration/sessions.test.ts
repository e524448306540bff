import { itemLinks, removePartner, toActor } from '@appg-hub/core'
import { describe, expect } from 'vitest'
import { callers, makePerson, testConfig } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic, notificationsOf, refusal, refused } from '../support/joint-work'
import { QueryCounter } from '../support/query-counter'
import { cohost, makeDocument, makeSession, SESSION_NOW, sessionSnapshot } from '../support/sessions'

describe.each(dialects())('co-hosted sessions on $name', (dialect) => {
  const it = hubTest(dialect, { now: SESSION_NOW })

  const as = ({ api }: Pick<HubContext, 'api'>, id: string | null) => api.as(id)
  const session = ({ db }: Pick<HubContext, 'db'>, id: string) =>
    db.selectFrom('meeting').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  const audits = async ({ db }: Pick<HubContext, 'db'>, id: string) =>
    (
      await db.selectFrom('audit_event').select('action').where('item_id', '=', id).orderBy('id').execute()
    ).map((a) => a.action)

  /** Runs a call that must be refused and checks that it changed nothing. */
  async function refusedWithoutChange(
    { db }: Pick<HubContext, 'db'>,
    call: () => Promise<unknown>,
  ): Promise<string> {
    const before = await sessionSnapshot(db)
    const code = await refusal(call())
    expect(await sessionSnapshot(db)).toEqual(before)
    return code
  }

  it('the secretariat drafts a session; times are London times stored in UTC; a draft is the hosts’ only', async ({
    db,
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    const id = await makeSession(api, world, { topicId, visibility: 'public' })
    const row = await session({ db }, id)
    expect(row).toMatchObject({
      status: 'draft',
      starts_at: '2026-07-15T09:00:00.000Z',
      ends_at: '2026-07-15T10:30:00.000Z',
      visibility: 'participants',
      intended_visibility: 'public',
      sequence: 0,
      topic_id: topicId,
    })
    expect(await audits({ db }, id)).toEqual(['meeting.created'])
    const view = await (await as({ api }, world.people.member.id)).sessions.get({ id })
    expect(view).toMatchObject({
      status: 'draft',
      visibility: 'public',
      startsAt: '2026-07-15T09:00:00.000Z',
      owner: { slug: 'alpha' },
      topic: { id: topicId, title: 'Lung cancer screening' },
      sessionMinutes: 90,
      agendaMinutes: 0,
    })
    expect(view.descriptionHtml).toContain('<strong>lung cancer screening</strong>')
    expect(view.can).toMatchObject({ edit: false, schedule: false, signUp: false })
    // Public once scheduled, not before.
    expect(await refusal((await as({ api }, null)).sessions.get({ id }))).toBe('NOT_FOUND')
    expect(await refusal((await as({ api }, world.people.gammaMember.id)).sessions.get({ id }))).toBe(
      'NOT_FOUND',
    )
    await (await as({ api }, world.people.officer.id)).sessions.schedule({ id })
    expect((await (await as({ api }, null)).sessions.get({ id })).status).toBe('scheduled')
    expect(await session({ db }, id)).toMatchObject({ visibility: 'public', sequence: 1 })
  })

  it('a session on a topic is listed on the topic page, only for those who may read the session', async ({
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    // Kept to alpha alone (a subset of the topic's groups).
    const id = await makeSession(api, world, { topicId, groups: [] })
    const link = async (personId: string) =>
      (await (await as({ api }, personId)).topics.get({ id: topicId })).links.find(
        (l) => l.itemType === 'meeting',
      )
    // alpha hosts the draft: its member sees the session by name.
    expect(await link(world.people.member.id)).toMatchObject({
      restricted: false,
      title: 'Screening roundtable',
    })
    // beta is a partner of the topic, not a host of the draft: the link does not show at all
    // (a link is seen only by those who may read its source).
    expect(await link(world.people.betaMember.id)).toBeUndefined()
    await (await as({ api }, world.people.secretariat.id)).sessions.update({ id, topicId: null })
    expect(await link(world.people.member.id)).toBeUndefined()
    // A session on the topic for all its groups is beta's to read, with no invitation.
    const shared = await makeSession(api, world, { topicId, title: 'Shared roundtable' })
    const betaLinks = (await (await as({ api }, world.people.betaMember.id)).topics.get({ id: topicId }))
      .links
    expect(betaLinks.find((l) => l.itemType === 'meeting')).toMatchObject({
      restricted: false,
      title: 'Shared roundtable',
    })
    expect(
      (await (await as({ api }, world.people.betaMember.id)).sessions.get({ id: shared })).cohosts,
    ).toHaveLength(1)
  })

  it('converts London times on both sides of the October clock change', async ({ db, world, api }) => {
    const before = await makeSession(api, world, { date: '2026-10-24', startTime: '18:00', endTime: '19:00' })
    const after = await makeSession(api, world, { date: '2026-10-25', startTime: '18:00', endTime: '19:00' })
    expect((await session({ db }, before)).starts_at).toBe('2026-10-24T17:00:00.000Z')
    expect((await session({ db }, after)).starts_at).toBe('2026-10-25T18:00:00.000Z')
    const secretariat = await as({ api }, world.people.secretariat.id)
    const skipped = await refused(
      secretariat.sessions.create({
        groupSlug: 'alpha',
        title: 'x',
        description: '',
        date: '2027-03-28',
        startTime: '01:30',
        endTime: '02:30',
        visibility: 'participants',
      }),
    )
    expect(skipped.code).toBe('BAD_REQUEST')
    expect(skipped.message).toMatch(/does not exist in London/)
  })

  it('refuses drafts by members, observers, outsiders and other groups, and bad input, changing nothing', async ({
    db,
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    const gammaTopic = await makeTopic(api, world, { by: world.people.gammaOfficer.id, groupSlug: 'gamma' })
    const input = {
      groupSlug: 'alpha',
      title: 'Roundtable',
      description: '',
      date: '2026-07-15',
      startTime: '10:00',
      endTime: '11:00',
      visibility: 'participants' as const,
    }
    for (const person of [
      world.people.member,
      world.people.observer,
      world.people.outsider,
      world.people.betaOfficer,
    ])
      expect(
        await refusedWithoutChange({ db }, async () => (await as({ api }, person.id)).sessions.create(input)),
      ).toBe('FORBIDDEN')
    expect(
      await refusedWithoutChange({ db }, async () => (await as({ api }, null)).sessions.create(input)),
    ).toBe('UNAUTHORIZED')
    const secretariat = await as({ api }, world.people.secretariat.id)
    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.create({ ...input, startTime: '12:00' })),
    ).toBe('BAD_REQUEST')
    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.create({ ...input, date: '15/07/2026' })),
    ).toBe('BAD_REQUEST')
    // Only a topic the group takes part in.
    expect(
      await refusedWithoutChange({ db }, () =>
        secretariat.sessions.create({ ...input, topicId: gammaTopic }),
      ),
    ).toBe('BAD_REQUEST')
    expect((await secretariat.sessions.create({ ...input, topicId })).id).toBeTruthy()
  })

  it('schedules, changes, cancels with a reason and marks held: each step by the owner’s officers, SEQUENCE rising', async ({
    db,
    world,
    api,
    clock,
  }) => {
    const id = await makeSession(api, world)
    const secretariat = await as({ api }, world.people.secretariat.id)
    const officer = await as({ api }, world.people.officer.id)
    expect(await refusedWithoutChange({ db }, () => secretariat.sessions.schedule({ id }))).toBe('FORBIDDEN')
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.member.id)).sessions.schedule({ id }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.betaOfficer.id)).sessions.schedule({ id }),
      ),
    ).toBe('NOT_FOUND')
    expect(await refusedWithoutChange({ db }, () => officer.sessions.markHeld({ id }))).toBe('CONFLICT')
    await officer.sessions.schedule({ id })
    expect(await refusedWithoutChange({ db }, () => officer.sessions.schedule({ id }))).toBe('CONFLICT')
    expect(await refusedWithoutChange({ db }, () => officer.sessions.markHeld({ id }))).toBe('CONFLICT') // not started yet

    // A member signs up; a change of time tells them.
    await (await as({ api }, world.people.member.id)).sessions.signUp({ id, status: 'going' })
    await secretariat.sessions.update({ id, date: '2026-07-16', startTime: '14:00', endTime: '15:00' })
    expect(await session({ db }, id)).toMatchObject({ starts_at: '2026-07-16T13:00:00.000Z', sequence: 2 })
    const [changed] = await notificationsOf(db, world.people.member.id)
    expect(changed).toMatchObject({ kind: 'meeting.changed', link_path: `/sessions/${id}` })
    expect(changed!.text).toContain('Thursday 16 July 2026, 2pm–3pm')
    // A title change alone tells nobody.
    await secretariat.sessions.update({ id, title: 'Screening roundtable (II)' })
    expect(await notificationsOf(db, world.people.member.id)).toHaveLength(1)
    expect((await session({ db }, id)).sequence).toBe(3)
    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.update({ id, visibility: 'public' })),
    ).toBe('FORBIDDEN')
    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.update({ id, date: '2026-07-17' })),
    ).toBe('BAD_REQUEST')

    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.cancel({ id, reason: 'Recess' })),
    ).toBe('FORBIDDEN')
    expect(await refusedWithoutChange({ db }, () => officer.sessions.cancel({ id, reason: '  ' }))).toBe(
      'BAD_REQUEST',
    )
    await officer.sessions.cancel({ id, reason: 'The House rose early for recess.' })
    expect(await session({ db }, id)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'The House rose early for recess.',
      sequence: 4,
    })
    const [cancelled] = await notificationsOf(db, world.people.member.id)
    expect(cancelled).toMatchObject({
      kind: 'meeting.cancelled',
      excerpt: 'The House rose early for recess.',
    })
    const mail = await db.selectFrom('email_outbox').select(['to_email', 'subject']).execute()
    expect(mail.some((m) => m.to_email === world.people.member.email && /is cancelled/.test(m.subject))).toBe(
      true,
    )
    expect(await refusedWithoutChange({ db }, () => officer.sessions.schedule({ id }))).toBe('CONFLICT')
    expect(
      await refusedWithoutChange({ db }, () => secretariat.sessions.update({ id, title: 'Again' })),
    ).toBe('CONFLICT')
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.member.id)).sessions.signUp({ id, status: 'going' }),
      ),
    ).toBe('CONFLICT')
    expect(await audits({ db }, id)).toEqual([
      'meeting.created',
      'meeting.scheduled',
      'meeting.signup',
      'meeting.updated',
      'meeting.updated',
      'meeting.cancelled',
    ])

    // Held: after it starts; the hosts are prompted for minutes.
    const held = await makeSession(api, world, { schedule: true })
    clock.set('2026-07-15T09:30:00.000Z')
    await officer.sessions.markHeld({ id: held })
    expect(await session({ db }, held)).toMatchObject({ status: 'held', sequence: 2 })
    const [prompt] = await notificationsOf(db, world.people.secretariat.id)
    expect(prompt).toMatchObject({ kind: 'meeting.held', item_id: held })
    expect((await secretariat.sessions.get({ id: held })).minutesPrompt).toBe(true)
    expect((await (await as({ api }, world.people.member.id)).sessions.get({ id: held })).minutesPrompt).toBe(
      false,
    )
  })

  it('co-hosts join through the handshake; every host group’s secretariat edits the agenda, and only they', async ({
    db,
    world,
    api,
  }) => {
    const id = await makeSession(api, world, { schedule: true })
    expect(await refusal((await as({ api }, world.people.betaSecretariat.id)).sessions.get({ id }))).toBe(
      'NOT_FOUND',
    )
    await cohost(api, world, id, 'beta')
    const betaSecretariat = await as({ api }, world.people.betaSecretariat.id)
    const view = await betaSecretariat.sessions.get({ id })
    expect(view.cohosts.map((c) => c.slug)).toEqual(['beta'])
    expect(view.can).toMatchObject({ editAgenda: true, edit: false, cancel: false, seeSignups: true })

    const a = await (await as({ api }, world.people.secretariat.id)).sessions.agenda.add({
      id,
      title: 'Welcome',
      speakers: 'Alpha Chair',
      durationMinutes: 10,
    })
    const b = await betaSecretariat.sessions.agenda.add({
      id,
      title: 'Evidence on screening',
      speakers: 'Prof. Jane Doe, University of Leeds; Dr Sam Roe',
      durationMinutes: 60,
      notes: 'Slides in advance',
    })
    const c = await betaSecretariat.sessions.agenda.add({ id, title: 'Questions', durationMinutes: 30 })
    let got = await betaSecretariat.sessions.get({ id })
    expect(got.agenda.map((x) => x.title)).toEqual(['Welcome', 'Evidence on screening', 'Questions'])
    expect(got).toMatchObject({ agendaMinutes: 100, sessionMinutes: 90 })
    await betaSecretariat.sessions.agenda.move({ id, itemId: c.id, direction: 'up' })
    await betaSecretariat.sessions.agenda.update({ id, itemId: a.id, durationMinutes: 5 })
    await betaSecretariat.sessions.agenda.remove({ id, itemId: b.id })
    got = await betaSecretariat.sessions.get({ id })
    expect(got.agenda.map((x) => [x.title, x.position, x.durationMinutes])).toEqual([
      ['Welcome', 1, 5],
      ['Questions', 2, 30],
    ])
    expect(got.agendaMinutes).toBe(35)
    const sequence = (await session({ db }, id)).sequence

    expect(
      await refusedWithoutChange({ db }, () =>
        betaSecretariat.sessions.agenda.move({ id, itemId: a.id, direction: 'up' }),
      ),
    ).toBe('BAD_REQUEST')
    for (const person of [world.people.member, world.people.betaMember, world.people.observer])
      expect(
        await refusedWithoutChange({ db }, async () =>
          (await as({ api }, person.id)).sessions.agenda.add({ id, title: 'Mine', durationMinutes: 5 }),
        ),
      ).toBe('FORBIDDEN')
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.gammaOfficer.id)).sessions.agenda.remove({ id, itemId: a.id }),
      ),
    ).toBe('NOT_FOUND')
    expect((await session({ db }, id)).sequence).toBe(sequence)
    expect(sequence).toBe(1 + 1 + 6) // scheduled, beta joined as co-host, then six agenda changes

    // The draft notice names both groups, the room and the speakers.
    await betaSecretariat.sessions.agenda.update({ id, itemId: c.id, speakers: 'Fiona MacLeod MP' })
    const notice = (await betaSecretariat.sessions.get({ id })).notice!
    expect(notice).toContain('APPG on Alpha; APPG on Beta')
    expect(notice).toContain('Wednesday 15 July 2026, 10am–11:30am')
    expect(notice).toContain('Committee Room 10, House of Commons')
    expect(notice).toContain('Speakers: Alpha Chair; Fiona MacLeod MP')
    expect((await (await as({ api }, world.people.betaMember.id)).sessions.get({ id })).notice).toBeNull()
  })

  it('warns when a public session is less than a week away', async ({ world, api }) => {
    const soon = await makeSession(api, world, { visibility: 'public', date: '2026-07-03' })
    const later = await makeSession(api, world, { visibility: 'public', date: '2026-07-08' })
    const privateSoon = await makeSession(api, world, { date: '2026-07-03' })
    const secretariat = await as({ api }, world.people.secretariat.id)
    expect((await secretariat.sessions.get({ id: soon })).noticeWarning).toMatch(/seven days/)
    expect((await secretariat.sessions.get({ id: later })).noticeWarning).toBeNull()
    expect((await secretariat.sessions.get({ id: privateSoon })).noticeWarning).toBeNull()
  })

  it('fills places first come, first served; a withdrawal promotes the first waiting, who is told', async ({
    db,
    world,
    api,
    clock,
  }) => {
    const id = await makeSession(api, world, { schedule: true, capacity: 2 })
    await cohost(api, world, id, 'beta')
    const member = await as({ api }, world.people.member.id)
    const observer = await as({ api }, world.people.observer.id)
    const betaMember = await as({ api }, world.people.betaMember.id)
    const chair = await as({ api }, world.people.chair.id)
    expect(await member.sessions.signUp({ id, status: 'going' })).toEqual({
      status: 'going',
      waitlistPosition: null,
    })
    clock.advance(1000)
    expect(await observer.sessions.signUp({ id, status: 'going' })).toEqual({
      status: 'going',
      waitlistPosition: null,
    })
    clock.advance(1000)
    expect(await betaMember.sessions.signUp({ id, status: 'going' })).toEqual({
      status: 'waitlist',
      waitlistPosition: 1,
    })
    clock.advance(1000)
    expect(await chair.sessions.signUp({ id, status: 'going' })).toEqual({
      status: 'waitlist',
      waitlistPosition: 2,
    })
    // Asking again keeps one's place in the line.
    clock.advance(1000)
    expect(await betaMember.sessions.signUp({ id, status: 'going' })).toEqual({
      status: 'waitlist',
      waitlistPosition: 1,
    })
    expect((await chair.sessions.get({ id })).mySignup).toEqual({ status: 'waitlist', waitlistPosition: 2 })
    expect((await chair.sessions.get({ id })).counts).toMatchObject({ going: 2, waitlist: 2 })
    expect(await notificationsOf(db, world.people.betaMember.id)).toEqual([])

    clock.advance(1000)
    expect(await observer.sessions.withdraw({ id })).toEqual({ withdrawn: true })
    expect((await betaMember.sessions.get({ id })).mySignup).toEqual({
      status: 'going',
      waitlistPosition: null,
    })
    expect((await chair.sessions.get({ id })).mySignup).toEqual({ status: 'waitlist', waitlistPosition: 1 })
    const [promoted] = await notificationsOf(db, world.people.betaMember.id)
    expect(promoted).toMatchObject({ kind: 'signup.promoted', item_id: id })
    const mail = await db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_email', '=', world.people.betaMember.email)
      .execute()
    expect(mail.map((m) => m.subject)).toEqual([expect.stringMatching(/A place has come up/)])

    // Going → maybe frees a place too; raising capacity fills from the line.
    await member.sessions.signUp({ id, status: 'maybe' })
    expect((await chair.sessions.get({ id })).mySignup?.status).toBe('going')
    await member.sessions.signUp({ id, status: 'going' })
    expect((await member.sessions.get({ id })).mySignup).toEqual({ status: 'waitlist', waitlistPosition: 1 })
    await (await as({ api }, world.people.secretariat.id)).sessions.update({ id, capacity: 3 })
    expect((await member.sessions.get({ id })).mySignup?.status).toBe('going')
    expect((await member.sessions.get({ id })).counts).toMatchObject({ going: 3, waitlist: 0, maybe: 0 })
    expect(await observer.sessions.withdraw({ id })).toEqual({ withdrawn: false })

    // Not for people who may not read it, nor for drafts.
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.gammaMember.id)).sessions.signUp({ id, status: 'going' }),
      ),
    ).toBe('NOT_FOUND')
    const draft = await makeSession(api, world)
    expect(
      await refusedWithoutChange({ db }, () => member.sessions.signUp({ id: draft, status: 'going' })),
    ).toBe('CONFLICT')
  })

  it('releases the sign-ups of people who lose access, and the waiting list moves', async ({
    db,
    world,
    api,
    clock,
  }) => {
    const id = await makeSession(api, world, { schedule: true, capacity: 1 })
    await cohost(api, world, id, 'beta')
    await (await as({ api }, world.people.betaMember.id)).sessions.signUp({ id, status: 'going' })
    clock.advance(1000)
    await (await as({ api }, world.people.member.id)).sessions.signUp({ id, status: 'going' })
    clock.advance(1000)
    await (await as({ api }, world.people.observer.id)).sessions.signUp({ id, status: 'going' })
    const secretariat = await as({ api }, world.people.secretariat.id)
    const names = async () =>
      (await secretariat.sessions.signups({ id })).signups.map((s) => `${s.name}:${s.status}`)
    expect(await names()).toHaveLength(3)

    // Beta is taken out of the session: its member's place goes to the first waiting.
    const officer = await db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', world.people.officer.id)
      .executeTakeFirstOrThrow()
    await removePartner(
      { db, clock, config: testConfig, actor: toActor(officer) },
      { itemType: 'meeting', itemId: id, groupSlug: 'beta' },
    )
    expect((await secretariat.sessions.get({ id })).counts).toMatchObject({ going: 1, waitlist: 1 })
    expect((await (await as({ api }, world.people.member.id)).sessions.get({ id })).mySignup?.status).toBe(
      'going',
    )
    expect(await names()).not.toContainEqual(expect.stringContaining('Beta'))
    const [promoted] = await notificationsOf(db, world.people.member.id)
    expect(promoted).toMatchObject({ kind: 'signup.promoted' })

    // A person who leaves the group leaves the list too, and the next one waiting goes.
    await (await as({ api }, world.people.member.id)).memberships.leave({ slug: 'alpha' })
    expect((await secretariat.sessions.get({ id })).counts).toMatchObject({ going: 1, waitlist: 0 })
    expect((await (await as({ api }, world.people.observer.id)).sessions.get({ id })).mySignup?.status).toBe(
      'going',
    )
    const released = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', '=', 'meeting.signup.released')
      .execute()
    expect(released).toHaveLength(2)
  })

  it('a session made private, or left with its topic, releases the sign-ups of those who lose it', async ({
    db,
    world,
    api,
  }) => {
    const released = async (personId: string) =>
      (
        await db
          .selectFrom('audit_event')
          .select('action')
          .where('action', '=', 'meeting.signup.released')
          .where('details', 'like', `%${personId}%`)
          .execute()
      ).length
    const mySignup = async (personId: string, id: string) =>
      (await (await as({ api }, personId)).sessions.get({ id })).mySignup?.status ?? null
    // Public: gamma's member (no host group of theirs) signs up; withdrawn from public view, the
    // place goes (publication/apply.ts takes it out of public view in the same transaction).
    const open = await makeSession(api, world, { schedule: true, visibility: 'public' })
    await (await as({ api }, world.people.gammaMember.id)).sessions.signUp({ id: open, status: 'going' })
    await (await as({ api }, world.people.member.id)).sessions.signUp({ id: open, status: 'going' })
    await (await as({ api }, world.people.officer.id)).sessions.update({
      id: open,
      visibility: 'participants',
    })
    expect(
      (await (await as({ api }, world.people.secretariat.id)).sessions.get({ id: open })).counts,
    ).toMatchObject({
      going: 1,
    })
    expect(await mySignup(world.people.member.id, open)).toBe('going')
    expect(await released(world.people.gammaMember.id)).toBe(1)

    // In a topic shared with beta: beta hosts the session with the topic; leaving the topic is
    // leaving the session, and beta's people lose their places.
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    const shared = await makeSession(api, world, { topicId, schedule: true })
    await (await as({ api }, world.people.betaMember.id)).sessions.signUp({ id: shared, status: 'going' })
    expect(await mySignup(world.people.betaMember.id, shared)).toBe('going')
    await (await as({ api }, world.people.officer.id)).topics.removePartner({
      id: topicId,
      groupSlug: 'beta',
    })
    expect(await refusal((await as({ api }, world.people.betaMember.id)).sessions.get({ id: shared }))).toBe(
      'NOT_FOUND',
    )
    expect(
      (await (await as({ api }, world.people.secretariat.id)).sessions.get({ id: shared })).counts,
    ).toMatchObject({
      going: 0,
    })
    expect(await released(world.people.betaMember.id)).toBe(1)
  })

  it('never lets more people go than there are places, however many sign up at once', async ({
    db,
    world,
    api,
  }) => {
    const id = await makeSession(api, world, { schedule: true, capacity: 3, visibility: 'public' })
    const people = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        makePerson(db, `Visitor ${i}`, { email: `visitor${i}@example.org` }),
      ),
    )
    const visitors = await Promise.all(people.map((p) => as({ api }, p.id)))
    const results = await Promise.all(visitors.map((v) => v.sessions.signUp({ id, status: 'going' })))
    expect(results.filter((r) => r.status === 'going')).toHaveLength(3)
    expect(results.filter((r) => r.status === 'waitlist')).toHaveLength(7)
    const rows = await db.selectFrom('signup').select('status').where('meeting_id', '=', id).execute()
    expect(rows.filter((r) => r.status === 'going')).toHaveLength(3)
    // And concurrent withdrawals promote exactly as many as left.
    const going = people.filter((_, i) => results[i]!.status === 'going')
    await Promise.all(going.map(async (p) => (await as({ api }, p.id)).sessions.withdraw({ id })))
    const after = await db.selectFrom('signup').select('status').where('meeting_id', '=', id).execute()
    expect(after.filter((r) => r.status === 'going')).toHaveLength(3)
    expect(after.filter((r) => r.status === 'waitlist')).toHaveLength(4)
  })

  it('hosts see the sign-up list; others are refused', async ({ world, api }) => {
    const id = await makeSession(api, world, { schedule: true, visibility: 'public' })
    await cohost(api, world, id, 'beta')
    await (await as({ api }, world.people.member.id)).sessions.signUp({ id, status: 'going' })
    await (await as({ api }, world.people.outsider.id)).sessions.signUp({ id, status: 'maybe' })
    const list = await (await as({ api }, world.people.betaSecretariat.id)).sessions.signups({ id })
    expect(list.signups.map((s) => [s.name, s.status])).toEqual([
      ['Alpha Member', 'going'],
      ['Out Sider', 'maybe'],
    ])
    for (const person of [
      world.people.member,
      world.people.observer,
      world.people.outsider,
      world.people.betaMember,
    ])
      expect(await refusal((await as({ api }, person.id)).sessions.signups({ id }))).toBe('FORBIDDEN')
    expect(await refusal((await as({ api }, null)).sessions.signups({ id }))).toBe('UNAUTHORIZED')
    const secretariat = await as({ api }, world.people.secretariat.id)
    expect(await refusal(secretariat.sessions.signups({ id: 'nope' }))).toBe('NOT_FOUND')
    const quiet = await makeSession(api, world, { schedule: true })
    expect((await secretariat.sessions.signups({ id: quiet })).signups).toEqual([])
  })

  it('a signed-out visitor registers interest in a public session, confirmed by a one-time link', async ({
    db,
    world,
    api,
  }) => {
    const id = await makeSession(api, world, { schedule: true, visibility: 'public' })
    const privateId = await makeSession(api, world, { schedule: true })
    const visitor = await as({ api }, null)
    expect(
      await refusedWithoutChange({ db }, () =>
        visitor.sessions.registerInterest({ id: privateId, name: 'Pat', email: 'pat@example.org' }),
      ),
    ).toBe('NOT_FOUND')
    expect(
      await visitor.sessions.registerInterest({ id, name: 'Pat Visitor', email: 'Pat@Example.org' }),
    ).toEqual({
      ok: true,
    })
    const signup = await db
      .selectFrom('signup')
      .selectAll()
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(signup).toMatchObject({
      status: 'interest_unconfirmed',
      email: 'pat@example.org',
      person_id: null,
    })
    const mail = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', 'pat@example.org')
      .executeTakeFirstOrThrow()
    const token = /\/sessions\/confirm\/([a-z2-7]{32})/.exec(mail.body_text)![1]!
    expect(signup.confirm_token_hash).not.toContain(token)
    expect(
      await refusedWithoutChange({ db }, () => visitor.sessions.confirmInterest({ token: 'x'.repeat(32) })),
    ).toBe('NOT_FOUND')
    expect(await visitor.sessions.confirmInterest({ token })).toEqual({
      sessionId: id,
      title: 'Screening roundtable',
    })
    expect(await sessionSignup({ db }, id)).toMatchObject({ status: 'interest', confirm_token_hash: null })
    expect(await refusedWithoutChange({ db }, () => visitor.sessions.confirmInterest({ token }))).toBe(
      'NOT_FOUND',
    )
    expect((await visitor.sessions.get({ id })).counts.interest).toBe(1)
    // Cancelling tells them by email.
    await (await as({ api }, world.people.officer.id)).sessions.cancel({ id, reason: 'Recess' })
    const told = await db
      .selectFrom('email_outbox')
      .select('subject')
      .where('to_email', '=', 'pat@example.org')
      .execute()
    expect(told.map((t) => t.subject)).toContainEqual(expect.stringMatching(/is cancelled/))
  })

  it('limits registrations of interest for one address, and refuses them for drafts and cancelled sessions', async ({
    db,
    world,
    api,
  }) => {
    const id = await makeSession(api, world, { schedule: true, visibility: 'public' })
    const visitor = await as({ api }, null)
    for (let i = 0; i < 3; i++)
      await visitor.sessions.registerInterest({ id, name: 'Pat Visitor', email: 'pat@example.org' })
    expect(
      await refusedWithoutChange({ db }, () =>
        visitor.sessions.registerInterest({ id, name: 'Pat Visitor', email: 'pat@example.org' }),
      ),
    ).toBe('TOO_MANY_REQUESTS')
    const mails = await db
      .selectFrom('email_outbox')
      .select('id')
      .where('to_email', '=', 'pat@example.org')
      .execute()
    expect(mails).toHaveLength(3)
    expect(await db.selectFrom('signup').select('id').where('meeting_id', '=', id).execute()).toHaveLength(1)
    const draft = await makeSession(api, world, { visibility: 'public' })
    expect(
      await refusedWithoutChange({ db }, () =>
        visitor.sessions.registerInterest({ id: draft, name: 'Sam', email: 'sam@example.org' }),
      ),
    ).toBe('NOT_FOUND')
    await (await as({ api }, world.people.officer.id)).sessions.cancel({ id, reason: 'Recess' })
    expect(
      await refusedWithoutChange({ db }, () =>
        visitor.sessions.registerInterest({ id, name: 'Sam', email: 'sam@example.org' }),
      ),
    ).toBe('CONFLICT')
  })

  async function sessionSignup({ db }: Pick<HubContext, 'db'>, id: string) {
    return db.selectFrom('signup').selectAll().where('meeting_id', '=', id).executeTakeFirstOrThrow()
  }

  it('attaches minutes after the session is held: a document of a host group, once', async ({
    db,
    world,
    api,
    clock,
  }) => {
    const id = await makeSession(api, world, { schedule: true })
    await cohost(api, world, id, 'beta')
    const betaDoc = await makeDocument(db, world.beta.id, world.people.betaSecretariat.id)
    const gammaDoc = await makeDocument(db, world.gamma.id, world.people.gammaOfficer.id)
    const betaSecretariat = await as({ api }, world.people.betaSecretariat.id)
    expect(
      await refusedWithoutChange({ db }, () =>
        betaSecretariat.sessions.attachMinutes({ id, documentId: betaDoc }),
      ),
    ).toBe('CONFLICT')
    clock.set('2026-07-15T11:00:00.000Z')
    await (await as({ api }, world.people.officer.id)).sessions.markHeld({ id })
    expect(
      await refusedWithoutChange({ db }, () =>
        betaSecretariat.sessions.attachMinutes({ id, documentId: gammaDoc }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.betaMember.id)).sessions.attachMinutes({ id, documentId: betaDoc }),
      ),
    ).toBe('FORBIDDEN')
    // Alpha's secretariat may edit the session, but not read beta's draft (public only once published).
    const betaPublicDraft = await makeDocument(db, world.beta.id, world.people.betaSecretariat.id, 'Draft', {
      visibility: 'public',
    })
    expect(
      await refusedWithoutChange({ db }, async () =>
        (await as({ api }, world.people.secretariat.id)).sessions.attachMinutes({
          id,
          documentId: betaPublicDraft,
        }),
      ),
    ).toBe('BAD_REQUEST')
    await betaSecretariat.sessions.attachMinutes({ id, documentId: betaDoc })
    expect(
      await db.selectFrom('link').selectAll().where('to_id', '=', id).executeTakeFirstOrThrow(),
    ).toMatchObject({
      from_type: 'document',
      from_id: betaDoc,
      to_type: 'meeting',
      link_type: 'minutes_of',
      origin: 'explicit',
    })
    expect(
      await refusedWithoutChange({ db }, () =>
        betaSecretariat.sessions.attachMinutes({ id, documentId: betaDoc }),
      ),
    ).toBe('CONFLICT')
    const view = await betaSecretariat.sessions.get({ id })
    expect(view.minutes).toEqual([{ documentId: betaDoc, title: 'Minutes of the roundtable' }])
    expect(view.minutesPrompt).toBe(false)
    // The minutes say which groups held the session.
    const betaSecretary = {
      id: world.people.betaSecretariat.id,
      email: null,
      displayName: 'Beta Secretariat',
      kind: 'other' as const,
      isSiteAdmin: false,
    }
    const minutes = await itemLinks(db, betaSecretary, 'document', betaDoc)
    expect(minutes.links.find((l) => l.linkType === 'minutes_of')).toMatchObject({
      itemId: id,
      hosts: ['APPG on Alpha', 'APPG on Beta'],
    })
    // Alpha's member may read the session but not beta's private document: the link is not shown.
    expect((await (await as({ api }, world.people.member.id)).sessions.get({ id })).minutes).toEqual([])
  })

  it('lists a group’s sessions and mine, never showing what a single read would refuse', async ({
    world,
    api,
    clock,
  }) => {
    const upcoming = await makeSession(api, world, { schedule: true, title: 'Private upcoming' })
    const publicOne = await makeSession(api, world, {
      schedule: true,
      visibility: 'public',
      title: 'Public upcoming',
      date: '2026-07-20',
    })
    const draft = await makeSession(api, world, { title: 'Draft', date: '2026-07-10' })
    const past = await makeSession(api, world, { schedule: true, title: 'Past', date: '2026-07-01' })
    clock.set('2026-07-02T12:00:00.000Z')
    const member = await as({ api }, world.people.member.id)
    const up = await member.sessions.listForGroup({ slug: 'alpha', when: 'upcoming' })
    expect(up.items.map((m) => m.id)).toEqual([draft, upcoming, publicOne])
    expect(
      (await member.sessions.listForGroup({ slug: 'alpha', when: 'past' })).items.map((m) => m.id),
    ).toEqual([past])
    for (const person of [world.people.gammaMember, world.people.betaOfficer, null]) {
      const caller = await as({ api }, person?.id ?? null)
      expect(
        (await caller.sessions.listForGroup({ slug: 'alpha', when: 'upcoming' })).items.map((m) => m.id),
      ).toEqual([publicOne])
      expect((await caller.sessions.listForGroup({ slug: 'alpha', when: 'past' })).items).toEqual([])
    }
    expect((await (await as({ api }, world.people.gammaMember.id)).sessions.mine()).items).toEqual([])
    await (await as({ api }, world.people.gammaMember.id)).sessions.signUp({ id: publicOne, status: 'going' })
    expect(
      (await (await as({ api }, world.people.gammaMember.id)).sessions.mine()).items.map((m) => [
        m.id,
        m.mySignup,
      ]),
    ).toEqual([[publicOne, 'going']])
    expect((await member.sessions.mine()).items.map((m) => m.id)).toEqual([draft, upcoming, publicOne])

    // Co-hosting puts it on beta's calendar too.
    await cohost(api, world, upcoming, 'beta')
    const beta = await (await as({ api }, world.people.betaMember.id)).sessions.listForGroup({
      slug: 'beta',
      when: 'upcoming',
    })
    expect(beta.items.map((m) => [m.id, m.cohosts.map((c) => c.slug)])).toEqual([[upcoming, ['beta']]])
  })

  it('pages with cursors, and reads a session and a page in a fixed number of queries', async ({
    db,
    world,
    api,
    clock,
  }) => {
    for (let i = 0; i < 23; i++)
      await makeSession(api, world, { schedule: true, date: `2026-08-${String(i + 1).padStart(2, '0')}` })
    const member = await as({ api }, world.people.member.id)
    const first = await member.sessions.listForGroup({ slug: 'alpha', when: 'upcoming' })
    expect(first.items).toHaveLength(20)
    const second = await member.sessions.listForGroup({
      slug: 'alpha',
      when: 'upcoming',
      cursor: first.nextCursor,
    })
    expect(second.items).toHaveLength(3)
    expect(second.nextCursor).toBeNull()
    expect(second.items[0]!.startsAt > first.items[19]!.startsAt).toBe(true)
    expect(
      await refusal(member.sessions.listForGroup({ slug: 'alpha', when: 'upcoming', cursor: 'nonsense' })),
    ).toBe('BAD_REQUEST')
    // A group without sessions on that side has an empty page; no group at all is NOT_FOUND, even
    // with a bad cursor (the group is answered for first).
    expect(await member.sessions.listForGroup({ slug: 'alpha', when: 'past' })).toEqual({
      items: [],
      nextCursor: null,
    })
    expect(await refusal(member.sessions.listForGroup({ slug: 'nope', when: 'upcoming' }))).toBe('NOT_FOUND')
    expect(
      await refusal(member.sessions.listForGroup({ slug: 'nope', when: 'upcoming', cursor: 'nonsense' })),
    ).toBe('NOT_FOUND')

    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), clock)
    const reader = await counted.as(world.people.member.id)
    const id = first.items[0]!.id
    await reader.sessions.get({ id }) // warm: the session cookie is validated once per caller
    // The session with its groups, agenda, sign-ups and linked documents: one query.
    expect(await counter.measure(() => reader.sessions.get({ id }))).toBe(1)
    // The page and the group (found by its slug, for NOT_FOUND): one query.
    expect(
      await counter.measure(() => reader.sessions.listForGroup({ slug: 'alpha', when: 'upcoming' })),
    ).toBe(1)
    expect(await counter.measure(() => reader.sessions.mine())).toBe(1)
  })

  it('comments on sessions reuse the comments of topics', async ({ world, api }) => {
    const id = await makeSession(api, world, { schedule: true })
    await (await as({ api }, world.people.member.id)).comments.add({
      itemType: 'meeting',
      itemId: id,
      body: 'I will come.',
    })
    const list = await (await as({ api }, world.people.observer.id)).comments.list({
      itemType: 'meeting',
      itemId: id,
    })
    expect(list.items.map((c) => c.body)).toEqual(['I will come.'])
    expect(
      await refusal(
        (await as({ api }, world.people.gammaMember.id)).comments.list({ itemType: 'meeting', itemId: id }),
      ),
    ).toBe('NOT_FOUND')
  })

  it('keeps the visibility chosen for a draft and applies it when scheduled', async ({ db, world, api }) => {
    const id = await makeSession(api, world)
    await (await as({ api }, world.people.officer.id)).sessions.update({ id, visibility: 'public' })
    expect(await session({ db }, id)).toMatchObject({
      visibility: 'participants',
      intended_visibility: 'public',
    })
    expect(await refusal((await as({ api }, null)).sessions.get({ id }))).toBe('NOT_FOUND')
    await (await as({ api }, world.people.officer.id)).sessions.schedule({ id })
    expect((await (await as({ api }, null)).sessions.get({ id })).visibility).toBe('public')
    await (await as({ api }, world.people.officer.id)).sessions.update({ id, visibility: 'participants' })
    expect(await refusal((await as({ api }, null)).sessions.get({ id }))).toBe('NOT_FOUND')
  })
})
