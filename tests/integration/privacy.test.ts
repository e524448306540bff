/**
 * Personal data (docs/architecture.md §7): a person downloads everything the hub holds about them, and can
 * erase their account, keeping their contributions under a pseudonym. Also the audit log's
 * readers: a group's officers and the site administrator.
 */
import { fakeClock, hashPassword } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { TRPCError } from '@trpc/server'
import { describe, expect } from 'vitest'
import { callers, testConfig } from '../support/fixtures'
import type { Api } from '../support/hub-test'
import { dialects, hubTest } from '../support/hub-test'
import { type JointWorld, joinTopic, makeTopic } from '../support/joint-work'
import { makeSession, SESSION_NOW } from '../support/sessions'

const PASSWORD = 'member password 1'

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCError) return error.code
    throw error
  }
  throw new Error('expected a refusal')
}

/** The member gets a password and an organisation, and comments on a topic alpha shares with beta. */
async function memberWithAComment(db: Db, api: Api, world: JointWorld): Promise<string> {
  await db
    .updateTable('person')
    .set({
      password_hash: await hashPassword(PASSWORD, testConfig.passwordCost),
      organisation: 'Lung Trust',
    })
    .where('id', '=', world.people.member.id)
    .execute()
  const topicId = await makeTopic(api, world)
  await joinTopic(api, world, topicId, 'beta')
  const member = await api.as(world.people.member.id)
  await member.comments.add({ itemType: 'topic', itemId: topicId, body: 'Screening saves lives.' })
  return topicId
}

describe.each(dialects())('personal data and the audit log on $name', (dialect) => {
  const it = hubTest(dialect).extend<{ topicId: string }>({
    topicId: [
      async ({ db, world, api }, use) => {
        await use(await memberWithAComment(db, api, world))
      },
      { auto: true },
    ],
  })

  it('exports everything about me and no secret', async ({ db, world, api, topicId }) => {
    const member = await api.as(world.people.member.id)
    const data = await member.privacy.export()
    expect(data.person).toMatchObject({
      email: world.people.member.email,
      display_name: 'Alpha Member',
      organisation: 'Lung Trust',
    })
    expect(data.memberships.map((m) => [m.slug, m.role])).toEqual([['alpha', 'member']])
    expect(data.comments.map((c) => c.body)).toEqual(['Screening saves lives.'])
    expect(data.follows.map((f) => f.item_id)).toContain(topicId)
    // One sign-in from the set-up's comment, one from this test's caller.
    expect(data.signIns).toHaveLength(2)
    const text = JSON.stringify(data)
    expect(text).not.toMatch(/\$scrypt\$/)
    expect(text).not.toMatch(/"(id|token_hash|password_hash)":"[0-9a-f]{64}"/)
    const exported = await db
      .selectFrom('audit_event')
      .select('action')
      .where('actor_id', '=', world.people.member.id)
      .execute()
    expect(exported.map((e) => e.action)).toContain('account.data_exported')
  })

  it('names a session in my export only while I may still read it', async ({ db, world }) => {
    const sessions = callers(db, fakeClock(SESSION_NOW))
    const id = await makeSession(sessions, world, { schedule: true })
    const member = await sessions.as(world.people.member.id)
    await member.sessions.signUp({ id, status: 'going' })
    const before = await member.privacy.export()
    expect(before.signups).toMatchObject([{ meeting_id: id, title: 'Screening roundtable' }])
    // Held, so the sign-up stays on record; then I leave the group.
    sessions.clock.advance(30 * 24 * 3600 * 1000)
    await (await sessions.as(world.people.officer.id)).sessions.markHeld({ id })
    await member.memberships.leave({ slug: 'alpha' })
    const after = await member.privacy.export()
    expect(after.signups).toEqual([
      expect.objectContaining({
        meeting_id: id,
        title: 'an item you no longer have access to',
        starts_at: null,
      }),
    ])
    expect(JSON.stringify(after)).not.toContain('Screening roundtable')
  })

  it('erases an account: personal fields go, comments stay under a pseudonym, sign-ins end, no more email', async ({
    db,
    world,
    api,
    topicId,
  }) => {
    const member = await api.as(world.people.member.id)
    expect(await refusal(member.privacy.erase({ password: PASSWORD, confirmation: 'yes' }))).toBe(
      'BAD_REQUEST',
    )
    expect(
      await refusal(member.privacy.erase({ password: 'wrong password', confirmation: 'erase my account' })),
    ).toBe('BAD_REQUEST')
    const { pseudonym } = await member.privacy.erase({ password: PASSWORD, confirmation: 'Erase my account' })
    expect(pseudonym).toMatch(/^Former member /)

    const person = await db
      .selectFrom('person')
      .selectAll()
      .where('id', '=', world.people.member.id)
      .executeTakeFirstOrThrow()
    expect(person).toMatchObject({
      email: null,
      display_name: pseudonym,
      organisation: null,
      password_hash: null,
    })
    expect(person.erased_at).not.toBeNull()
    expect(
      await db.selectFrom('auth_session').select('id').where('person_id', '=', person.id).execute(),
    ).toEqual([])
    expect(
      await db.selectFrom('membership').select('id').where('person_id', '=', person.id).execute(),
    ).toEqual([])

    // Their comment is still in the thread, under the pseudonym.
    const officer = await api.as(world.people.officer.id)
    const thread = await officer.comments.list({ itemType: 'topic', itemId: topicId })
    expect(thread.items.map((c) => [c.author.name, c.body])).toEqual([[pseudonym, 'Screening saves lives.']])

    // A mention of them no longer sends anything, and their old sign-in is gone.
    const before = await db.selectFrom('email_outbox').select('id').execute()
    await officer.comments.add({
      itemType: 'topic',
      itemId: topicId,
      body: `Thanks @[${pseudonym}](person:${person.id})`,
    })
    const after = await db.selectFrom('email_outbox').select(['to_email']).execute()
    expect(after.length).toBe(before.length)
    // Nobody can sign in as them any more.
    const anonymous = await api.as(null)
    expect(
      await refusal(anonymous.auth.signIn({ email: world.people.member.email, password: PASSWORD })),
    ).toBe('UNAUTHORIZED')
  })

  it('limits downloads of my data and invitations, per person', async ({ db, world, api, topicId }) => {
    const member = await api.as(world.people.member.id)
    for (let i = 0; i < 20; i++) await member.privacy.export()
    expect(await refusal(member.privacy.export())).toBe('TOO_MANY_REQUESTS')
    const officer = await api.as(world.people.officer.id)
    // The officer sent one invitation in set-up (to beta); 199 more reach the limit of 200 an hour.
    for (let i = 0; i < 199; i++) {
      await officer.memberships.invite({ slug: 'alpha', email: `invitee${i}@example.org`, role: 'member' })
    }
    const before = (await db.selectFrom('group_invite').select('id').execute()).length
    expect(
      await refusal(
        officer.memberships.invite({ slug: 'alpha', email: 'one.more@example.org', role: 'member' }),
      ),
    ).toBe('TOO_MANY_REQUESTS')
    expect(
      await refusal(
        officer.invitations.send({ itemType: 'topic', itemId: topicId, toGroupSlugs: ['gamma'] }),
      ),
    ).toBe('TOO_MANY_REQUESTS')
    expect((await db.selectFrom('group_invite').select('id').execute()).length).toBe(before)
  })

  it("shows a group's audit log to its officers only, and everything to the site administrator", async ({
    world,
    api,
  }) => {
    const officer = await api.as(world.people.officer.id)
    const log = await officer.audit.forGroup({ slug: 'alpha' })
    expect(log.items.map((e) => e.action)).toContain('topic.created')
    expect(log.items.every((e) => e.group?.slug === 'alpha')).toBe(true)
    for (const role of ['member', 'secretariat', 'observer'] as const) {
      expect(await refusal((await api.as(world.people[role].id)).audit.forGroup({ slug: 'alpha' }))).toBe(
        'FORBIDDEN',
      )
    }
    expect(await refusal((await api.as(world.people.betaOfficer.id)).audit.forGroup({ slug: 'alpha' }))).toBe(
      'FORBIDDEN',
    )
    expect(await refusal(officer.audit.all({}))).toBe('FORBIDDEN')
    const admin = await api.as(world.people.admin.id)
    const all = await admin.audit.all({})
    expect(new Set(all.items.map((e) => e.group?.slug)).size).toBeGreaterThan(1)
  })
})
