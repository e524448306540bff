/**
 * The API over real HTTP, as the web client uses it: the same suite runs against the Node server
 * (SQLite, MySQL) and against the Worker on workerd (PlanetScale protocol), so every runtime is
 * held to the same answers. Needs a server with the demo world loaded (see `loadDemoWorld`).
 */
import type { Db } from '@appg-hub/db'
import { DEMO_PASSWORD } from '@appg-hub/db'
import { TRPCClientError } from '@trpc/client'
import { expect, it } from 'vitest'
import { httpClient } from './http-client'

export const DEMO_OFFICER = 'officer@demo.appg-hub.test'
export const DEMO_CANCER_MEMBER = 'cancer-member@demo.appg-hub.test'

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code
    throw error
  }
  throw new Error('expected the call to be refused')
}

export async function signedIn(url: string, email: string) {
  const person = httpClient(url)
  await person.client.auth.signIn.mutate({ email, password: DEMO_PASSWORD })
  return person.client
}

/** The demo Register loaded for the tests has this many groups, plus the demo group. */
export const REGISTERED_GROUPS = 11 + 1

export function apiJourney(server: () => { url: string; db: Db }) {
  it('answers /healthz with the database state', async () => {
    const response = await fetch(`${server().url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok', database: 'ok' })
  })

  it('serves the web client, with client-side routes falling back to it', async () => {
    for (const path of ['/', '/register', '/groups/cancer']) {
      const response = await fetch(server().url + path)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'")
      expect(await response.text()).toMatch(
        /<script type="module" crossorigin src="\/assets\/index-[\w-]+\.js"><\/script>/,
      )
    }
  })

  it('pages through the whole public Register with cursors', async () => {
    const { client } = httpClient(server().url)
    const slugs: string[] = []
    let cursor: string | null = null
    do {
      const page: Awaited<ReturnType<typeof client.register.list.query>> = await client.register.list.query({
        limit: 100,
        cursor,
      })
      slugs.push(...page.items.map((g) => g.slug))
      expect(page.total).toBe(REGISTERED_GROUPS)
      cursor = page.nextCursor
    } while (cursor)
    expect(slugs).toHaveLength(REGISTERED_GROUPS)
    expect(new Set(slugs).size).toBe(slugs.length)
    expect(slugs).toEqual([...slugs].sort())
    const health = await client.register.list.query({ tag: 'Health, Medicine & Public Health', q: 'cancer' })
    expect(health.items.map((g) => g.slug)).toContain('cancer')
    expect(health.items.every((g) => g.tags.includes('Health, Medicine & Public Health'))).toBe(true)
  })

  it("shows a group's public page without anyone's email address", async () => {
    const { client } = httpClient(server().url)
    const cancer = await client.register.group.query({ slug: 'cancer' })
    expect(cancer.title).toBe('All-Party Parliamentary Group on Cancer')
    expect(cancer.secretariat).toContain('Demo Cancer Alliance')
    expect(cancer.people.some((p) => p.role === 'chair')).toBe(true)
    expect(JSON.stringify(cancer.people)).not.toContain('@')
    expect(await refusal(client.register.group.query({ slug: 'no-such-group' }))).toBe('NOT_FOUND')
  })

  it('signs in, refuses a wrong password, and signs out', async () => {
    const { client } = httpClient(server().url)
    expect(
      await refusal(client.auth.signIn.mutate({ email: DEMO_OFFICER, password: 'not the password' })),
    ).toBe('UNAUTHORIZED')
    expect(await client.me.get.query()).toBeNull()
    await client.auth.signIn.mutate({ email: DEMO_OFFICER, password: DEMO_PASSWORD })
    const me = await client.me.get.query()
    expect(me?.groups.map((g) => [g.slug, g.role])).toEqual(
      expect.arrayContaining([
        ['cancer', 'officer'],
        ['personalised-medicine', 'officer'],
      ]),
    )
    await client.auth.signOut.mutate()
    expect(await client.me.get.query()).toBeNull()
  })

  it('an officer invites by email; the newcomer signs up and joins once (a transaction)', async () => {
    const { db, url } = server()
    const officer = await signedIn(url, DEMO_OFFICER)
    const email = `newcomer.${Date.now()}@example.org`
    await officer.memberships.invite.mutate({ slug: 'cancer', email, role: 'member' })
    const mail = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', email)
      .executeTakeFirstOrThrow()
    const token = /\/join\/([a-z2-7]{32})/.exec(mail.body_text)![1]!

    const newcomer = httpClient(url).client
    expect(await newcomer.memberships.describeInvite.query({ token })).toMatchObject({
      state: 'open',
      role: 'member',
    })
    await newcomer.auth.signUp.mutate({ email, password: 'a long enough password', displayName: 'New Comer' })
    await newcomer.auth.signIn.mutate({ email, password: 'a long enough password' })
    await newcomer.memberships.acceptInvite.mutate({ token })
    expect((await newcomer.me.get.query())?.groups.map((g) => g.slug)).toEqual(['cancer'])
    expect(await refusal(newcomer.memberships.acceptInvite.mutate({ token }))).toBe('CONFLICT')
    const roster = await officer.memberships.roster.query({ slug: 'cancer' })
    expect(roster.members.find((m) => m.email === email)?.role).toBe('member')
  })

  it('a member cannot invite, and an officer cannot manage another group', async () => {
    const { db, url } = server()
    const count = async () => (await db.selectFrom('group_invite').select('id').execute()).length
    const before = await count()
    const member = await signedIn(url, DEMO_CANCER_MEMBER)
    expect(
      await refusal(
        member.memberships.invite.mutate({ slug: 'cancer', email: 'x@example.org', role: 'member' }),
      ),
    ).toBe('FORBIDDEN')
    const officer = await signedIn(url, DEMO_OFFICER)
    expect(
      await refusal(
        officer.memberships.invite.mutate({ slug: 'diabetes', email: 'x@example.org', role: 'member' }),
      ),
    ).toBe('FORBIDDEN')
    expect(await count()).toBe(before)
  })

  it('refuses cross-site and non-JSON mutations before they reach the API', async () => {
    const { url } = server()
    const body = JSON.stringify({ email: DEMO_OFFICER, password: DEMO_PASSWORD })
    const crossSite = await fetch(`${url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body,
    })
    expect(crossSite.status).toBe(403)
    const form = await fetch(`${url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'email=x',
    })
    expect(form.status).toBe(415)
    const plain = await fetch(`${url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body,
    })
    expect(plain.status).toBe(415)
    expect(crossSite.headers.get('set-cookie')).toBeNull()
  })
}

const demo = (name: string) => `${name}@demo.appg-hub.test`

/**
 * docs/architecture.md §1's journey through the API, as the web client makes it: Personalised Medicine proposes
 * a topic to Cancer and Respiratory Health; Cancer accepts, Respiratory Health declines; a Cancer
 * member mentions the Personalised Medicine secretariat, who is notified and replies; a
 * Respiratory Health member cannot open the topic. Then a briefing is co-edited and a session is
 * signed up to.
 */
export function jointWorkJourney(server: () => { url: string; db: Db }) {
  it('runs the joint-work journey across three groups', async () => {
    const { url } = server()
    const chair = await signedIn(url, demo('chair'))
    const { id } = await chair.topics.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Personalised medicine for lung cancer',
      summary: 'Lung cancer screening, genomic testing and targeted therapy.',
      tags: ['Health, Medicine & Public Health'],
      visibility: 'participants',
    })
    const suggestions = (await chair.topics.suggestPartners.query({ id, limit: 10 })).map((g) => g.slug)
    expect(suggestions).toEqual(expect.arrayContaining(['cancer', 'respiratory-health']))
    await chair.invitations.send.mutate({
      itemType: 'topic',
      itemId: id,
      toGroupSlugs: ['cancer', 'respiratory-health'],
      message: 'Would you join us?',
    })

    const cancerOfficer = await signedIn(url, demo('officer'))
    const toCancer = (await cancerOfficer.invitations.forGroup.query({ slug: 'cancer' })).received.find(
      (i) => i.itemId === id,
    )!
    await cancerOfficer.invitations.accept.mutate({ id: toCancer.id, reply: 'Gladly.' })
    const respiratoryOfficer = await signedIn(url, demo('respiratory-officer'))
    const toRespiratory = (
      await respiratoryOfficer.invitations.forGroup.query({ slug: 'respiratory-health' })
    ).received.find((i) => i.itemId === id)!
    await respiratoryOfficer.invitations.decline.mutate({ id: toRespiratory.id, reply: 'Not this year.' })
    expect((await chair.topics.get.query({ id })).partners.map((p) => p.slug)).toEqual(['cancer'])

    const cancerMember = await signedIn(url, demo('cancer-member'))
    const [secretariat] = await cancerMember.comments.mentionCandidates.query({
      itemType: 'topic',
      itemId: id,
      q: 'Tom',
    })
    expect(secretariat?.name).toBe('Tom Whitfield')
    const phg = await signedIn(url, demo('secretariat'))
    const unreadBefore = (await phg.notifications.unreadCount.query()).count
    const comment = await cancerMember.comments.add.mutate({
      itemType: 'topic',
      itemId: id,
      body: `Could @[Tom Whitfield](person:${secretariat!.id}) share the screening evidence?`,
    })
    // The mention is one new notification for the person mentioned.
    expect((await phg.notifications.unreadCount.query()).count).toBe(unreadBefore + 1)
    const inbox = await phg.notifications.list.query({})
    expect(inbox.items.some((n) => n.kind === 'comment.mention' && n.path?.includes(id))).toBe(true)
    await phg.comments.add.mutate({
      itemType: 'topic',
      itemId: id,
      parentId: comment.id,
      body: 'Yes — attached soon.',
    })
    const thread = await cancerMember.comments.list.query({ itemType: 'topic', itemId: id })
    expect(thread.items[0]?.replies.map((r) => r.author.name)).toEqual(['Tom Whitfield'])

    const respiratoryMember = await signedIn(url, demo('respiratory-member'))
    expect(await refusal(respiratoryMember.topics.get.query({ id }))).toBe('NOT_FOUND')

    // A briefing the two secretariats edit at once, merged; a session to sign up to.
    const briefing = await phg.documents.create.mutate({
      groupSlug: 'personalised-medicine',
      kind: 'briefing',
      title: 'Lung cancer briefing',
      body: 'Screening.\n\nGenomics.',
      visibility: 'participants',
      topicId: id,
    })
    const first = await phg.documents.get.query({ id: briefing.id })
    const mine = await phg.documents.save.mutate({
      id: briefing.id,
      baseRevisionId: first.head.id,
      body: 'Screening saves lives.\n\nGenomics.',
    })
    const theirs = await phg.documents.save.mutate({
      id: briefing.id,
      baseRevisionId: first.head.id,
      body: 'Screening.\n\nGenomics guides therapy.',
    })
    expect([mine.status, theirs.status]).toEqual(['saved', 'merged'])
    expect((await phg.documents.get.query({ id: briefing.id })).body).toBe(
      'Screening saves lives.\n\nGenomics guides therapy.',
    )

    const session = await chair.sessions.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Lung cancer: the evidence',
      description: 'A joint session.',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '11:30',
      place: 'Committee Room 10, House of Commons',
      visibility: 'participants',
      capacity: 40,
      topicId: id,
    })
    await chair.sessions.schedule.mutate({ id: session.id })
    const member = await signedIn(url, demo('member'))
    await member.sessions.signUp.mutate({ id: session.id, status: 'going' })
    expect((await chair.sessions.get.query({ id: session.id })).counts.going).toBe(1)
  })
}
