/**
 * The defects found in use (issue #18 item 9), each as the person who met it would see it, in the
 * browser against the real server: mentions, plurals, followers, run-together addresses, the invite
 * form's role, the reason an outsider cannot comment, missing items, bad reset links, button names,
 * the sign-ups region, copying the notice, editing my name, and the calendar links.
 */
import { DEMO_PASSWORD } from '@appg-hub/db'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, signInThroughForm } from '../support/e2e'
import { type DemoContent, demo, makeDemoContent, settled } from '../support/every-page'
import { type HubServer, startHubServer } from '../support/server'

let server: HubServer
let browser: Browser
let content: DemoContent
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()

const MISSING = 'zzzzzzzzzzzzzzzzzzzzzz'

async function as(name: string): Promise<Page> {
  return signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: demo(name),
    password: DEMO_PASSWORD,
  })
}

async function signedOut(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  contexts.push(context)
  return newPage(context)
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
  content = await makeDemoContent(server.url)
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
})

describe('defects found in use', () => {
  it('shows a mention as the name while typing, keeps the id behind it, and counts "1 comment"', async () => {
    const page = await as('officer')
    await page.goto(`${server.url}/topics/${content.topicId}`)
    await settled(page)
    expect(await page.locator('.discussion .visually-hidden').first().textContent()).toBe('1 comment shown.')
    const box = page.getByLabel('Add a comment', { exact: false }).first()
    await box.click()
    await box.pressSequentially('Thanks @Priy')
    await page.getByRole('option', { name: /Priya Raman/ }).waitFor()
    await box.press('Enter')
    await expect.poll(() => box.inputValue()).toBe('Thanks @Dr Priya Raman ')
    await box.pressSequentially('for the notes.')
    await page.getByRole('button', { name: /^(Post|Add) comment/ }).click()
    await page.locator('.comment .mention', { hasText: '@Dr Priya Raman' }).waitFor()
    const stored = await server.db
      .selectFrom('comment')
      .select('body')
      .where('body', 'like', 'Thanks %')
      .executeTakeFirstOrThrow()
    expect(stored.body).toMatch(/^Thanks @\[Dr Priya Raman\]\(person:[A-Za-z0-9_-]+\) for the notes\.$/)
    expect(await page.locator('.discussion .visually-hidden').first().textContent()).toBe('2 comments shown.')
  })

  it('tells the public how many follow a public topic', async () => {
    const page = await signedOut()
    await page.goto(`${server.url}/topics/${content.publicTopicId}`)
    await settled(page)
    await page.getByText('2 people get a notification when someone comments.').waitFor()
    expect(await page.getByText('Nobody follows this topic yet.').count()).toBe(0)
  })

  it('makes each of two run-together addresses a link of its own', async () => {
    await server.db
      .updateTable('appg')
      .set({
        secretariat:
          "Diabetes UK and Breakthrough T1D jointly act as the group's secretariat.https://www.diabetes.org.ukandhttps://www.breakthrought1d.org",
      })
      .where('slug', '=', 'diabetes')
      .execute()
    const page = await signedOut()
    await page.goto(`${server.url}/groups/diabetes`)
    await settled(page)
    const links = page.locator('a[href^="https://www.diabetes"], a[href^="https://www.breakthrough"]')
    expect(await links.evaluateAll((all) => all.map((a) => a.getAttribute('href')))).toEqual([
      'https://www.diabetes.org.uk',
      'https://www.breakthrought1d.org',
    ])
  })

  it('puts the invite form back to Member after sending an invitation', async () => {
    const page = await as('chair')
    await page.goto(`${server.url}/groups/personalised-medicine/members`)
    await settled(page)
    const role = page.locator('#invite-role')
    await role.selectOption('chair')
    await page.locator('#invite-email').fill('new.chair@example.org')
    await page.getByRole('button', { name: /Send (the )?invitation/ }).click()
    await page.getByText(/Invitation sent to new\.chair@example\.org as Chair/).waitFor()
    expect(await role.inputValue()).toBe('member')
  })

  it('tells a signed-in reader who cannot comment why', async () => {
    const page = await as('cancer-member')
    await page.goto(`${server.url}/topics/${content.publicTopicId}`)
    await settled(page)
    await page
      .getByText(/You can read this discussion but not comment: only members of the groups taking part/)
      .waitFor()
  })

  it('answers a missing topic, session and document alike: not found signed in, sign in signed out', async () => {
    const inside = await as('member')
    const outside = await signedOut()
    for (const path of [`/topics/${MISSING}`, `/sessions/${MISSING}`, `/documents/${MISSING}`]) {
      await inside.goto(`${server.url}${path}`)
      await settled(inside)
      expect(await inside.locator('h1').textContent(), path).toBe('Page not found')
      await outside.goto(`${server.url}${path}`)
      await settled(outside)
      expect(await outside.locator('h1').textContent(), path).toBe('Sign in to continue')
    }
  })

  it('says a reset link is bad before showing any form', async () => {
    const page = await signedOut()
    await page.goto(`${server.url}/reset-password/${'a'.repeat(32)}`)
    await page.getByRole('heading', { level: 1, name: 'This link cannot be used' }).waitFor()
    expect(await page.getByLabel('New password').count()).toBe(0)
    await page.getByRole('link', { name: 'Ask for a new link' }).waitFor()
  })

  it('names the sign-in page’s "Use this account" buttons by their visible words', async () => {
    const page = await signedOut()
    await page.goto(`${server.url}/sign-in`)
    const buttons = page.getByRole('button', { name: /^Use this account \(.+\)$/ })
    await buttons.first().waitFor()
    expect(await buttons.count()).toBeGreaterThan(3)
  })

  it('lets the hosts focus the sign-ups region, copy the notice and add the session to a calendar', async () => {
    const page = await as('officer')
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url })
    await page.goto(`${server.url}/sessions/${content.sessionId}`)
    await settled(page)
    const region = page.getByRole('region', { name: 'Sign-ups' })
    await region.focus()
    expect(await region.evaluate((el) => el === document.activeElement)).toBe(true)
    await page.getByRole('button', { name: 'Copy the notice' }).click()
    await page.getByText('Copied.').waitFor()
    const notice = await page.locator('#session-notice').textContent()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(notice)
    const google = await page.getByRole('link', { name: /Add to Google Calendar/ }).getAttribute('href')
    expect(new URL(google!).searchParams.get('dates')).toBe('20310506T090000Z/20310506T103000Z')
    expect(await page.getByRole('link', { name: /Add to Outlook/ }).getAttribute('href')).toMatch(
      /^https:\/\/outlook\.live\.com\/calendar\/0\/deeplink\/compose\?/,
    )

    await page.goto(`${server.url}/groups/personalised-medicine/sessions`)
    await settled(page)
    expect(
      await page.getByRole('link', { name: /Subscribe in your calendar app/ }).getAttribute('href'),
    ).toBe(`${server.url.replace(/^http/, 'webcal')}/groups/personalised-medicine/calendar.ics`)
  })

  it('edits my name and organisation on the account page', async () => {
    const page = await as('observer')
    await page.goto(`${server.url}/account`)
    await settled(page)
    await page.getByLabel('Your name', { exact: true }).fill('Olivia Observer-Smith')
    await page.getByLabel('Organisation (optional)').fill('Demo Research Unit')
    await page.getByRole('button', { name: 'Save your details' }).click()
    await page.getByText('Your details are saved.').waitFor()
    const person = await server.db
      .selectFrom('person')
      .select(['display_name', 'organisation'])
      .where('email', '=', demo('observer'))
      .executeTakeFirstOrThrow()
    expect(person).toEqual({ display_name: 'Olivia Observer-Smith', organisation: 'Demo Research Unit' })
  })

  it('ranks the headings of a document body by size', async () => {
    const page = await as('officer')
    await page.goto(`${server.url}/documents/${content.documentId}`)
    await settled(page)
    const sizes = await page.evaluate(() =>
      // The body's "#", "##" and "###" are h2, h3 and h4 under the page's own h1.
      ['h2', 'h3', 'h4'].map((tag) =>
        Number.parseFloat(getComputedStyle(document.querySelector(`.prose ${tag}`)!).fontSize),
      ),
    )
    expect(sizes[0]).toBeGreaterThan(sizes[1]!)
    expect(sizes[1]).toBeGreaterThan(sizes[2]!)
  })

  it('shows no CSP violation or page error', () => {
    expect(problems).toEqual([])
  })
})
