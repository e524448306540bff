/**
 * The whole journey of joint work as one shared space, in the browser, with three groups of the
 * Register the server loaded other than the demo journey's (Diabetes, Obesity and Kidney when the
 * real Register is there; otherwise the first three others, as a small demo Register names them).
 * One topic, accepted by the other two: the briefing written in it is theirs at once (no second
 * handshake); one group's officer asks to publish it and nothing is public until each of the other
 * two consents in the page; the public page and print view then name all three groups with their
 * secretariats and funders; a later save with a draft note stays off the public page, shown to the
 * groups as changes since publication; the session in the topic shows the briefing.
 */

import { hashPassword } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { newId } from '@appg-hub/db'
import { REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot, signInThroughForm } from '../support/e2e'
import { httpClient } from '../support/http-client'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'shared space 2026 journey'
const DEMO_JOURNEY = new Set(['personalised-medicine', 'cancer', 'respiratory-health'])
const PREFERRED = ['diabetes', 'obesity', 'kidney']
const TITLE = 'Joint briefing on diabetes, obesity and kidney disease'

/** Pages render after their queries answer; on a shared machine that may take a while. */
const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000, interval: 100 })

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()
let groups: { id: string; slug: string; title: string }[] = []
const people: Record<string, { email: string; id: string }> = {}
let topicId = ''
let docId = ''
let sessionId = ''

/** Three registered groups of the loaded Register, not the demo journey's: preferred ones first. */
async function pickGroups(db: Db) {
  const rows = await db
    .selectFrom('appg')
    .select(['id', 'slug', 'title'])
    .where('status', '=', 'registered')
    .orderBy('slug')
    .execute()
  const usable = rows.filter((g) => !DEMO_JOURNEY.has(g.slug))
  const preferred = PREFERRED.map((s) => usable.find((g) => g.slug === s)).filter((g) => g !== undefined)
  const rest = usable.filter((g) => !preferred.includes(g))
  return [...preferred, ...rest].slice(0, 3)
}

async function addPerson(db: Db, key: string, appgId: string, role: 'officer' | 'secretariat' | 'member') {
  const id = newId()
  const now = new Date().toISOString()
  const email = `${key}@shared-space.test`
  await db
    .insertInto('person')
    .values({
      id,
      email,
      display_name: key.replace(/-/g, ' ').replace(/\b\w/g, (c) => c.toUpperCase()),
      kind: 'other',
      organisation: null,
      party: null,
      mnis_id: null,
      twfy_id: null,
      register_key: null,
      password_hash: await hashPassword(PASSWORD, { ln: 12, r: 8, p: 1 }),
      is_site_admin: 0,
      email_preference: 'none',
      created_at: now,
      updated_at: now,
      erased_at: null,
    })
    .execute()
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: id,
      appg_id: appgId,
      role,
      register_title: null,
      source: 'admin',
      created_at: now,
      updated_at: now,
    })
    .execute()
  people[key] = { email, id }
}

async function api(key: string) {
  const person = httpClient(server.url)
  await person.client.auth.signIn.mutate({ email: people[key]!.email, password: PASSWORD })
  return person.client
}

function signIn(key: string): Promise<Page> {
  return signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: people[key]!.email,
    password: PASSWORD,
  })
}

beforeAll(async () => {
  buildClientIfStale()
  // The real Register when it is beside the repository (as in CI), so the three groups are real ones.
  server = await startHubServer({ realRegisterDir: REAL_REGISTER_DIR ?? undefined })
  browser = await launchBrowser()
  groups = await pickGroups(server.db)
  const [a, b, c] = groups
  await addPerson(server.db, 'a-officer', a!.id, 'officer')
  await addPerson(server.db, 'a-secretariat', a!.id, 'secretariat')
  await addPerson(server.db, 'b-officer', b!.id, 'officer')
  await addPerson(server.db, 'b-secretariat', b!.id, 'secretariat')
  await addPerson(server.db, 'c-officer', c!.id, 'officer')
  // The third group's secretariat is funded by a company: the notice must say so.
  await server.db
    .updateTable('appg')
    .set({ secretariat: 'Example Public Affairs Ltd.https://one.example.organdhttps://two.example.org' })
    .where('id', '=', c!.id)
    .execute()
  await server.db
    .insertInto('benefit')
    .values({
      id: newId(),
      appg_id: c!.id,
      source: 'Example Pharma Ltd',
      description: 'Secretariat From: 01/01/2026 To: 31/12/2026',
      value_band: '12,001-13,500',
      received: '01/01/2026',
      registered: '15/01/2026',
      benefit_type: 'Benefits In Kind',
      position: 99,
    })
    .execute()

  // One handshake: the topic, accepted by both partners.
  const aOfficer = await api('a-officer')
  topicId = (
    await aOfficer.topics.create.mutate({
      groupSlug: a!.slug,
      title: 'Diabetes, obesity and kidney disease',
      summary: 'A programme of joint work.',
      tags: [],
      visibility: 'participants',
    })
  ).id
  const { invitations } = await aOfficer.invitations.send.mutate({
    itemType: 'topic',
    itemId: topicId,
    toGroupSlugs: [b!.slug, c!.slug],
  })
  await (await api('b-officer')).invitations.accept.mutate({ id: invitations[0]!.id })
  await (await api('c-officer')).invitations.accept.mutate({ id: invitations[1]!.id })
  const aSecretariat = await api('a-secretariat')
  docId = (
    await aSecretariat.documents.create.mutate({
      groupSlug: a!.slug,
      kind: 'briefing',
      title: TITLE,
      body: '# Joint briefing\n\nAgreed text of the three groups.',
      visibility: 'public',
      topicId,
    })
  ).id
  sessionId = (
    await aOfficer.sessions.create.mutate({
      groupSlug: a!.slug,
      title: 'Joint roundtable',
      description: 'The three groups meet.',
      date: '2031-05-06',
      startTime: '10:00',
      endTime: '11:30',
      visibility: 'participants',
      topicId,
    })
  ).id
  await aSecretariat.documents.link.mutate({
    id: docId,
    toType: 'meeting',
    toId: sessionId,
    linkType: 'briefing_for',
  })
}, 240_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.close()
})

describe('a topic as the shared space of three groups', () => {
  it('picked three groups of the loaded Register other than the demo journey’s', () => {
    expect(groups).toHaveLength(3)
    expect(groups.some((g) => DEMO_JOURNEY.has(g.slug))).toBe(false)
  })

  it('a partner’s secretariat edits the briefing written in the topic, with no invitation', async () => {
    const page = await signIn('b-secretariat')
    await page.goto(`${server.url}/documents/${docId}`)
    await poll(() => page.locator('.page-heading h1').textContent()).toBe(TITLE)
    await poll(() => page.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(1)
    expect(await page.locator('.doc-groups').textContent()).toContain(groups[1]!.title)
    await shoot(page, 'shared-space-partner-document')
  })

  it('publishing waits for every group’s consent, given in the page', async () => {
    const a = await signIn('a-officer')
    await a.goto(`${server.url}/documents/${docId}`)
    await a.getByRole('button', { name: 'Ask to publish' }).click()
    await poll(() => a.locator('.publication').textContent()).toContain('Waiting for consent')
    await shoot(a, 'shared-space-publication-pending')

    const anon = await newPage(await browser.newContext())
    await anon.goto(`${server.url}/documents/${docId}`)
    // Signed out, an item kept to its groups looks like no item at all: the page offers to sign in.
    await poll(() => anon.locator('.page-heading h1').textContent()).toBe('Sign in to continue')
    expect(await anon.locator('body').textContent()).not.toContain(TITLE)

    for (const key of ['b-officer', 'c-officer']) {
      const page = await signIn(key)
      await page.goto(`${server.url}/documents/${docId}`)
      await page.getByRole('button', { name: 'Consent for my group' }).click()
      await expect
        .poll(() => page.locator('.publication .alert--success').textContent())
        .toContain('consented')
    }
    await anon.goto(`${server.url}/documents/${docId}`)
    await poll(() => anon.locator('.page-heading h1').textContent()).toBe(TITLE)
    const notice = anon.locator('.doc-notice')
    for (const g of groups) await poll(() => notice.textContent()).toContain(g.title)
    expect(await notice.textContent()).toContain('Example Pharma Ltd')
    expect(await notice.locator('a[href="https://one.example.org"]').count()).toBe(1)
    expect(await notice.locator('a[href="https://two.example.org"]').count()).toBe(1)
    await shoot(anon, 'shared-space-public-notice')
    await anon.goto(`${server.url}/documents/${docId}/print`)
    await poll(() => anon.locator('.doc-notice').textContent()).toContain(groups[2]!.title)
    await anon.setViewportSize({ width: 375, height: 800 })
    await shoot(anon, 'shared-space-print-375')
  })

  it('a later save stays off the public page until approved; the editor says so', async () => {
    const b = await api('b-secretariat')
    const doc = await b.documents.get.query({ id: docId })
    await b.documents.save.mutate({
      id: docId,
      baseRevisionId: doc.head.id,
      body: `${doc.body}\n\nDRAFT NOTE: figures to be checked before circulation.`,
    })
    const anon = await newPage(await browser.newContext())
    await anon.goto(`${server.url}/documents/${docId}`)
    await poll(() => anon.locator('.page-heading h1').textContent()).toBe(TITLE)
    expect(await anon.locator('body').textContent()).not.toContain('DRAFT NOTE')

    const page = await signIn('b-secretariat')
    await page.goto(`${server.url}/documents/${docId}`)
    const banner = page.locator('.doc-published')
    await poll(() => banner.textContent()).toContain('This document is published')
    await page.getByText('Changes since publication').click()
    await poll(() => banner.textContent()).toContain('DRAFT NOTE')
    await page.getByRole('button', { name: 'Edit', exact: true }).click()
    await poll(() => banner.textContent()).toContain('not public until every group approves it')
    await shoot(page, 'shared-space-published-banner')
  })

  it('the session in the topic shows the briefing linked to it', async () => {
    const page = await signIn('c-officer')
    await page.goto(`${server.url}/sessions/${sessionId}`)
    const docs = page.locator('section[aria-labelledby="session-documents-heading"]')
    await poll(() => docs.textContent()).toContain(TITLE)
    await page.goto(`${server.url}/topics/${topicId}`)
    const activity = page.locator('section[aria-labelledby="activity-heading"]')
    await poll(() => activity.textContent()).toContain('made it public with every group’s consent')
    await shoot(page, 'shared-space-topic')
    await page.setViewportSize({ width: 375, height: 800 })
    await shoot(page, 'shared-space-topic-375')
    await page.setViewportSize({ width: 1280, height: 900 })
    await page.goto(`${server.url}/joint-work`)
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Diabetes, obesity and kidney disease')
    await shoot(page, 'shared-space-joint-work')
    expect(problems).toEqual([])
  })
})
