/**
 * The web client against the real server: sign in as the demo officer, find the APPG on Cancer in
 * the Register, invite someone, see the invitation pending and its email in the outbox; then the
 * invitee follows the link from the development mailbox, creates an account and accepts.
 * Full-page screenshots of the main pages go to tests/e2e/screenshots/ (git-ignored).
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, SHOTS } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

const OFFICER = 'officer@demo.appg-hub.test'
const INVITEE = 'new.person@example.org'

let server: HubServer
let browser: Browser
/** Content Security Policy violations and uncaught errors seen by any page: there must be none. */
const { problems, newPage } = pageWatcher()

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

/** Takes a full-page screenshot of `path` at desktop and phone widths, signed in or not. */
async function shootBoth(
  context: BrowserContext,
  path: string,
  name: string,
  ready: (page: Page) => Promise<unknown>,
) {
  const page = await newPage(context)
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(server.url + path)
    await ready(page)
    await shoot(page, `${name}-${width}`)
  }
  await page.close()
}

function h1(page: Page) {
  return page.locator('h1')
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('web client', () => {
  let officer: BrowserContext

  it('lets the demo officer of the APPG on Cancer invite a new member', async () => {
    officer = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await newPage(officer)

    // Sign in with the demo panel's "Use this account".
    await page.goto(`${server.url}/sign-in`)
    await expect.poll(() => h1(page).textContent()).toBe('Sign in')
    expect(await page.title()).toBe('Sign in – APPG Hub')
    await page.getByRole('button', { name: 'Use this account (Sarah Okafor)' }).click()
    expect(await page.inputValue('#signin-email')).toBe(OFFICER)
    expect(await page.inputValue('#signin-password')).toBe('appg-demo-2026')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    await page.waitForURL('**/dashboard')
    await expect.poll(() => h1(page).textContent()).toBe('My dashboard')
    await expect.poll(() => page.locator('.site-nav__who').textContent()).toContain('Sarah Okafor')

    // The Register: search, and the URL follows the search.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Register' }).click()
    await page.waitForURL('**/register')
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe('H1')
    await page.getByLabel('Search', { exact: true }).fill('cancer')
    await page.waitForURL(/\/register\?q=cancer$/)
    const cancer = page.getByRole('link', { name: 'All-Party Parliamentary Group on Cancer', exact: true })
    await cancer.waitFor()
    await expect.poll(() => page.locator('.results__count').textContent()).toMatch(/groups? found|Showing/)

    // The group page.
    await cancer.click()
    await page.waitForURL('**/groups/cancer')
    await expect.poll(() => h1(page).textContent()).toBe('All-Party Parliamentary Group on Cancer')
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('All-Party Parliamentary Group on Cancer')
    expect(await page.title()).toBe('All-Party Parliamentary Group on Cancer – APPG Hub')
    expect(await page.locator('.people-list .person').first().textContent()).toContain('Chair')

    // Manage members: invite as member, then see it pending.
    await page.getByRole('link', { name: 'Manage members' }).click()
    await page.waitForURL('**/groups/cancer/members')
    await expect.poll(() => h1(page).textContent()).toBe('Members')
    // An officer may not invite anyone as chair.
    const roles = await page
      .locator('#invite-role option')
      .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))
    expect(roles).toEqual(['officer', 'secretariat', 'member', 'observer'])
    await page.getByLabel('Email address').fill(INVITEE)
    await page.getByLabel('Role', { exact: true }).selectOption('member')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await expect
      .poll(() => page.locator('[aria-live="polite"]').first().textContent())
      .toContain(`Invitation sent to ${INVITEE} as Member`)
    const pending = page.locator('#pending-invitations')
    await expect.poll(() => pending.textContent()).toContain(INVITEE)
    expect(await pending.textContent()).toContain('Member')
    expect(await page.getByLabel('Email address').inputValue()).toBe('')

    // The invitation email is in the outbox.
    const emails = await server.db
      .selectFrom('email_outbox')
      .selectAll()
      .where('to_email', '=', INVITEE)
      .execute()
    expect(emails).toHaveLength(1)
    expect(emails[0]!.kind).toBe('group.invite')
    expect(emails[0]!.subject).toContain('All-Party Parliamentary Group on Cancer')
    expect(emails[0]!.body_text).toMatch(new RegExp(`${server.url}/join/[a-z2-7]{32}`))

    // A second invitation to a bad address is refused next to the field.
    await page.getByLabel('Email address').fill('not-an-email')
    await page.getByRole('button', { name: 'Send invitation' }).click()
    await page.locator('#invite-email-error').waitFor()
    expect(await page.getAttribute('#invite-email', 'aria-invalid')).toBe('true')
    expect(await page.getAttribute('#invite-email', 'aria-describedby')).toContain('invite-email-error')
    await page.close()

    // Screenshots of the main pages, signed in where it matters.
    await shootBoth(officer, '/register', 'register', (p) => p.locator('.card').first().waitFor())
    await shootBoth(officer, '/groups/cancer', 'group', (p) => p.locator('.people-list').first().waitFor())
    await shootBoth(officer, '/groups/cancer/members', 'members', (p) =>
      p.locator('#pending-invitations').waitFor(),
    )
    await shootBoth(officer, '/dashboard', 'dashboard', (p) => p.locator('.card').first().waitFor())
    const visitor = await browser.newContext()
    await shootBoth(visitor, '/', 'home', (p) => p.locator('.count-card').first().waitFor())
    await shootBoth(visitor, '/sign-in', 'sign-in', (p) => p.locator('.demo-list__item').first().waitFor())
    await visitor.close()
  })

  it('lets the invitee follow the link from the mailbox, create an account and join', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    const page = await newPage(context)
    await page.goto(`${server.url}/mailbox?to=${encodeURIComponent(INVITEE)}`)
    await expect.poll(() => h1(page).textContent()).toBe('Mailbox')
    const mail = page.locator('.mail').first()
    await mail.locator('summary').click()
    await shoot(page, 'mailbox-1280')
    await mail.locator('.mail__body a').first().click()
    await page.waitForURL(/\/join\/[a-z2-7]{32}$/)
    const joinUrl = page.url()
    await expect.poll(() => h1(page).textContent()).toBe('Join All-Party Parliamentary Group on Cancer')
    expect(await page.locator('.summary-list').textContent()).toContain('Open')
    await shoot(page, 'join-1280')

    await page.getByRole('link', { name: 'Create an account' }).click()
    await page.waitForURL('**/sign-up?**')
    expect(await page.inputValue('#signup-email')).toBe(INVITEE)
    // Too short a password is caught before anything is sent, and linked from the summary.
    await page.getByLabel('Full name').fill('New Person')
    await page.getByLabel('Create a password').fill('short')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.locator('.error-summary').waitFor()
    expect(await page.getAttribute('#signup-password', 'aria-invalid')).toBe('true')
    await shoot(page, 'sign-up-errors-1280')
    await page.getByLabel('Create a password').fill('a long enough password')
    await page.getByRole('button', { name: 'Create account' }).click()
    await page.waitForURL(joinUrl)

    await page.getByRole('button', { name: 'Accept invitation' }).click()
    await expect
      .poll(() => page.locator('[aria-live="polite"]').first().textContent())
      .toContain('You have joined All-Party Parliamentary Group on Cancer')
    const person = await server.db
      .selectFrom('person')
      .select('id')
      .where('email', '=', INVITEE)
      .executeTakeFirstOrThrow()
    const membership = await server.db
      .selectFrom('membership')
      .innerJoin('appg', 'appg.id', 'membership.appg_id')
      .select(['membership.role', 'membership.source'])
      .where('membership.person_id', '=', person.id)
      .where('appg.slug', '=', 'cancer')
      .executeTakeFirstOrThrow()
    expect(membership).toEqual({ role: 'member', source: 'invitation' })

    // The officer's roster no longer lists it as pending, and shows the new member.
    const officerPage = await newPage(officer)
    await officerPage.goto(`${server.url}/groups/cancer/members`)
    await officerPage.locator('.roster').waitFor()
    expect(await officerPage.locator('.roster').textContent()).toContain('New Person')
    expect(await officerPage.locator('#pending-invitations').count()).toBe(0)
    await officer.close()
    await context.close()
  })

  it('raised no CSP violations or page errors', () => {
    expect(problems).toEqual([])
  })
})
