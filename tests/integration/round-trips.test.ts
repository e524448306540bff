import { describe, expect } from 'vitest'
import { addMember, callers, makeGroup } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeTopic } from '../support/joint-work'
import { QueryCounter } from '../support/query-counter'

/**
 * docs/architecture.md §5: on the edge every query is an HTTP call, so opening a topic, the dashboard and the
 * inbox take a fixed number of queries, whether they show one thing or thirty. Each count
 * includes the one query that checks the session cookie.
 */
describe.each(dialects())('round trips on $name', (dialect) => {
  const it = hubTest(dialect)

  /** `n` topics shared with beta and gamma; the first with `n` comments, each with a reply, which notify the officer. */
  async function seed({ world, api }: Pick<HubContext, 'world' | 'api'>, n: number) {
    const topics: string[] = []
    for (let i = 0; i < n; i++) {
      const id = await makeTopic(api, world, { title: `Topic ${i}` })
      await joinTopic(api, world, id, 'beta')
      await joinTopic(api, world, id, 'gamma')
      topics.push(id)
    }
    const member = await api.as(world.people.member.id)
    const betaMember = await api.as(world.people.betaMember.id)
    for (let i = 0; i < n; i++) {
      const comment = await member.comments.add({
        itemType: 'topic',
        itemId: topics[0]!,
        body: `Comment ${i} @[Alpha Officer](person:${world.people.officer.id})`,
      })
      await betaMember.comments.add({
        itemType: 'topic',
        itemId: topics[0]!,
        body: `Reply ${i}`,
        parentId: comment.id,
      })
    }
    return topics
  }

  async function measureAll({ db, world, api }: Pick<HubContext, 'db' | 'world' | 'api'>, topicId: string) {
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    type Caller = Awaited<ReturnType<typeof counted.as>>
    const sizes: Record<string, number> = {}
    const counts: Record<string, number> = {}
    // A new caller for each, as each HTTP request has its own context (and checks its session).
    const run = async (name: string, call: (officer: Caller) => Promise<unknown>) => {
      const officer = await counted.as(world.people.officer.id)
      counts[name] = await counter.measure(async () => {
        const result = (await call(officer)) as { items?: unknown[]; partners?: unknown[] }
        sizes[name] = result.items?.length ?? result.partners?.length ?? 0
      })
    }
    await run('topics.get', (officer) => officer.topics.get({ id: topicId }))
    await run('comments.list', (officer) => officer.comments.list({ itemType: 'topic', itemId: topicId }))
    await run('topics.dashboard', (officer) => officer.topics.dashboard())
    await run('topics.listForGroup', (officer) => officer.topics.listForGroup({ slug: 'alpha' }))
    await run('notifications.list', (officer) => officer.notifications.list())
    await run('notifications.unreadCount', (officer) => officer.notifications.unreadCount())
    await run('memberships.roster', (officer) => officer.memberships.roster({ slug: 'alpha' }))
    return { counts, sizes }
  }

  const EXPECTED = {
    // session + the topic with its groups, followers and open invitations
    'topics.get': 2,
    // session + the item with the caller's rights, the page and its replies (as JSON, one read)
    'comments.list': 2,
    'topics.dashboard': 2,
    // session + the page with the group (for NOT_FOUND), both found by the group's slug
    'topics.listForGroup': 2,
    'notifications.list': 2,
    'notifications.unreadCount': 2,
    // session + the group with the caller's role, its members and open invitations
    'memberships.roster': 2,
  }

  it('one item', async ({ db, world, api }) => {
    const [topic] = await seed({ world, api }, 1)
    const { counts, sizes } = await measureAll({ db, world, api }, topic!)
    expect(sizes).toMatchObject({ 'comments.list': 1, 'topics.dashboard': 1, 'topics.get': 2 })
    expect(counts).toEqual(EXPECTED)
  })

  it('thirty items', async ({ db, world, api }) => {
    const [topic] = await seed({ world, api }, 30)
    const { counts, sizes } = await measureAll({ db, world, api }, topic!)
    expect(sizes).toMatchObject({
      'comments.list': 20,
      'topics.dashboard': 20,
      'notifications.list': 30,
      'topics.get': 2,
    })
    expect(counts).toEqual(EXPECTED)
  })
})

/** The foundation's main reads: the Register (signed out) and `me`, whatever the data size. */
describe.each(dialects())('round trips of the Register and me on $name', (dialect) => {
  const it = hubTest(dialect)

  async function measure({ db, world }: Pick<HubContext, 'db' | 'world'>, groups: number) {
    for (let i = 0; i < groups; i++) {
      const group = await makeGroup(db, `extra-${String(i).padStart(2, '0')}`)
      await db
        .insertInto('appg_tag')
        .values({ appg_id: group.id, tag: 'Health, Medicine & Public Health' })
        .execute()
      await addMember(db, world.people.officer.id, group.id, 'member')
    }
    const counter = new QueryCounter()
    const api = callers(db.withPlugin(counter))
    const anonymous = await api.as(null)
    const officer = await api.as(world.people.officer.id)
    return {
      'register.list': await counter.measure(() => anonymous.register.list({ limit: 50 })),
      'register.list with search and tag': await counter.measure(() =>
        anonymous.register.list({ q: 'extra', tag: 'Health, Medicine & Public Health' }),
      ),
      'register.list again': await counter.measure(() => anonymous.register.list({ limit: 50 })),
      'register.group': await counter.measure(() => anonymous.register.group({ slug: 'alpha' })),
      'me.get': await counter.measure(() => officer.me.get()),
    }
  }

  const EXPECTED = {
    // the Register's cache version + the page with its tags and the total, in one query
    'register.list': 2,
    'register.list with search and tag': 2,
    // the version only: the answer is cached until the Register is imported again
    'register.list again': 1,
    // the entry with tags and benefits + its people
    'register.group': 2,
    // the session with the person's groups aggregated alongside
    'me.get': 1,
  }

  // The same counts with the joint world's few groups and with forty more, each on a fresh database.
  it.for([0, 40])('with %i more groups', async (groups, { db, world }) => {
    expect(await measure({ db, world }, groups)).toEqual(EXPECTED)
  })
})

/**
 * The main writes: each a fixed number of queries (session check included), however many people
 * hear of it. A comment on a topic with followers, a mention and an immediate email; a reply; an
 * invitation, and one that replaces an open invitation to the same address.
 */
describe.each(dialects())('round trips of writes on $name', (dialect) => {
  const it = hubTest(dialect)

  const EXPECTED = {
    // session + the item with its groups, the comment answered and everyone concerned (one read);
    // the comment, its search entry, the topic's activity, audit, notifications, their emails
    'comments.add': 8,
    'comments.add, a reply': 8,
    // session + the rate counter (one upsert) + the group with the caller's role, anyone in it
    // with the address already and any open invitation; the invitation, its email, audit
    'memberships.invite': 6,
    // …and the open invitation withdrawn
    'memberships.invite, again': 7,
  }

  it('comments.add and memberships.invite', async ({ db, world, api }) => {
    const topicId = await makeTopic(api, world, { title: 'Counted topic' })
    await joinTopic(api, world, topicId, 'beta')
    const member = await api.as(world.people.member.id)
    const betaMember = await api.as(world.people.betaMember.id)
    // Followers: the officer (who started the topic), the member and beta's member (commenters).
    const first = await member.comments.add({ itemType: 'topic', itemId: topicId, body: 'First.' })
    await betaMember.comments.add({ itemType: 'topic', itemId: topicId, body: 'Second.' })
    // The officer (as every test person) is emailed each notification at once.
    const officerEmails = async () =>
      (
        await db
          .selectFrom('email_outbox')
          .select('id')
          .where('kind', '=', 'notification.comment.new')
          .where('to_email', '=', world.people.officer.email!)
          .execute()
      ).length
    const emailedBefore = await officerEmails()

    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    type Caller = Awaited<ReturnType<typeof counted.as>>
    const counts: Record<string, number> = {}
    const run = async (name: string, personId: string, call: (caller: Caller) => Promise<unknown>) => {
      const caller = await counted.as(personId)
      counts[name] = await counter.measure(() => call(caller))
    }
    await run('comments.add', world.people.member.id, (a) =>
      a.comments.add({
        itemType: 'topic',
        itemId: topicId,
        body: `Again, @[Beta Member](person:${world.people.betaMember.id})`,
      }),
    )
    await run('comments.add, a reply', world.people.betaMember.id, (a) =>
      a.comments.add({ itemType: 'topic', itemId: topicId, body: 'A reply.', parentId: first.id }),
    )
    await run('memberships.invite', world.people.officer.id, (a) =>
      a.memberships.invite({ slug: 'alpha', email: 'new.person@example.org', role: 'member' }),
    )
    await run('memberships.invite, again', world.people.officer.id, (a) =>
      a.memberships.invite({ slug: 'alpha', email: 'new.person@example.org', role: 'member' }),
    )
    expect(counts).toEqual(EXPECTED)

    // What was counted did happen: the officer heard of both comments, in the inbox and by email;
    // the member was told of the reply; one invitation is open.
    const officer = await api.as(world.people.officer.id)
    const inbox = (await officer.notifications.list()).items.slice(0, 2).map((n) => n.kind)
    expect(inbox).toEqual(['comment.new', 'comment.new'])
    expect((await officerEmails()) - emailedBefore).toBe(2)
    const memberInbox = await (await api.as(world.people.member.id)).notifications.list()
    expect(memberInbox.items[0]).toMatchObject({ kind: 'comment.reply' })
    const open = await db
      .selectFrom('group_invite')
      .select('id')
      .where('email', '=', 'new.person@example.org')
      .where('revoked_at', 'is', null)
      .execute()
    expect(open).toHaveLength(1)
  })
})
