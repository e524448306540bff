import { describe, expect } from 'vitest'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic, refusal, refused } from '../support/joint-work'

describe.each(dialects())('a topic as the shared space on $name', (dialect) => {
  const it = hubTest(dialect)

  const briefing = async (
    { world, api }: Pick<HubContext, 'world' | 'api'>,
    topicId: string,
    groups?: string[],
  ) =>
    (await api.as(world.people.secretariat.id)).documents.create({
      groupSlug: 'alpha',
      kind: 'briefing',
      title: 'Joint briefing',
      body: 'What we know.',
      visibility: 'participants',
      topicId,
      groups,
    })

  it('a document created in a topic another group accepted is theirs to read and edit, with no invitation', async ({
    db,
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    const { id, revisionId } = await briefing({ world, api }, topicId)

    const betaSecretariat = await api.as(world.people.betaSecretariat.id)
    const doc = await betaSecretariat.documents.get({ id })
    expect(doc.coAuthors.map((g) => g.slug)).toEqual(['beta'])
    expect(doc.can.edit).toBe(true)
    const saved = await betaSecretariat.documents.save({ id, baseRevisionId: revisionId, body: 'Beta adds.' })
    expect(saved.status).toBe('saved')
    const betaMember = await api.as(world.people.betaMember.id)
    expect((await betaMember.documents.get({ id })).can.edit).toBe(false)
    expect((await betaMember.documents.get({ id })).body).toBe('Beta adds.')
    // The lists agree with the single read.
    expect((await betaMember.documents.listForTopic({ topicId })).map((d) => d.id)).toEqual([id])
    expect(await refusal((await api.as(world.people.gammaOfficer.id)).documents.get({ id }))).toBe(
      'NOT_FOUND',
    )
    // No invitation was needed (or sent) for the document.
    const invitations = await db.selectFrom('invitation').select('item_type').execute()
    expect(invitations.map((i) => i.item_type)).toEqual(['topic'])
  })

  it('a group joining the topic later joins its items; leaving or removal takes it out of them', async ({
    db,
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    const { id } = await briefing({ world, api }, topicId)
    const session = await (await api.as(world.people.officer.id)).sessions.create({
      groupSlug: 'alpha',
      title: 'Joint session',
      description: 'Screening.',
      date: '2031-03-04',
      startTime: '10:00',
      endTime: '11:00',
      visibility: 'participants',
      topicId,
    })
    const gammaMember = await api.as(world.people.gammaMember.id)
    expect(await refusal(gammaMember.documents.get({ id }))).toBe('NOT_FOUND')

    await joinTopic(api, world, topicId, 'gamma')
    expect((await gammaMember.documents.get({ id })).coAuthors.map((g) => g.slug)).toEqual(['gamma'])
    expect((await gammaMember.sessions.get({ id: session.id })).cohosts.map((g) => g.slug)).toEqual(['gamma'])

    const gammaOfficer = await api.as(world.people.gammaOfficer.id)
    await gammaOfficer.topics.leave({ id: topicId, groupSlug: 'gamma' })
    expect(await refusal(gammaMember.documents.get({ id }))).toBe('NOT_FOUND')
    expect(await refusal(gammaMember.sessions.get({ id: session.id }))).toBe('NOT_FOUND')
    expect(await refusal(gammaMember.documents.listForTopic({ topicId }))).toBe('NOT_FOUND')

    await joinTopic(api, world, topicId, 'beta')
    const betaMember = await api.as(world.people.betaMember.id)
    expect((await betaMember.documents.get({ id })).title).toBe('Joint briefing')
    await (await api.as(world.people.officer.id)).topics.removePartner({ id: topicId, groupSlug: 'beta' })
    expect(await refusal(betaMember.documents.get({ id }))).toBe('NOT_FOUND')
    const left = await db
      .selectFrom('audit_event')
      .select('action')
      .where('item_id', '=', topicId)
      .where('action', 'like', 'participant.%')
      .execute()
    expect(left.map((a) => a.action).sort()).toEqual(['participant.left', 'participant.removed'])
  })

  it('an item kept to a subset of the topic’s groups stays with that subset', async ({ world, api }) => {
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    await joinTopic(api, world, topicId, 'gamma')
    const { id } = await briefing({ world, api }, topicId, ['beta'])
    expect((await (await api.as(world.people.betaMember.id)).documents.get({ id })).coAuthors).toHaveLength(1)
    const gammaMember = await api.as(world.people.gammaMember.id)
    expect(await refusal(gammaMember.documents.get({ id }))).toBe('NOT_FOUND')
    expect(await gammaMember.documents.listForTopic({ topicId })).toEqual([])

    // A group joining the topic later does not join a subset item either.
    const alone = await briefing({ world, api }, topicId, [])
    expect(
      (await (await api.as(world.people.secretariat.id)).documents.get({ id: alone.id })).coAuthors,
    ).toEqual([])
    expect(await refusal((await api.as(world.people.betaMember.id)).documents.get({ id: alone.id }))).toBe(
      'NOT_FOUND',
    )
  })

  it('refuses groups that are not the topic’s, and groups without a topic, with a clear 400', async ({
    db,
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    const error = await refusal(briefing({ world, api }, topicId, ['gamma']))
    expect(error).toBe('BAD_REQUEST')
    const secretariat = await api.as(world.people.secretariat.id)
    expect(
      await refusal(
        secretariat.documents.create({
          groupSlug: 'alpha',
          kind: 'notes',
          title: 'No topic',
          body: '',
          visibility: 'participants',
          groups: ['beta'],
        }),
      ),
    ).toBe('BAD_REQUEST')
    expect(await db.selectFrom('document').select('id').execute()).toEqual([])
  })

  it('a session shows the documents linked to it, once each, restricted where the reader may not read them', async ({
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    await joinTopic(api, world, topicId, 'beta')
    const officer = await api.as(world.people.officer.id)
    const session = await officer.sessions.create({
      groupSlug: 'alpha',
      title: 'Joint session',
      description: '',
      date: '2031-03-04',
      startTime: '10:00',
      endTime: '11:00',
      visibility: 'participants',
      topicId,
    })
    const shared = await briefing({ world, api }, topicId)
    const alphaOnly = await briefing({ world, api }, topicId, [])
    const secretariat = await api.as(world.people.secretariat.id)
    for (const doc of [shared, alphaOnly])
      await secretariat.documents.link({
        id: doc.id,
        toType: 'meeting',
        toId: session.id,
        linkType: 'briefing_for',
      })
    // The shared briefing also refers to the session in its text: still listed once.
    await secretariat.documents.save({
      id: shared.id,
      baseRevisionId: shared.revisionId,
      body: `See [[session:${session.id}]].`,
    })
    // Documents come in the order they were linked; two linked in the same millisecond may come
    // either way round, so the lists are compared in a fixed order.
    const byId = (a: { documentId: string | null }, b: { documentId: string | null }) =>
      String(a.documentId).localeCompare(String(b.documentId))
    const restrictedLast = (a: { restricted: boolean }, b: { restricted: boolean }) =>
      Number(a.restricted) - Number(b.restricted)
    const alphaView = await secretariat.sessions.get({ id: session.id })
    expect([...alphaView.documents].sort(byId)).toEqual(
      [
        {
          documentId: shared.id,
          title: 'Joint briefing',
          kind: 'briefing',
          linkType: 'briefing_for',
          restricted: false,
        },
        {
          documentId: alphaOnly.id,
          title: 'Joint briefing',
          kind: 'briefing',
          linkType: 'briefing_for',
          restricted: false,
        },
      ].sort(byId),
    )
    const betaView = await (await api.as(world.people.betaMember.id)).sessions.get({ id: session.id })
    expect([...betaView.documents].sort(restrictedLast)).toEqual([
      {
        documentId: shared.id,
        title: 'Joint briefing',
        kind: 'briefing',
        linkType: 'briefing_for',
        restricted: false,
      },
      { documentId: null, title: null, kind: null, linkType: 'briefing_for', restricted: true },
    ])
    // The topic lists each document once.
    const topic = await secretariat.topics.get({ id: topicId })
    const docs = topic.links.filter((l) => l.itemType === 'document')
    expect(docs.map((l) => l.itemId).sort()).toEqual([shared.id, alphaOnly.id].sort())
  })

  it('co-hosting outside a topic invites several groups in one step; choosing none says so', async ({
    world,
    api,
  }) => {
    const officer = await api.as(world.people.officer.id)
    const session = await officer.sessions.create({
      groupSlug: 'alpha',
      title: 'Outside any topic',
      description: '',
      date: '2031-03-04',
      startTime: '10:00',
      endTime: '11:00',
      visibility: 'participants',
    })
    const error = await refused(
      officer.invitations.send({ itemType: 'meeting', itemId: session.id, toGroupSlugs: [] }),
    )
    expect(error.code).toBe('BAD_REQUEST')
    expect(error.message).toContain('Choose at least one group to invite.')
    const { invitations } = await officer.invitations.send({
      itemType: 'meeting',
      itemId: session.id,
      toGroupSlugs: ['beta', 'gamma'],
    })
    expect(invitations.map((i) => i.to.slug)).toEqual(['beta', 'gamma'])
    // Outside a topic, the session keeps its own handshake: nobody joins without accepting.
    expect(await refusal((await api.as(world.people.betaMember.id)).sessions.get({ id: session.id }))).toBe(
      'NOT_FOUND',
    )
  })

  it('the topic’s activity tells what changed in its space, without the items a reader may not open', async ({
    world,
    api,
  }) => {
    const topicId = await makeTopic(api, world)
    api.clock.advance(1000)
    await joinTopic(api, world, topicId, 'beta')
    api.clock.advance(1000)
    await briefing({ world, api }, topicId)
    api.clock.advance(1000)
    await briefing({ world, api }, topicId, [])
    const member = await api.as(world.people.member.id)
    const { entries: alpha, lastVisitAt } = await member.topics.activity({ id: topicId })
    expect(lastVisitAt).toBeNull()
    expect(alpha.map((e) => `${e.actor}: ${e.did}`)).toEqual([
      'Alpha Secretariat: wrote the document',
      'Alpha Secretariat: wrote the document',
      'Beta Officer: accepted the invitation for their group',
      'Alpha Officer: invited a group',
      'Alpha Officer: started the topic',
    ])
    // New since my last visit: what happened after the visit is later than it.
    const { seenAt } = await member.topics.markVisited({ id: topicId })
    api.clock.advance(1000)
    await briefing({ world, api }, topicId)
    const again = await member.topics.activity({ id: topicId })
    expect(again.lastVisitAt).toBe(seenAt)
    expect(again.entries.filter((e) => e.at > seenAt)).toHaveLength(1)
    expect(
      await refusal((await api.as(world.people.gammaMember.id)).topics.markVisited({ id: topicId })),
    ).toBe('NOT_FOUND')
    const { entries: beta } = await (await api.as(world.people.betaMember.id)).topics.activity({
      id: topicId,
    })
    expect(beta).toHaveLength(5)
    expect(beta[0]).toMatchObject({
      did: 'wrote the document',
      item: { type: 'document', title: 'Joint briefing' },
    })
    expect(await refusal((await api.as(world.people.gammaMember.id)).topics.activity({ id: topicId }))).toBe(
      'NOT_FOUND',
    )
  })
})
