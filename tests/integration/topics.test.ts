import { TOPIC_PAGE_SIZE } from '@appg-hub/core'
import { describe, expect } from 'vitest'
import { dialects, hubTest } from '../support/hub-test'
import { HEALTH, joinTopic, jointSnapshot, makeTopic, refusal, refused, SCIENCE } from '../support/joint-work'

describe.each(dialects())('topics on $name', (dialect) => {
  const it = hubTest(dialect)

  it('an officer, the chair or the secretariat creates a topic; it reads back whole', async ({
    db,
    world,
    api,
  }) => {
    const secretariat = await api.as(world.people.secretariat.id)
    const { id } = await secretariat.topics.create({
      groupSlug: 'alpha',
      title: '  Lung cancer screening ',
      summary: 'Why **early** diagnosis matters. <script>alert(1)</script>',
      tags: [HEALTH, SCIENCE, HEALTH],
      visibility: 'participants',
    })
    const topic = await secretariat.topics.get({ id })
    expect(topic).toMatchObject({
      id,
      title: 'Lung cancer screening',
      tags: [HEALTH, SCIENCE],
      visibility: 'participants',
      status: 'open',
      owner: { slug: 'alpha', title: 'APPG on Alpha' },
      partners: [],
      pendingInvitations: [],
      followers: [{ id: world.people.secretariat.id, name: 'Alpha Secretariat' }],
      followerCount: 1,
      following: true,
      links: [],
      createdBy: { id: world.people.secretariat.id, name: 'Alpha Secretariat' },
      can: {
        comment: true,
        edit: true,
        invite: false,
        moderate: false,
        follow: true,
        leave: [],
        remove: false,
      },
    })
    expect(topic.summaryHtml).toBe(
      '<p>Why <strong>early</strong> diagnosis matters. &lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    )
    expect(
      await db
        .selectFrom('audit_event')
        .select(['action', 'appg_id', 'item_id'])
        .where('action', '=', 'topic.created')
        .execute(),
    ).toEqual([{ action: 'topic.created', appg_id: world.alpha.id, item_id: id }])
    const officer = await api.as(world.people.officer.id)
    expect((await officer.topics.get({ id })).can).toMatchObject({ invite: true, moderate: true, edit: true })
  })

  it('members, observers, other groups and unknown categories are refused, and nothing is written', async ({
    db,
    world,
    api,
  }) => {
    const before = await jointSnapshot(db)
    const input = {
      groupSlug: 'alpha',
      title: 'T',
      summary: '',
      tags: [],
      visibility: 'participants' as const,
    }
    for (const who of ['member', 'observer', 'betaOfficer', 'outsider'] as const) {
      expect(await refusal((await api.as(world.people[who].id)).topics.create(input)), who).toBe('FORBIDDEN')
    }
    const officer = await api.as(world.people.officer.id)
    expect(await refusal(officer.topics.create({ ...input, groupSlug: 'nope' }))).toBe('NOT_FOUND')
    const error = await refused(officer.topics.create({ ...input, tags: ['Made-up category'] }))
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toBe('Not a Register category: Made-up category.')
    expect(await refusal(officer.topics.create({ ...input, title: '   ' }))).toBe('BAD_REQUEST')
    expect(await refusal((await api.as(null)).topics.create(input))).toBe('UNAUTHORIZED')
    expect(await jointSnapshot(db)).toEqual(before)
  })

  it('a participants-only topic is NOT_FOUND to everyone outside its groups; a public one is readable by all', async ({
    world,
    api,
  }) => {
    const id = await makeTopic(api, world)
    for (const who of [world.people.betaOfficer.id, world.people.outsider.id, null]) {
      expect(await refusal((await api.as(who)).topics.get({ id }))).toBe('NOT_FOUND')
    }
    expect((await (await api.as(null)).topics.listForGroup({ slug: 'alpha' })).items).toEqual([])
    const officer = await api.as(world.people.officer.id)
    await officer.topics.update({ id, visibility: 'public' })
    const anonymous = await api.as(null)
    const topic = await anonymous.topics.get({ id })
    expect(topic.can).toEqual({
      comment: false,
      edit: false,
      invite: false,
      moderate: false,
      follow: false,
      leave: [],
      remove: false,
    })
    // Who follows it is for the groups' own people; how many follow is not (the public page said nobody did).
    expect(topic.followers).toEqual([])
    expect(topic.followerCount).toBe(1)
    expect((await anonymous.topics.listForGroup({ slug: 'alpha' })).items.map((t) => t.id)).toEqual([id])
    const outsider = await api.as(world.people.outsider.id)
    await outsider.topics.follow({ id })
    expect((await outsider.topics.get({ id })).following).toBe(true)
  })

  it('editing: the owner group edits the text; only its chair and officers change visibility and status', async ({
    db,
    world,
    api,
  }) => {
    const id = await makeTopic(api, world)
    await joinTopic(api, world, id, 'beta')
    const secretariat = await api.as(world.people.secretariat.id)
    expect(
      await secretariat.topics.update({ id, title: 'Screening for lung cancer', tags: [SCIENCE] }),
    ).toEqual({ id, changed: ['title', 'tags'], publication: null })
    const before = await jointSnapshot(db)
    expect(await refusal(secretariat.topics.update({ id, visibility: 'public' }))).toBe('FORBIDDEN')
    expect(await refusal(secretariat.topics.update({ id, status: 'closed' }))).toBe('FORBIDDEN')
    for (const who of ['member', 'betaOfficer', 'betaSecretariat'] as const) {
      expect(
        await refusal((await api.as(world.people[who].id)).topics.update({ id, title: 'Mine now' })),
        who,
      ).toBe('FORBIDDEN')
    }
    expect(
      await refusal((await api.as(world.people.gammaOfficer.id)).topics.update({ id, title: 'Mine now' })),
    ).toBe('NOT_FOUND')
    expect(await jointSnapshot(db)).toEqual(before)

    const chair = await api.as(world.people.chair.id)
    await chair.topics.update({ id, status: 'archived' })
    const topic = await chair.topics.get({ id })
    expect(topic).toMatchObject({
      title: 'Screening for lung cancer',
      tags: [SCIENCE],
      status: 'archived',
      can: { comment: false, invite: false },
    })
    expect(await chair.topics.update({ id, status: 'archived' })).toEqual({
      id,
      changed: [],
      publication: null,
    })
    const audit = await db
      .selectFrom('audit_event')
      .select('details')
      .where('action', '=', 'topic.updated')
      .execute()
    expect(audit.map((a) => JSON.parse(a.details))).toEqual([
      { changed: ['title', 'tags'] },
      { changed: ['status'], status: { from: 'open', to: 'archived' } },
    ])
  })

  it("a group's list shows the topics it owns or joined; the dashboard shows all my groups' topics, newest activity first", async ({
    world,
    api,
  }) => {
    const alphaTopic = await makeTopic(api, world, { title: 'Alpha topic' })
    api.clock.advance(1000)
    const betaTopic = await makeTopic(api, world, {
      title: 'Beta topic',
      by: world.people.betaOfficer.id,
      groupSlug: 'beta',
    })
    api.clock.advance(1000)
    const gammaTopic = await makeTopic(api, world, {
      title: 'Gamma topic',
      by: world.people.gammaOfficer.id,
      groupSlug: 'gamma',
    })
    api.clock.advance(1000)
    await joinTopic(api, world, alphaTopic, 'beta')

    const betaMember = await api.as(world.people.betaMember.id)
    const dashboard = await betaMember.topics.dashboard()
    expect(dashboard.items.map((t) => t.title)).toEqual(['Alpha topic', 'Beta topic'])
    expect(dashboard.items[0]).toMatchObject({
      owner: { slug: 'alpha' },
      partners: [{ slug: 'beta', title: 'APPG on Beta' }],
      status: 'open',
      visibility: 'participants',
      commentCount: 0,
    })
    expect((await betaMember.topics.listForGroup({ slug: 'beta' })).items.map((t) => t.id)).toEqual([
      alphaTopic,
      betaTopic,
    ])
    // Lists never show what a single read would refuse.
    expect((await betaMember.topics.listForGroup({ slug: 'gamma' })).items).toEqual([])
    expect(await refusal(betaMember.topics.get({ id: gammaTopic }))).toBe('NOT_FOUND')

    api.clock.advance(1000)
    await (await api.as(world.people.betaOfficer.id)).comments.add({
      itemType: 'topic',
      itemId: betaTopic,
      body: 'Activity',
    })
    const after = await betaMember.topics.dashboard()
    expect(after.items.map((t) => [t.title, t.commentCount])).toEqual([
      ['Beta topic', 1],
      ['Alpha topic', 0],
    ])
    expect(await refusal((await api.as(null)).topics.dashboard())).toBe('UNAUTHORIZED')
    expect(await refusal(betaMember.topics.listForGroup({ slug: 'nope' }))).toBe('NOT_FOUND')
  })

  it("a group's list pages with a cursor through the topics it owns and those it joined, interleaved", async ({
    world,
    api,
  }) => {
    // Beta owns the odd topics and joins the even ones (alpha's): its list merges both in activity order.
    const count = TOPIC_PAGE_SIZE + 3
    for (let i = 0; i < count; i++) {
      if (i % 2 === 0)
        await joinTopic(api, world, await makeTopic(api, world, { title: `Topic ${i}` }), 'beta')
      else
        await makeTopic(api, world, {
          title: `Topic ${i}`,
          by: world.people.betaOfficer.id,
          groupSlug: 'beta',
        })
      api.clock.advance(1000)
    }
    const member = await api.as(world.people.betaMember.id)
    const first = await member.topics.listForGroup({ slug: 'beta' })
    const second = await member.topics.listForGroup({ slug: 'beta', cursor: first.nextCursor })
    expect(second.nextCursor).toBeNull()
    const expected = Array.from({ length: count }, (_, i) => `Topic ${count - 1 - i}`)
    expect([...first.items, ...second.items].map((t) => t.title)).toEqual(expected)
    expect(first.items).toHaveLength(TOPIC_PAGE_SIZE)
  })

  it('the dashboard pages with a cursor', async ({ world, api }) => {
    for (let i = 0; i < TOPIC_PAGE_SIZE + 2; i++) {
      await makeTopic(api, world, { title: `Topic ${i}` })
      api.clock.advance(1000)
    }
    const member = await api.as(world.people.member.id)
    const first = await member.topics.dashboard({})
    expect(first.items).toHaveLength(TOPIC_PAGE_SIZE)
    expect(first.items[0]!.title).toBe(`Topic ${TOPIC_PAGE_SIZE + 1}`)
    const second = await member.topics.dashboard({ cursor: first.nextCursor })
    expect(second.items.map((t) => t.title)).toEqual(['Topic 1', 'Topic 0'])
    expect(second.nextCursor).toBeNull()
  })
})
