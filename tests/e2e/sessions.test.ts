/**
 * Co-hosted sessions in the browser, against the real server and client: the Personalised
 * Medicine chair drafts a session on the lung-cancer topic and invites the APPG on Cancer to
 * co-host; the Cancer officer accepts; both secretariats build the agenda; members sign up past
 * capacity (the observer lands on the waiting list); one withdraws and the observer is promoted;
 * the chair cancels and the observer's personal calendar feed shows it cancelled (parsed with
 * ical.js). Screenshots go to tests/e2e/screenshots/.
 */
import { join } from 'node:path'
import ICAL from 'ical.js'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, SHOTS, signInThroughForm } from '../support/e2e'
import { LUNG_CANCER_TOPIC } from '../support/lung-cancer-topic'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'appg-demo-2026'
const demo = (name: string) => `${name}@demo.appg-hub.test`
const TITLE = 'Lung cancer screening: a joint roundtable'
const CANCER = 'All-Party Parliamentary Group on Cancer'

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()

async function signIn(name: string): Promise<Page> {
  return signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: demo(name),
    password: PASSWORD,
  })
}

async function shootBoth(page: Page, name: string) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** A London date three weeks ahead, as the date field takes it. */
function dateAhead(days: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + days * 86_400_000),
  )
  return parts
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.close()
})

describe('co-hosted sessions', () => {
  let path = ''
  let chair: Page
  let observer: Page
  const date = dateAhead(21)

  it('the chair drafts a session on the lung-cancer topic, invites Cancer to co-host and schedules it', async () => {
    const api = await signedIn(server.url, demo('chair'))
    const topic = await api.topics.create.mutate(LUNG_CANCER_TOPIC)

    chair = await signIn('chair')
    await chair.goto(`${server.url}/groups/personalised-medicine`)
    await chair.getByRole('link', { name: 'Draft a session' }).click()
    await chair.waitForURL('**/groups/personalised-medicine/sessions/new')
    await chair.getByRole('button', { name: 'Save draft' }).click()
    await chair.locator('.error-summary').waitFor()
    expect(await chair.locator('.error-summary').textContent()).toContain('Give the session a title.')

    await chair.getByLabel('Title', { exact: true }).fill(TITLE)
    await chair.locator('#session-description').fill('Evidence on **targeted lung health checks**.')
    await chair.locator('#session-date').fill(date)
    await chair.locator('#session-startTime').fill('10:00')
    await chair.locator('#session-endTime').fill('11:00')
    await chair.getByLabel('Room').fill('Committee Room 10, House of Commons')
    await chair.getByLabel('Places (optional)').fill('2')
    await chair.getByLabel('Topic (optional)').selectOption(topic.id)
    await shootBoth(chair, 'session-new')
    await chair.getByRole('button', { name: 'Save draft' }).click()
    await chair.waitForURL((url) => /^\/sessions\/[\w-]+$/.test(url.pathname))
    path = new URL(chair.url()).pathname
    await expect.poll(() => chair.locator('h1').textContent()).toBe(TITLE)
    expect(await chair.locator('.session-when').textContent()).toContain('10:00 to 11:00')
    expect(await chair.locator('.session-badges').textContent()).toContain('Draft')

    await chair.getByLabel('Find a group').fill('Cancer')
    await chair.locator('main').getByRole('button', { name: 'Search' }).click()
    await chair.getByLabel(CANCER, { exact: true }).check()
    await chair.getByRole('button', { name: 'Send the invitation' }).click()
    await expect.poll(() => chair.locator('#cohost-heading ~ ul').textContent()).toContain(CANCER)

    await chair.getByRole('button', { name: 'Schedule the session' }).click()
    await expect.poll(() => chair.locator('.session-badges').textContent()).toContain('Scheduled')
  })

  it('the Cancer officer accepts; both secretariats build the agenda', async () => {
    const officer = await signIn('officer')
    await officer.goto(`${server.url}/groups/cancer/invitations`)
    const card = officer.locator('#invitations-panel-received .invitation-card', { hasText: TITLE })
    await card.waitFor()
    await card.getByRole('button', { name: `Accept the invitation to “${TITLE}”` }).click()
    await expect
      .poll(() => officer.locator('[role="status"] .alert--success').first().textContent())
      .toContain('You accepted')

    const secretariat = await signIn('secretariat')
    await secretariat.goto(server.url + path)
    await expect.poll(() => secretariat.locator('.topic-groups').textContent()).toContain(CANCER)
    await secretariat.locator('#agenda-new-title').fill('Welcome and introductions')
    await secretariat.locator('#agenda-new-speakers').fill('Dr Priya Raman MP')
    await secretariat.locator('#agenda-new-durationMinutes').fill('10')
    await secretariat.getByRole('button', { name: 'Add to the agenda' }).click()
    await expect.poll(() => secretariat.locator('.agenda__item').count()).toBe(1)

    const cancerSecretariat = await signIn('cancer-secretariat')
    await cancerSecretariat.goto(server.url + path)
    await cancerSecretariat.locator('#agenda-new-title').fill('Evidence on screening')
    await cancerSecretariat.locator('#agenda-new-speakers').fill('Macmillan Cancer Support')
    await cancerSecretariat.locator('#agenda-new-durationMinutes').fill('60')
    await cancerSecretariat.getByRole('button', { name: 'Add to the agenda' }).click()
    await expect.poll(() => cancerSecretariat.locator('.agenda__item').count()).toBe(2)
    // 70 minutes of a 60-minute session: the warning shows.
    await expect
      .poll(() => cancerSecretariat.locator('.agenda-total').textContent())
      .toContain('runs 10 minutes over')
    await cancerSecretariat.getByRole('button', { name: 'Move “Evidence on screening” up' }).click()
    await expect
      .poll(() => cancerSecretariat.locator('.agenda__title').allTextContents())
      .toEqual(['Evidence on screening', 'Welcome and introductions'])
    await cancerSecretariat.getByRole('button', { name: 'Edit “Evidence on screening”' }).click()
    await cancerSecretariat.locator('[id^="agenda-edit-"][id$="-durationMinutes"]').fill('50')
    await cancerSecretariat.getByRole('button', { name: 'Save item' }).click()
    await expect
      .poll(() => cancerSecretariat.locator('.agenda-total').textContent())
      .toContain('60 minutes of the session’s 60 minutes')
    expect(await cancerSecretariat.locator('#session-notice').textContent()).toContain(CANCER)
  })

  it('members sign up past capacity; a withdrawal promotes the first on the waiting list', async () => {
    const member = await signIn('member')
    await member.goto(server.url + path)
    await member.getByRole('button', { name: 'Going', exact: true }).click()
    await expect.poll(() => member.locator('#my-signup').textContent()).toContain('Going')

    const cancerMember = await signIn('cancer-member')
    await cancerMember.goto(server.url + path)
    await cancerMember.getByRole('button', { name: 'Going', exact: true }).click()
    await expect.poll(() => cancerMember.locator('#my-signup').textContent()).toContain('Going')

    observer = await signIn('observer')
    await observer.goto(server.url + path)
    await observer.getByRole('button', { name: 'Going', exact: true }).click()
    await expect
      .poll(() => observer.locator('#my-signup').textContent())
      .toContain('On the waiting list (number 1 in line)')
    await shootBoth(observer, 'session-waitlist')

    await member.getByRole('button', { name: 'Withdraw my sign-up' }).click()
    await expect.poll(() => member.locator('#my-signup').textContent()).toContain('You have not signed up.')
    await observer.reload()
    await expect.poll(() => observer.locator('#my-signup').textContent()).toContain('Going')

    await chair.reload()
    const rows = chair.locator('#signup-table tbody tr')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await chair.locator('#signup-table').textContent()).toContain('Grace Lindqvist')
    await shootBoth(chair, 'session-hosts')
  })

  it('the chair cancels; the observer’s personal feed shows it cancelled', async () => {
    await observer.goto(`${server.url}/dashboard`)
    await observer.getByRole('button', { name: 'Get my calendar feed' }).click()
    const feedUrl = (await observer.locator('#calendar-feed-url').textContent())!.trim()
    expect(feedUrl).toMatch(/\/calendar\/[a-z2-7]{32}\.ics$/)
    expect(await observer.locator('#my-sessions').textContent()).toContain(TITLE)
    await shootBoth(observer, 'dashboard-sessions')

    await chair.getByRole('button', { name: 'Cancel the session' }).click()
    await chair.getByLabel('Why is it cancelled?').fill('The House is not sitting that day.')
    await chair.locator('form').getByRole('button', { name: 'Cancel the session' }).click()
    await expect
      .poll(() => chair.locator('.session-cancelled').textContent())
      .toContain('The House is not sitting')
    await shootBoth(chair, 'session-cancelled')

    const response = await fetch(feedUrl)
    expect(response.status).toBe(200)
    const calendar = new ICAL.Component(ICAL.parse(await response.text()))
    const events = calendar.getAllSubcomponents('vevent')
    const id = path.split('/').pop()!
    const event = events.find((e) => e.getFirstPropertyValue('uid') === `${id}@appg-hub`)!
    expect(event).toBeTruthy()
    expect(event.getFirstPropertyValue('status')).toBe('CANCELLED')
    const start = new ICAL.Event(event).startDate.toJSDate()
    expect(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/London',
        hour: '2-digit',
        minute: '2-digit',
      }).format(start),
    ).toBe('10:00')

    const group = await chair.goto(`${server.url}/groups/personalised-medicine/sessions`)
    expect(group?.status()).toBe(200)
    await chair.locator('#upcoming-sessions').waitFor()
    await shootBoth(chair, 'group-sessions')
    expect(problems).toEqual([])
  })

  it('a signed-out visitor reads a public session and registers interest, confirmed by email', async () => {
    const api = await signedIn(server.url, demo('chair'))
    const { id } = await api.sessions.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Genomic testing: an open briefing',
      description: 'Open to all.',
      date: dateAhead(30),
      startTime: '14:00',
      endTime: '15:00',
      place: 'Boothroyd Room, Portcullis House',
      visibility: 'public',
    })
    await api.sessions.schedule.mutate({ id })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    const visitor = await newPage(context)
    await visitor.goto(`${server.url}/sessions/${id}`)
    await expect.poll(() => visitor.locator('h1').textContent()).toBe('Genomic testing: an open briefing')
    await visitor.getByLabel('Your name').fill('Pat Visitor')
    await visitor.getByLabel('Email address').fill('pat.visitor@example.org')
    await visitor.getByRole('button', { name: 'Register interest' }).click()
    await expect.poll(() => visitor.locator('.alert--success').textContent()).toContain('Check your email')
    await shootBoth(visitor, 'session-public')
    const mail = await server.db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', 'pat.visitor@example.org')
      .executeTakeFirstOrThrow()
    const link = /(http\S+\/sessions\/confirm\/[a-z2-7]{32})/.exec(mail.body_text)![1]!
    await visitor.goto(link)
    await expect.poll(() => visitor.locator('h1').textContent()).toBe('Your interest is confirmed')
    const row = await server.db
      .selectFrom('signup')
      .select('status')
      .where('meeting_id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row.status).toBe('interest')
    expect(problems).toEqual([])
  })
})
