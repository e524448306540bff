import { describe, expect } from 'vitest'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic, notificationsOf, refusal } from '../support/joint-work'

describe.each(dialects())('publication by consent on $name', (dialect) => {
  const it = hubTest(dialect)

  /** The person's newest notification of `kind` (several may share a time on the fake clock). */
  const notificationOf = async ({ db }: Pick<HubContext, 'db'>, personId: string, kind: string) =>
    (await notificationsOf(db, personId)).find((n) => n.kind === kind)

  /** A public-bound briefing in a topic alpha shares with beta (and gamma when asked). */
  async function jointBriefing(
    { world, api }: Pick<HubContext, 'world' | 'api'>,
    groups: ('beta' | 'gamma')[] = ['beta'],
  ) {
    const topicId = await makeTopic(api, world)
    for (const g of groups) await joinTopic(api, world, topicId, g)
    const { id } = await (await api.as(world.people.secretariat.id)).documents.create({
      groupSlug: 'alpha',
      kind: 'briefing',
      title: 'Joint briefing',
      body: 'Agreed text.',
      visibility: 'public',
      topicId,
    })
    return { topicId, id }
  }

  const actions = async ({ db }: Pick<HubContext, 'db'>, itemId: string) =>
    (
      await db
        .selectFrom('audit_event')
        .select('action')
        .where('item_id', '=', itemId)
        .where('action', 'like', 'publication.%')
        .orderBy('at')
        .orderBy('id')
        .execute()
    )
      .map((a) => a.action)
      // Events of one moment on the fake clock may come in either order.
      .sort()

  it('tells one who may not read an item the same as for an item that does not exist', async ({
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world) // participants only: alpha's
    const outsider = await api.as(world.people.gammaOfficer.id)
    const answer = async (itemId: string) => {
      try {
        await outsider.publication.get({ itemType: 'topic', itemId })
        return 'answered'
      } catch (error) {
        return `${(error as { code?: string }).code}: ${(error as Error).message}`
      }
    }
    const hidden = await answer(topicId)
    expect(hidden).toMatch(/^NOT_FOUND: /)
    expect(hidden).toBe(await answer('0mx0000000000000000000000'))
  })

  it('a joint document is not public until every group consents; one officer per group suffices', async ({
    db,
    world,
    api,
  }) => {
    const { id } = await jointBriefing({ world, api }, ['beta', 'gamma'])
    const officer = await api.as(world.people.officer.id)
    const anon = await api.as(null)
    const asked = await officer.documents.publish({ id })
    expect(asked.publication).toMatchObject({
      status: 'pending',
      revisionNumber: 1,
      groups: [
        { slug: 'alpha', consented: true, by: 'Alpha Officer' },
        { slug: 'beta', consented: false },
        { slug: 'gamma', consented: false },
      ],
    })
    const requestId = asked.publication!.id
    expect(await refusal(anon.documents.get({ id }))).toBe('NOT_FOUND')
    expect((await anon.documents.listForGroup({ slug: 'alpha' })).items).toEqual([])
    // The partners' officers are asked; their members are not.
    expect(await notificationOf({ db }, world.people.betaOfficer.id, 'publication.requested')).toMatchObject({
      kind: 'publication.requested',
      link_path: `/documents/${id}`,
    })
    expect(await notificationsOf(db, world.people.betaMember.id)).toEqual([])
    // Only officers answer, and only for their own group.
    expect(
      await refusal((await api.as(world.people.betaMember.id)).publication.approve({ id: requestId })),
    ).toBe('FORBIDDEN')
    expect(
      await refusal((await api.as(world.people.betaSecretariat.id)).publication.approve({ id: requestId })),
    ).toBe('FORBIDDEN')
    expect(
      await refusal((await api.as(world.people.outsider.id)).publication.approve({ id: requestId })),
    ).toBe('NOT_FOUND')
    expect(await refusal(officer.publication.approve({ id: requestId }))).toBe('CONFLICT')

    const beta = await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: requestId })
    expect(beta.status).toBe('pending')
    expect(await refusal(anon.documents.get({ id }))).toBe('NOT_FOUND')
    const panel = await (await api.as(world.people.gammaOfficer.id)).publication.get({
      itemType: 'document',
      itemId: id,
    })
    expect(panel).toMatchObject({ isPublic: false, latest: { status: 'pending', canAnswer: ['gamma'] } })

    const done = await (await api.as(world.people.gammaOfficer.id)).publication.approve({ id: requestId })
    expect(done.status).toBe('approved')
    expect((await anon.documents.get({ id })).status).toBe('published')
    expect(await actions({ db }, id)).toEqual([
      'publication.approved',
      'publication.consented',
      'publication.consented',
      'publication.requested',
    ])
    expect(await notificationOf({ db }, world.people.officer.id, 'publication.approved')).toMatchObject({
      kind: 'publication.approved',
    })
    // "Download my data" holds the consents a person gave and the requests they made.
    const mine = await (await api.as(world.people.betaOfficer.id)).privacy.export()
    expect(mine.publicationConsents).toEqual([{ request_id: requestId, at: expect.any(String) }])
    expect((await officer.privacy.export()).publicationRequests).toMatchObject([
      { id: requestId, mine: ['asked'] },
    ])
  })

  it('a decline says why and publishes nothing; the asking group may withdraw a pending request', async ({
    db,
    world,
    api,
  }) => {
    const { id } = await jointBriefing({ world, api })
    const officer = await api.as(world.people.officer.id)
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const first = (await officer.documents.publish({ id })).publication!
    expect(await refusal(officer.documents.publish({ id }))).toBe('CONFLICT')
    expect(await refusal(betaOfficer.publication.decline({ id: first.id, reason: '  ' }))).toBe('BAD_REQUEST')
    const declined = await betaOfficer.publication.decline({ id: first.id, reason: 'Figures to be checked.' })
    expect(declined).toMatchObject({
      status: 'declined',
      reason: 'Figures to be checked.',
      decidedGroup: 'APPG on Beta',
    })
    expect(await refusal((await api.as(null)).documents.get({ id }))).toBe('NOT_FOUND')
    expect(await notificationOf({ db }, world.people.officer.id, 'publication.declined')).toMatchObject({
      kind: 'publication.declined',
      excerpt: 'Figures to be checked.',
    })
    expect(await refusal(betaOfficer.publication.approve({ id: first.id }))).toBe('CONFLICT')

    const second = (await officer.documents.publish({ id })).publication!
    expect(await refusal(betaOfficer.publication.cancel({ id: second.id }))).toBe('FORBIDDEN')
    expect((await officer.publication.cancel({ id: second.id })).status).toBe('withdrawn')
    expect(await refusal(betaOfficer.publication.approve({ id: second.id }))).toBe('CONFLICT')
    expect(await actions({ db }, id)).toEqual([
      'publication.declined',
      'publication.requested',
      'publication.requested',
      'publication.withdrawn',
    ])
  })

  it('any group may withdraw its consent later: the item leaves public view and the others are told', async ({
    db,
    world,
    api,
  }) => {
    const { id } = await jointBriefing({ world, api })
    const officer = await api.as(world.people.officer.id)
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const asked = (await officer.documents.publish({ id })).publication!
    await betaOfficer.publication.approve({ id: asked.id })
    expect((await (await api.as(null)).documents.get({ id })).status).toBe('published')
    expect(
      await refusal(
        (await api.as(world.people.betaMember.id)).publication.withdraw({ itemType: 'document', itemId: id }),
      ),
    ).toBe('FORBIDDEN')
    await betaOfficer.publication.withdraw({
      itemType: 'document',
      itemId: id,
      reason: 'Our trustees object.',
    })
    expect(await refusal((await api.as(null)).documents.get({ id }))).toBe('NOT_FOUND')
    expect(await notificationOf({ db }, world.people.officer.id, 'publication.withdrawn')).toMatchObject({
      kind: 'publication.withdrawn',
      excerpt: 'Our trustees object.',
    })
    const panel = await officer.publication.get({ itemType: 'document', itemId: id })
    expect(panel).toMatchObject({ isPublic: false, latest: { status: 'withdrawn' }, can: { request: true } })
    expect(await refusal(betaOfficer.publication.withdraw({ itemType: 'document', itemId: id }))).toBe(
      'CONFLICT',
    )
  })

  it('a topic and a session go public only with every group’s consent; one group alone is approved at once', async ({
    world,
    api,
  }) => {
    const alone = await makeTopic(api, world, { title: 'Alpha alone' })
    const officer = await api.as(world.people.officer.id)
    expect((await officer.topics.update({ id: alone, visibility: 'public' })).publication).toMatchObject({
      status: 'approved',
    })
    expect((await (await api.as(null)).topics.get({ id: alone })).title).toBe('Alpha alone')

    const topicId = await makeTopic(api, world, { title: 'Joint topic' })
    await joinTopic(api, world, topicId, 'beta')
    const asked = (await officer.topics.update({ id: topicId, visibility: 'public' })).publication!
    expect(asked.status).toBe('pending')
    expect(await refusal((await api.as(null)).topics.get({ id: topicId }))).toBe('NOT_FOUND')
    expect(
      (await (await api.as(null)).topics.listForGroup({ slug: 'alpha' })).items.map((t) => t.title),
    ).toEqual(['Alpha alone'])
    await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: asked.id })
    expect((await (await api.as(null)).topics.get({ id: topicId })).title).toBe('Joint topic')

    // A session created public in the shared topic waits for beta too, scheduled or not.
    const { id: sessionId } = await officer.sessions.create({
      groupSlug: 'alpha',
      title: 'Joint session',
      description: '',
      date: '2031-05-06',
      startTime: '10:00',
      endTime: '11:00',
      visibility: 'public',
      topicId,
    })
    await officer.sessions.schedule({ id: sessionId })
    expect(await refusal((await api.as(null)).sessions.get({ id: sessionId }))).toBe('NOT_FOUND')
    const panel = await officer.publication.get({ itemType: 'meeting', itemId: sessionId })
    expect(panel.latest).toMatchObject({ status: 'pending', canAnswer: [] })
    await (await api.as(world.people.betaOfficer.id)).publication.approve({ id: panel.latest!.id })
    expect((await (await api.as(null)).sessions.get({ id: sessionId })).title).toBe('Joint session')
  })

  it('a request runs out after the handshake’s time and can then be asked again', async ({
    db,
    world,
    api,
  }) => {
    const { id } = await jointBriefing({ world, api })
    const officer = await api.as(world.people.officer.id)
    const first = (await officer.documents.publish({ id })).publication!
    api.clock.advance(15 * 24 * 3600 * 1000)
    expect((await officer.publication.get({ itemType: 'document', itemId: id })).latest?.status).toBe(
      'expired',
    )
    expect(
      await refusal((await api.as(world.people.betaOfficer.id)).publication.approve({ id: first.id })),
    ).toBe('CONFLICT')
    const again = (await officer.documents.publish({ id })).publication!
    expect(again.status).toBe('pending')
    const rows = await db.selectFrom('publication_request').select('status').orderBy('created_at').execute()
    expect(rows.map((r) => r.status)).toEqual(['expired', 'pending'])
  })
})
