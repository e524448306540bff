import { consumeRate, DAY, RATE_RULES } from '@appg-hub/core'
import { newId } from '@appg-hub/db'
import { describe, expect } from 'vitest'
import { callers } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import {
  type JointWorld,
  joinTopic,
  jointSnapshot,
  makeTopic,
  notificationsOf,
  refusal,
  refused,
} from '../support/joint-work'

describe.each(dialects())('the handshake between groups on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ topicId: string }>({
    topicId: [
      async ({ world, api }, use) => {
        await use(await makeTopic(api, world))
      },
      { auto: true },
    ],
  })

  async function send(
    { world, api, topicId }: Pick<HubContext & { topicId: string }, 'world' | 'api' | 'topicId'>,
    to: string[] = ['beta'],
    message?: string,
  ) {
    const officer = await api.as(world.people.officer.id)
    const { invitations } = await officer.invitations.send({
      itemType: 'topic',
      itemId: topicId,
      toGroupSlugs: to,
      message,
    })
    return invitations
  }

  async function invitation({ db }: Pick<HubContext, 'db'>, id: string) {
    return db.selectFrom('invitation').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  }

  it('an officer of the owner group invites; both sides hear of it; the invitation waits 14 days', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId }, ['beta'], 'Will you join us on **screening**?')
    expect(sent).toMatchObject({ to: { slug: 'beta', title: 'APPG on Beta' }, status: 'pending' })
    const row = await invitation({ db }, sent!.id)
    expect(row).toMatchObject({
      status: 'pending',
      pending_key: `topic:${topicId}:${world.beta.id}`,
      message: 'Will you join us on **screening**?',
    })
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(14 * DAY)

    for (const person of [world.people.betaOfficer, world.people.betaChair]) {
      const [n] = await notificationsOf(db, person.id)
      expect(n).toMatchObject({
        kind: 'invitation.received',
        link_path: '/groups/beta/invitations',
        item_type: 'topic',
        item_id: topicId,
      })
      expect(n!.text).toBe('APPG on Alpha invites APPG on Beta to join the topic “Lung cancer screening”')
    }
    const [toChair] = await notificationsOf(db, world.people.chair.id)
    expect(toChair).toMatchObject({
      kind: 'invitation.sent',
      text: 'Alpha Officer invited APPG on Beta to join the topic “Lung cancer screening”',
    })
    expect(await notificationsOf(db, world.people.officer.id)).toEqual([])
    expect(await notificationsOf(db, world.people.betaMember.id)).toEqual([])
    expect(await notificationsOf(db, world.people.betaSecretariat.id)).toEqual([])

    const inbox = await (await api.as(world.people.betaOfficer.id)).notifications.list()
    expect(inbox.items[0]!.text).toBe(
      'APPG on Alpha invites APPG on Beta to join the topic “Lung cancer screening”: “Will you join us on screening?”',
    )
    expect(inbox.items[0]!.actor).toEqual({ name: 'Alpha Officer' })
    const mails = await db
      .selectFrom('email_outbox')
      .select(['to_email', 'kind'])
      .where('kind', '=', 'notification.invitation.received')
      .execute()
    expect(mails.map((m) => m.to_email).sort()).toEqual(
      [world.people.betaChair.email, world.people.betaOfficer.email].sort(),
    )
    const audit = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('action', '=', 'invitation.sent')
      .execute()
    expect(audit).toHaveLength(1)
    expect(audit[0]).toMatchObject({
      actor_id: world.people.officer.id,
      appg_id: world.alpha.id,
      item_type: 'topic',
      item_id: topicId,
    })
  })

  it('accepting makes the group a participant: its members may read and comment, and both sides hear of it', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const betaMember = await api.as(world.people.betaMember.id)
    expect(await refusal(betaMember.topics.get({ id: topicId }))).toBe('NOT_FOUND')
    const [sent] = await send({ world, api, topicId })
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const answered = await betaOfficer.invitations.accept({ id: sent!.id, reply: 'Gladly.' })
    expect(answered).toMatchObject({
      status: 'accepted',
      reply: 'Gladly.',
      answeredBy: { name: 'Beta Officer' },
      from: { slug: 'alpha' },
      to: { slug: 'beta' },
    })
    expect(await invitation({ db }, sent!.id)).toMatchObject({
      status: 'accepted',
      pending_key: null,
      answered_by: world.people.betaOfficer.id,
      reply: 'Gladly.',
    })
    const participants = await db
      .selectFrom('participant')
      .select(['appg_id', 'is_owner'])
      .where('item_id', '=', topicId)
      .orderBy('is_owner', 'desc')
      .execute()
    expect(participants).toEqual([
      { appg_id: world.alpha.id, is_owner: 1 },
      { appg_id: world.beta.id, is_owner: 0 },
    ])

    const topic = await betaMember.topics.get({ id: topicId })
    expect(topic.partners.map((p) => p.slug)).toEqual(['beta'])
    expect(topic.can.comment).toBe(true)
    await betaMember.comments.add({ itemType: 'topic', itemId: topicId, body: 'Now I can take part.' })

    for (const person of [world.people.officer, world.people.chair]) {
      expect(
        (await notificationsOf(db, person.id)).some(
          (n) =>
            n.kind === 'invitation.accepted' &&
            n.text === 'APPG on Beta accepted the invitation to join the topic “Lung cancer screening”' &&
            n.link_path === `/topics/${topicId}`,
        ),
      ).toBe(true)
    }
    const [toBetaChair] = await notificationsOf(db, world.people.betaChair.id)
    expect(toBetaChair).toMatchObject({
      kind: 'invitation.accepted',
      text: 'Beta Officer accepted for APPG on Beta the invitation to join the topic “Lung cancer screening”',
    })
    expect(
      (await notificationsOf(db, world.people.betaOfficer.id)).some((n) => n.kind === 'invitation.accepted'),
    ).toBe(false)
    expect(
      await db
        .selectFrom('audit_event')
        .select(['action', 'appg_id'])
        .where('action', '=', 'invitation.accepted')
        .execute(),
    ).toEqual([{ action: 'invitation.accepted', appg_id: world.beta.id }])
  })

  it('declining keeps the group out and records the reply', async ({ db, world, api, topicId }) => {
    const [sent] = await send({ world, api, topicId })
    const betaChair = await api.as(world.people.betaChair.id)
    expect(await betaChair.invitations.decline({ id: sent!.id, reply: 'Not this session.' })).toMatchObject({
      status: 'declined',
      reply: 'Not this session.',
    })
    expect(
      await db.selectFrom('participant').select('appg_id').where('item_id', '=', topicId).execute(),
    ).toHaveLength(1)
    const [toOfficer] = await notificationsOf(db, world.people.officer.id)
    expect(toOfficer).toMatchObject({
      kind: 'invitation.declined',
      excerpt: 'Not this session.',
      link_path: '/groups/alpha/invitations',
    })
    expect(await refusal((await api.as(world.people.betaMember.id)).topics.get({ id: topicId }))).toBe(
      'NOT_FOUND',
    )
  })

  it('the sending group can withdraw, and then the invitation cannot be answered', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId })
    const chair = await api.as(world.people.chair.id)
    expect(await chair.invitations.withdraw({ id: sent!.id })).toMatchObject({ status: 'withdrawn' })
    const [toBeta] = await notificationsOf(db, world.people.betaOfficer.id)
    expect(toBeta).toMatchObject({
      kind: 'invitation.withdrawn',
      text: 'APPG on Alpha withdrew its invitation to APPG on Beta to join the topic “Lung cancer screening”',
    })

    const before = await jointSnapshot(db)
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const error = await refused(betaOfficer.invitations.accept({ id: sent!.id }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('withdrawn')
    expect(await jointSnapshot(db)).toEqual(before)
  })

  it('an invitation expires after 14 days: it cannot be answered, reads as expired, and is written down lazily', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId })
    api.clock.advance(14 * DAY + 1000)
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const before = await jointSnapshot(db)
    const error = await refused(betaOfficer.invitations.accept({ id: sent!.id }))
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toContain('expired')
    expect(await jointSnapshot(db)).toEqual(before)
    expect((await invitation({ db }, sent!.id)).status).toBe('pending')

    const view = await betaOfficer.invitations.forGroup({ slug: 'beta' })
    expect(view.received).toEqual([])
    expect(view.history.map((i) => [i.id, i.status])).toEqual([[sent!.id, 'expired']])
    expect(await invitation({ db }, sent!.id)).toMatchObject({ status: 'expired', pending_key: null })
    expect(
      await db
        .selectFrom('audit_event')
        .select('actor_id')
        .where('action', '=', 'invitation.expired')
        .execute(),
    ).toEqual([{ actor_id: null }])
    expect((await notificationsOf(db, world.people.officer.id))[0]).toMatchObject({
      kind: 'invitation.expired',
    })

    // The group can be invited again.
    const officer = await api.as(world.people.officer.id)
    const again = await officer.invitations.send({
      itemType: 'topic',
      itemId: topicId,
      toGroupSlugs: ['beta'],
    })
    expect(again.invitations[0]!.status).toBe('pending')
  })

  it('the time to answer is configurable (handshakeTtlMs)', async ({ db, world, api, topicId }) => {
    const shortApi = callers(db, api.clock)
    shortApi.deps.config = { ...shortApi.deps.config, handshakeTtlMs: 2 * DAY }
    const officer = await shortApi.as(world.people.officer.id)
    const { invitations } = await officer.invitations.send({
      itemType: 'topic',
      itemId: topicId,
      toGroupSlugs: ['gamma'],
    })
    const row = await invitation({ db }, invitations[0]!.id)
    expect(new Date(row.expires_at).getTime() - new Date(row.created_at).getTime()).toBe(2 * DAY)
  })

  it('an invitation cannot be answered twice, either way', async ({ db, world, api, topicId }) => {
    const [sent] = await send({ world, api, topicId })
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    await betaOfficer.invitations.accept({ id: sent!.id })
    const before = await jointSnapshot(db)
    const betaChair = await api.as(world.people.betaChair.id)
    for (const attempt of [
      () => betaOfficer.invitations.accept({ id: sent!.id }),
      () => betaChair.invitations.decline({ id: sent!.id }),
      () => api.as(world.people.officer.id).then((o) => o.invitations.withdraw({ id: sent!.id })),
    ]) {
      const error = await refused(attempt())
      expect(error.code).toBe('CONFLICT')
      expect(error.message).toContain('already accepted')
    }
    expect(await jointSnapshot(db)).toEqual(before)
  })

  it("only the invited group's chair and officers answer: everyone else is refused and nothing changes", async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId })
    const before = await jointSnapshot(db)
    const cases: [keyof JointWorld['people'], string, string | null][] = [
      ['betaSecretariat', 'FORBIDDEN', 'Only the chair and officers of APPG on Beta can answer'],
      ['betaMember', 'FORBIDDEN', 'Only the chair and officers of APPG on Beta can answer'],
      ['officer', 'FORBIDDEN', 'Only the chair and officers of APPG on Beta can answer'],
      ['chair', 'FORBIDDEN', null],
      ['gammaOfficer', 'NOT_FOUND', null],
      ['outsider', 'NOT_FOUND', null],
    ]
    for (const [who, code, message] of cases) {
      const caller = await api.as(world.people[who].id)
      for (const attempt of [
        () => caller.invitations.accept({ id: sent!.id }),
        () => caller.invitations.decline({ id: sent!.id }),
      ]) {
        const error = await refused(attempt())
        expect(error.code, who).toBe(code)
        if (message) expect(error.message).toContain(message)
      }
    }
    const anonymous = await api.as(null)
    expect(await refusal(anonymous.invitations.accept({ id: sent!.id }))).toBe('UNAUTHORIZED')
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    expect(await refusal(betaOfficer.invitations.withdraw({ id: sent!.id }))).toBe('FORBIDDEN')
    expect(await refusal(betaOfficer.invitations.accept({ id: newId() }))).toBe('NOT_FOUND')
    expect(await jointSnapshot(db)).toEqual(before)
  })

  it("only the owner group's chair and officers send invitations", async ({ db, world, api, topicId }) => {
    await joinTopic(api, world, topicId, 'beta')
    const before = await jointSnapshot(db)
    const cases: [keyof JointWorld['people'], string][] = [
      ['secretariat', 'FORBIDDEN'],
      ['member', 'FORBIDDEN'],
      ['observer', 'FORBIDDEN'],
      ['betaOfficer', 'FORBIDDEN'],
      ['betaChair', 'FORBIDDEN'],
      ['gammaOfficer', 'NOT_FOUND'],
      ['outsider', 'NOT_FOUND'],
    ]
    for (const [who, code] of cases) {
      const caller = await api.as(world.people[who].id)
      const error = await refused(
        caller.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: ['gamma'] }),
      )
      expect(error.code, who).toBe(code)
      if (code === 'FORBIDDEN')
        expect(error.message).toBe(
          'Only the chair and officers of APPG on Alpha can invite other groups to this topic.',
        )
    }
    expect(await jointSnapshot(db)).toEqual(before)
  })

  it('one pending invitation per item and group: a duplicate is refused, naming the group, and nothing is sent', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await send({ world, api, topicId }, ['beta'])
    const before = await jointSnapshot(db)
    const officer = await api.as(world.people.officer.id)
    const error = await refused(
      officer.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: ['gamma', 'beta'] }),
    )
    expect(error.code).toBe('CONFLICT')
    expect(error.message).toBe(
      'APPG on Beta has already been invited to this topic and has not answered yet.',
    )
    expect(await jointSnapshot(db)).toEqual(before)

    // The unique pending_key holds even if the check were bypassed.
    await expect(
      db
        .insertInto('invitation')
        .values({ ...(await db.selectFrom('invitation').selectAll().executeTakeFirstOrThrow()), id: newId() })
        .execute(),
    ).rejects.toThrow()
  })

  it('refuses impossible targets with the field at fault, and sends nothing', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await joinTopic(api, world, topicId, 'beta')
    const before = await jointSnapshot(db)
    const officer = await api.as(world.people.officer.id)
    const cases: [string[], string, string][] = [
      [['alpha'], 'BAD_REQUEST', 'APPG on Alpha owns this topic'],
      [['beta'], 'CONFLICT', 'APPG on Beta already takes part in this topic.'],
      [['gamma', 'no-such-group'], 'BAD_REQUEST', 'No group is called “no-such-group”.'],
    ]
    for (const [slugs, code, message] of cases) {
      const error = await refused(
        officer.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: slugs }),
      )
      expect(error.code).toBe(code)
      expect(error.message).toContain(message)
    }
    await officer.topics.update({ id: topicId, status: 'closed' })
    const closed = await jointSnapshot(db)
    expect(
      await refusal(
        officer.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: ['gamma'] }),
      ),
    ).toBe('CONFLICT')
    expect(await jointSnapshot(db)).toEqual(closed)
    expect(before.invitation).toEqual(closed.invitation)
  })

  it('inviting several groups at once: each is invited, and the sending side hears of it once', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const sent = await send({ world, api, topicId }, ['beta', 'gamma'], 'Join us')
    expect(sent.map((s) => s.to.slug)).toEqual(['beta', 'gamma'])
    const toChair = await notificationsOf(db, world.people.chair.id)
    expect(toChair.map((n) => n.text)).toEqual([
      'Alpha Officer invited APPG on Beta and APPG on Gamma to join the topic “Lung cancer screening”',
    ])
    expect((await notificationsOf(db, world.people.gammaOfficer.id)).map((n) => n.kind)).toEqual([
      'invitation.received',
    ])
    const topic = await (await api.as(world.people.officer.id)).topics.get({ id: topicId })
    expect(topic.pendingInvitations.map((p) => p.group.slug).sort()).toEqual(['beta', 'gamma'])
    expect(topic.pendingInvitations[0]!.message).toBe('Join us')
    const member = await api.as(world.people.member.id)
    expect((await member.topics.get({ id: topicId })).pendingInvitations).toEqual([])
  })

  it("a group's invitations page: received, sent and history, for its officers and secretariat", async ({
    world,
    api,
    topicId,
  }) => {
    const [toBeta] = await send({ world, api, topicId }, ['beta'])
    const gammaTopic = await makeTopic(api, world, {
      title: 'Gamma work',
      by: world.people.gammaOfficer.id,
      groupSlug: 'gamma',
    })
    const gammaOfficer = await api.as(world.people.gammaOfficer.id)
    const { invitations } = await gammaOfficer.invitations.send({
      itemType: 'topic',
      itemId: gammaTopic,
      toGroupSlugs: ['alpha', 'beta'],
      message: 'Hello',
    })
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    await betaOfficer.invitations.decline({ id: invitations[1]!.id })

    const secretariat = await api.as(world.people.secretariat.id)
    const alphaView = await secretariat.invitations.forGroup({ slug: 'alpha' })
    expect(alphaView.canAnswer).toBe(false)
    expect(alphaView.sent.map((i) => i.id)).toEqual([toBeta!.id])
    expect(alphaView.received).toHaveLength(1)
    expect(alphaView.received[0]).toMatchObject({
      id: invitations[0]!.id,
      itemType: 'topic',
      itemId: gammaTopic,
      itemTitle: 'Gamma work',
      from: { slug: 'gamma', title: 'APPG on Gamma' },
      to: { slug: 'alpha', title: 'APPG on Alpha' },
      status: 'pending',
      message: 'Hello',
      reply: null,
      answeredAt: null,
      sentBy: { name: 'Gamma Officer' },
      answeredBy: null,
    })
    expect(alphaView.history).toEqual([])
    const betaView = await betaOfficer.invitations.forGroup({ slug: 'beta' })
    expect(betaView.canAnswer).toBe(true)
    expect(betaView.received.map((i) => i.id)).toEqual([toBeta!.id])
    // Declined: Beta may not read Gamma's topic, so the page no longer names it.
    expect(betaView.history.map((i) => [i.itemTitle, i.status, i.answeredBy?.name])).toEqual([
      ['an item you no longer have access to', 'declined', 'Beta Officer'],
    ])

    const member = await api.as(world.people.member.id)
    expect(await refusal(member.invitations.forGroup({ slug: 'alpha' }))).toBe('FORBIDDEN')
    expect(await refusal(betaOfficer.invitations.forGroup({ slug: 'alpha' }))).toBe('FORBIDDEN')
  })

  it('a partner group leaves (its officer), or the owner takes it out (its officer); both sides hear of it', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await joinTopic(api, world, topicId, 'beta')
    await joinTopic(api, world, topicId, 'gamma')
    const betaMember = await api.as(world.people.betaMember.id)
    const before = await jointSnapshot(db)
    expect(await refusal(betaMember.topics.leave({ id: topicId, groupSlug: 'beta' }))).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.secretariat.id)).topics.removePartner({ id: topicId, groupSlug: 'beta' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.gammaOfficer.id)).topics.removePartner({ id: topicId, groupSlug: 'beta' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.gammaOfficer.id)).topics.leave({ id: topicId, groupSlug: 'beta' }),
      ),
    ).toBe('FORBIDDEN')
    expect(
      await refusal(
        (await api.as(world.people.officer.id)).topics.leave({ id: topicId, groupSlug: 'alpha' }),
      ),
    ).toBe('BAD_REQUEST')
    expect(await jointSnapshot(db)).toEqual(before)

    const betaOfficer = await api.as(world.people.betaOfficer.id)
    expect((await betaOfficer.topics.get({ id: topicId })).can.leave).toEqual(['beta'])
    await betaOfficer.topics.leave({ id: topicId, groupSlug: 'beta' })
    expect(await refusal(betaMember.topics.get({ id: topicId }))).toBe('NOT_FOUND')
    expect((await notificationsOf(db, world.people.officer.id))[0]).toMatchObject({
      kind: 'partner.left',
      text: 'APPG on Beta left the topic “Lung cancer screening”',
    })
    expect((await notificationsOf(db, world.people.betaChair.id))[0]).toMatchObject({
      kind: 'partner.left',
      text: 'Beta Officer took APPG on Beta out of the topic “Lung cancer screening”',
    })

    const officer = await api.as(world.people.officer.id)
    expect((await officer.topics.get({ id: topicId })).can.remove).toBe(true)
    await officer.topics.removePartner({ id: topicId, groupSlug: 'gamma' })
    expect(await refusal((await api.as(world.people.gammaMember.id)).topics.get({ id: topicId }))).toBe(
      'NOT_FOUND',
    )
    expect((await notificationsOf(db, world.people.gammaOfficer.id))[0]).toMatchObject({
      kind: 'partner.removed',
      text: 'APPG on Alpha removed APPG on Gamma from the topic “Lung cancer screening”',
    })
    expect((await officer.topics.get({ id: topicId })).partners).toEqual([])
    const actions = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'participant.%')
      .orderBy('at')
      .execute()
    expect(actions.map((a) => a.action)).toEqual(['participant.left', 'participant.removed'])

    // A group that left may be invited again.
    await joinTopic(api, world, topicId, 'beta')
    expect((await betaMember.topics.get({ id: topicId })).partners.map((p) => p.slug)).toEqual(['beta'])
  })

  it('is one mechanism for every item type: a session ("meeting") is joined the same way', async ({
    db,
    world,
    api,
  }) => {
    const sessionId = newId()
    const now = new Date().toISOString()
    await db
      .insertInto('meeting')
      .values({
        id: sessionId,
        appg_id: world.alpha.id,
        topic_id: null,
        title: 'Screening roundtable',
        description: '',
        starts_at: now,
        ends_at: now,
        place: 'Committee Room 10',
        online_url: null,
        visibility: 'participants',
        capacity: null,
        status: 'scheduled',
        cancel_reason: null,
        sequence: 0,
        created_by: world.people.officer.id,
        created_at: now,
        updated_at: now,
      })
      .execute()
    await db
      .insertInto('participant')
      .values({
        item_type: 'meeting',
        item_id: sessionId,
        appg_id: world.alpha.id,
        is_owner: 1,
        joined_at: now,
      })
      .execute()
    const officer = await api.as(world.people.officer.id)
    const { invitations } = await officer.invitations.send({
      itemType: 'meeting',
      itemId: sessionId,
      toGroupSlugs: ['beta'],
    })
    expect((await notificationsOf(db, world.people.betaOfficer.id))[0]!.text).toBe(
      'APPG on Alpha invites APPG on Beta to join the session “Screening roundtable”',
    )
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    expect((await betaOfficer.invitations.forGroup({ slug: 'beta' })).received[0]).toMatchObject({
      itemType: 'meeting',
      itemTitle: 'Screening roundtable',
    })
    await betaOfficer.invitations.accept({ id: invitations[0]!.id })
    expect(
      await db
        .selectFrom('participant')
        .select('appg_id')
        .where('item_type', '=', 'meeting')
        .where('item_id', '=', sessionId)
        .execute(),
    ).toHaveLength(2)
    expect((await notificationsOf(db, world.people.officer.id))[0]!.link_path).toBe(`/sessions/${sessionId}`)
  })

  it('the site admin may act for any group', async ({ world, api, topicId }) => {
    const [sent] = await send({ world, api, topicId })
    const admin = await api.as(world.people.admin.id)
    expect(await admin.invitations.accept({ id: sent!.id })).toMatchObject({ status: 'accepted' })
  })
  it('counts each group invited against the hourly limit, not each call', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await consumeRate(
      { db, clock: api.clock },
      RATE_RULES.invitationsPerPerson,
      world.people.officer.id.toLowerCase(),
      199,
    )
    const officer = await api.as(world.people.officer.id)
    // One call, two groups: 201 invitations in the hour.
    await expect(
      officer.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: ['beta', 'gamma'] }),
    ).rejects.toMatchObject({ code: 'TOO_MANY_REQUESTS' })
    expect(await db.selectFrom('invitation').select('id').execute()).toEqual([])
  })
  it('names the item in the invited group’s inbox and invitations page only while invited or taking part', async ({
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId }, ['beta'])
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    const headlines = async () => (await betaOfficer.notifications.list()).items.map((n) => n.text)
    expect((await headlines())[0]).toContain('Lung cancer screening')
    expect((await betaOfficer.invitations.forGroup({ slug: 'beta' })).received[0]!.itemTitle).toBe(
      'Lung cancer screening',
    )
    await betaOfficer.invitations.decline({ id: sent!.id })
    // Declined: Beta may not read the topic, so its words leave Beta's inbox and page…
    const after = await headlines()
    expect(after.join('\n')).not.toContain('Lung cancer screening')
    expect(after).toContain('About an item you no longer have access to')
    expect((await betaOfficer.notifications.list()).items.every((n) => n.path === null)).toBe(true)
    const betaView = await betaOfficer.invitations.forGroup({ slug: 'beta' })
    expect(betaView.history[0]!.itemTitle).toBe('an item you no longer have access to')
    // …but not the owner's, who still reads it.
    const alphaView = await (await api.as(world.people.officer.id)).invitations.forGroup({ slug: 'alpha' })
    expect(alphaView.history[0]!.itemTitle).toBe('Lung cancer screening')
    const chairInbox = await (await api.as(world.people.chair.id)).notifications.list()
    expect(chairInbox.items.map((n) => n.text).join('\n')).toContain('Lung cancer screening')
  })

  it('hides the item from a partner group that left it, in its inbox and on its invitations page', async ({
    world,
    api,
    topicId,
  }) => {
    const [sent] = await send({ world, api, topicId }, ['beta'])
    const betaOfficer = await api.as(world.people.betaOfficer.id)
    await betaOfficer.invitations.accept({ id: sent!.id })
    expect((await betaOfficer.invitations.forGroup({ slug: 'beta' })).history[0]!.itemTitle).toBe(
      'Lung cancer screening',
    )
    await betaOfficer.topics.leave({ id: topicId, groupSlug: 'beta' })
    expect((await betaOfficer.invitations.forGroup({ slug: 'beta' })).history[0]!.itemTitle).toBe(
      'an item you no longer have access to',
    )
    expect((await betaOfficer.notifications.list()).items.map((n) => n.text).join('\n')).not.toContain(
      'Lung cancer screening',
    )
  })
})
