import { INBOX_PAGE_SIZE, sendDigests } from '@appg-hub/core'
import { describe, expect } from 'vitest'
import { testConfig } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, jointSnapshot, makeTopic, notificationsOf, refusal } from '../support/joint-work'

const mention = (p: { id: string; name: string }) => `@[${p.name}](person:${p.id})`

describe.each(dialects())('notifications on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ topicId: string }>({
    topicId: [
      async ({ world, api }, use) => {
        await use(await makeTopic(api, world))
      },
      { auto: true },
    ],
  })

  const add = async (
    { api, topicId }: Pick<HubContext & { topicId: string }, 'api' | 'topicId'>,
    personId: string,
    body: string,
    parentId?: string,
  ) => (await api.as(personId)).comments.add({ itemType: 'topic', itemId: topicId, body, parentId })
  const kinds = async ({ db }: Pick<HubContext, 'db'>, personId: string) =>
    (await notificationsOf(db, personId)).map((n) => n.kind)

  it('creators and commenters follow automatically; followers hear of new comments, never of their own', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const officer = await api.as(world.people.officer.id)
    expect((await officer.topics.get({ id: topicId })).following).toBe(true)
    api.clock.advance(1000)
    await add({ api, topicId }, world.people.member.id, 'First thoughts')
    expect(await kinds({ db }, world.people.officer.id)).toEqual(['comment.new'])
    expect(await kinds({ db }, world.people.member.id)).toEqual([])
    const [n] = await notificationsOf(db, world.people.officer.id)
    expect(n).toMatchObject({
      text: 'Alpha Member commented on the topic “Lung cancer screening”',
      excerpt: 'First thoughts',
    })
    expect(n!.link_path).toMatch(new RegExp(`^/topics/${topicId}#comment-`))

    // The member now follows too.
    await add({ api, topicId }, world.people.officer.id, 'Thanks')
    expect(await kinds({ db }, world.people.member.id)).toEqual(['comment.new'])
    const topic = await officer.topics.get({ id: topicId })
    expect(topic.followers.map((f) => f.name)).toEqual(['Alpha Officer', 'Alpha Member'])
  })

  it('anyone who may read can follow and unfollow; others cannot', async ({ db, world, api, topicId }) => {
    const observer = await api.as(world.people.observer.id)
    await observer.topics.follow({ id: topicId })
    await add({ api, topicId }, world.people.member.id, 'News')
    expect(await kinds({ db }, world.people.observer.id)).toEqual(['comment.new'])
    await observer.topics.unfollow({ id: topicId })
    await add({ api, topicId }, world.people.member.id, 'More news')
    expect(await kinds({ db }, world.people.observer.id)).toEqual(['comment.new'])
    expect((await observer.topics.get({ id: topicId })).following).toBe(false)

    const before = await jointSnapshot(db)
    const outsider = await api.as(world.people.outsider.id)
    expect(await refusal(outsider.topics.follow({ id: topicId }))).toBe('NOT_FOUND')
    expect(await refusal(outsider.topics.unfollow({ id: topicId }))).toBe('NOT_FOUND')
    expect(await jointSnapshot(db)).toEqual(before)
    const actions = await db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'in', ['topic.followed', 'topic.unfollowed'])
      .execute()
    expect(actions.map((a) => a.action).sort()).toEqual(['topic.followed', 'topic.unfollowed'])
  })

  it('a follower whose group left the topic hears nothing more of it', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    await joinTopic(api, world, topicId, 'beta')
    await add({ api, topicId }, world.people.betaMember.id, 'Beta here')
    await (await api.as(world.people.officer.id)).topics.removePartner({ id: topicId, groupSlug: 'beta' })
    const before = (await notificationsOf(db, world.people.betaMember.id)).length
    await add({ api, topicId }, world.people.member.id, 'After beta left')
    expect(await notificationsOf(db, world.people.betaMember.id)).toHaveLength(before)
  })

  it('a reply notifies the author of the comment answered (once, even if they follow)', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const comment = await add({ api, topicId }, world.people.member.id, 'A question')
    await add({ api, topicId }, world.people.chair.id, 'An answer', comment.id)
    expect(await kinds({ db }, world.people.member.id)).toEqual(['comment.reply'])
    expect((await notificationsOf(db, world.people.member.id))[0]!.text).toBe(
      'Alpha Chair replied to your comment on the topic “Lung cancer screening”',
    )
  })

  it('a mention notifies a reader of the item; it never reveals the item to anyone else', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const before = await jointSnapshot(db)
    await add(
      { api, topicId },
      world.people.member.id,
      `Over to ${mention({ id: world.people.observer.id, name: 'Alpha Observer' })} and ${mention({ id: world.people.betaOfficer.id, name: 'Beta Officer' })}, ${mention({ id: world.people.outsider.id, name: 'Out Sider' })}`,
    )
    expect(await kinds({ db }, world.people.observer.id)).toEqual(['comment.mention'])
    expect((await notificationsOf(db, world.people.observer.id))[0]!.text).toBe(
      'Alpha Member mentioned you in a comment on the topic “Lung cancer screening”',
    )
    for (const who of [world.people.betaOfficer, world.people.outsider, world.people.admin]) {
      expect(await notificationsOf(db, who.id)).toEqual([])
      expect(
        await db.selectFrom('email_outbox').select('id').where('to_email', '=', who.email).execute(),
      ).toEqual([])
    }
    // A public topic is still mentioned to participants only.
    await (await api.as(world.people.officer.id)).topics.update({ id: topicId, visibility: 'public' })
    await add(
      { api, topicId },
      world.people.member.id,
      `Hello ${mention({ id: world.people.outsider.id, name: 'Out Sider' })}`,
    )
    expect(await notificationsOf(db, world.people.outsider.id)).toEqual([])
    expect(before.notification).toEqual([])

    // Once beta joins, a mention reaches its people.
    await joinTopic(api, world, topicId, 'beta')
    await add(
      { api, topicId },
      world.people.member.id,
      `Welcome ${mention({ id: world.people.betaMember.id, name: 'Beta Member' })}`,
    )
    expect(await kinds({ db }, world.people.betaMember.id)).toEqual(['comment.mention'])
  })

  it('an edit notifies only the people newly mentioned', async ({ db, world, api, topicId }) => {
    const comment = await add(
      { api, topicId },
      world.people.member.id,
      `Hi ${mention({ id: world.people.observer.id, name: 'Alpha Observer' })}`,
    )
    const member = await api.as(world.people.member.id)
    await member.comments.edit({
      id: comment.id,
      body: `Hi ${mention({ id: world.people.observer.id, name: 'Alpha Observer' })} and ${mention({ id: world.people.secretariat.id, name: 'Alpha Secretariat' })}`,
    })
    expect(await kinds({ db }, world.people.observer.id)).toEqual(['comment.mention'])
    expect(await kinds({ db }, world.people.secretariat.id)).toEqual(['comment.mention'])
  })

  it('the inbox: newest first, paged, an unread count, and marking read', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    for (let i = 0; i < INBOX_PAGE_SIZE + 3; i++) {
      await add({ api, topicId }, world.people.member.id, `Comment ${i}`)
      api.clock.advance(1000)
    }
    const officer = await api.as(world.people.officer.id)
    expect(await officer.notifications.unreadCount()).toEqual({ count: INBOX_PAGE_SIZE + 3 })
    const first = await officer.notifications.list()
    expect(first.items).toHaveLength(INBOX_PAGE_SIZE)
    expect(first.items[0]).toMatchObject({
      kind: 'comment.new',
      text: `Alpha Member commented on the topic “Lung cancer screening”: “Comment ${INBOX_PAGE_SIZE + 2}”`,
      readAt: null,
      actor: { name: 'Alpha Member' },
    })
    const second = await officer.notifications.list({ cursor: first.nextCursor })
    expect(second.items.map((n) => n.text.match(/Comment (\d+)/)![1])).toEqual(['2', '1', '0'])
    expect(second.nextCursor).toBeNull()

    expect(await officer.notifications.markRead({ ids: [first.items[0]!.id, first.items[1]!.id] })).toEqual({
      marked: 2,
    })
    expect(await officer.notifications.unreadCount()).toEqual({ count: INBOX_PAGE_SIZE + 1 })
    // Someone else's notifications are not mine to mark.
    const theirs = (await notificationsOf(db, world.people.officer.id))[5]!.id
    await (await api.as(world.people.chair.id)).notifications.markRead({ ids: [theirs] })
    expect(await officer.notifications.unreadCount()).toEqual({ count: INBOX_PAGE_SIZE + 1 })
    await officer.notifications.markRead()
    expect(await officer.notifications.unreadCount()).toEqual({ count: 0 })
    expect((await officer.notifications.list()).items.every((n) => n.readAt !== null)).toBe(true)
    expect(await refusal((await api.as(null)).notifications.unreadCount())).toBe('UNAUTHORIZED')
  })

  it('email preference: immediate queues an email now; none queues nothing', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const officer = await api.as(world.people.officer.id)
    expect(await officer.notifications.preferences()).toEqual({ email: 'immediate' })
    await add({ api, topicId }, world.people.member.id, 'Screening works')
    const mail = await db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_email', '=', world.people.officer.email)
      .executeTakeFirstOrThrow()
    expect(mail.subject).toBe('Alpha Member commented on the topic “Lung cancer screening”')
    expect(mail.body_text).toContain('“Screening works”')
    expect(mail.body_text).toContain(`${testConfig.publicUrl}/topics/${topicId}#comment-`)
    expect((await notificationsOf(db, world.people.officer.id))[0]!.emailed_at).not.toBeNull()

    await officer.notifications.setPreferences({ email: 'none' })
    expect(await officer.notifications.preferences()).toEqual({ email: 'none' })
    await add({ api, topicId }, world.people.member.id, 'Another')
    expect(
      await db
        .selectFrom('email_outbox')
        .select('id')
        .where('to_email', '=', world.people.officer.email)
        .execute(),
    ).toHaveLength(1)
    expect(await officer.notifications.unreadCount()).toEqual({ count: 2 })
    expect(await sendDigests(db, api.clock, testConfig)).toEqual({ people: 0, notifications: 0 })
  })

  it('daily digests: one email per person with everything not yet emailed, hidden words left out', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    for (const who of [world.people.officer, world.people.chair]) {
      await (await api.as(who.id)).notifications.setPreferences({ email: 'digest' })
    }
    await (await api.as(world.people.chair.id)).topics.follow({ id: topicId })
    await add({ api, topicId }, world.people.member.id, 'First comment')
    const hidden = await add({ api, topicId }, world.people.member.id, 'Something that must not travel')
    await add({ api, topicId }, world.people.member.id, 'Third comment')
    expect(await db.selectFrom('email_outbox').select('id').execute()).toEqual([])
    await (await api.as(world.people.chair.id)).comments.hide({ id: hidden.id, reason: 'Off topic' })
    // The officer moderates and so still sees the hidden words; make them a plain reader instead.
    await db
      .updateTable('membership')
      .set({ role: 'secretariat' })
      .where('person_id', '=', world.people.officer.id)
      .execute()

    expect(await sendDigests(db, api.clock, testConfig)).toEqual({ people: 2, notifications: 6 })
    const mails = await db.selectFrom('email_outbox').selectAll().orderBy('to_email').execute()
    expect(mails.map((m) => [m.to_email, m.kind, m.subject])).toEqual([
      [world.people.chair.email, 'notification.digest', 'APPG Hub digest: 3 notifications'],
      [world.people.officer.email, 'notification.digest', 'APPG Hub digest: 3 notifications'],
    ])
    const [toChair, toOfficer] = mails
    expect(toChair!.body_text).toContain('Something that must not travel')
    expect(toOfficer!.body_text).not.toContain('Something that must not travel')
    expect(toOfficer!.body_text).toContain('“First comment”')
    expect(toOfficer!.body_text).toContain('“Third comment”')
    expect(
      await db
        .selectFrom('notification')
        .select('id')
        .where('emailed_at', 'is', null)
        .where('person_id', 'in', [world.people.officer.id, world.people.chair.id])
        .execute(),
    ).toEqual([])

    // Nothing new: nothing sent. Something new: only that.
    expect(await sendDigests(db, api.clock, testConfig)).toEqual({ people: 0, notifications: 0 })
    await add({ api, topicId }, world.people.member.id, 'Fourth comment')
    expect(await sendDigests(db, api.clock, testConfig)).toEqual({ people: 2, notifications: 2 })
    const latest = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', world.people.officer.email)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow()
    expect(latest.body_text).toContain('Fourth comment')
    expect(latest.body_text).not.toContain('First comment')
    expect(
      await db
        .selectFrom('audit_event')
        .select('action')
        .where('action', '=', 'notification.digests_sent')
        .execute(),
    ).toHaveLength(2)
  })
})
