/**
 * The site administrator's console in the browser (issue #12 items 6 and 7): the landing page and the
 * header link for the administrator only, granting and revoking site administration, ending a
 * person's sign-ins, the audit log filtered and downloaded, and a group's log and history for its
 * officers. Screenshots of each new page at 1280 and 375 px.
 */
import { DEMO_PASSWORD } from '@appg-hub/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot } from '../support/e2e'
import { settled } from '../support/every-page'
import { type HubServer, startHubServer } from '../support/server'

let server: HubServer
let browser: Browser
const { problems, newPage } = pageWatcher()
const demo = (name: string) => `${name}@demo.appg-hub.test`

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  const page = await newPage(context)
  await page.goto(`${server.url}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(/\/dashboard$/)
  return page
}

/** Screenshots of the page as it is now, wide and at phone width. */
async function shootBoth(page: Page, name: string) {
  await shoot(page, `${name}-1280`)
  await page.setViewportSize({ width: 375, height: 740 })
  await page.waitForTimeout(200)
  await shoot(page, `${name}-375`)
  await page.setViewportSize({ width: 1280, height: 900 })
}

const nav = (page: Page) => page.getByRole('navigation', { name: 'Main' })

describe('the site administrator’s console', () => {
  it('is for the site administrator only: the header link and the pages', async () => {
    const officer = await signIn(demo('officer'))
    expect(await nav(officer).getByRole('link', { name: 'Administration' }).count()).toBe(0)
    for (const path of ['/admin', '/admin/audit', '/admin/group-history', '/admin/people']) {
      await officer.goto(`${server.url}${path}`)
      await officer.getByText('Only a site administrator can see this page.').waitFor()
    }
    const visitor = await newPage(await browser.newContext())
    await visitor.goto(`${server.url}/admin`)
    await settled(visitor)
    expect(await visitor.getByText('Only a site administrator can see this page.').count()).toBe(0)
    expect(await visitor.locator('h1').textContent()).toMatch(/sign in/i)

    const admin = await signIn(demo('admin'))
    await nav(admin).getByRole('link', { name: 'Administration' }).click()
    await admin.waitForURL(/\/admin$/)
    for (const name of [
      'People and accounts',
      'Groups without an officer account',
      'Audit log',
      'Group history',
      'Rule checks',
    ])
      await admin.getByRole('link', { name, exact: true }).waitFor()
    expect(await admin.getByRole('link', { name: 'Rule checks' }).getAttribute('href')).toBe('/admin/rules')
    await shootBoth(admin, 'admin')
  })

  it('grants and revokes site administration and ends a person’s sign-ins, all in the audit log', async () => {
    const admin = await signIn(demo('admin'))
    const member = await signIn(demo('member'))
    await admin.goto(`${server.url}/admin/people`)
    await admin.getByText(/1 site administrator/).waitFor()

    // The only site administrator cannot give up their own rights; the server says why.
    await admin.getByRole('button', { name: /^Revoke site administration from / }).click()
    await admin.getByRole('button', { name: 'Yes, revoke them' }).click()
    await admin.getByText(/You are the only site administrator/).waitFor()

    // The demo's member, James Penrose (member@demo.appg-hub.test).
    await admin.getByLabel('Name or email address').fill('Penrose')
    await admin.getByRole('button', { name: 'Find accounts' }).click()
    const card = admin.locator('li', { has: admin.getByRole('heading', { name: 'James Penrose' }) })
    await card.getByText('Not a site administrator').waitFor()
    await card.getByRole('button', { name: /a site administrator$/ }).click()
    await admin.getByText(/is a site administrator now\./).waitFor()
    await member.reload()
    await nav(member).getByRole('link', { name: 'Administration' }).waitFor()

    await card.getByRole('button', { name: /^Revoke site administration from / }).click()
    await card.getByRole('button', { name: 'Yes, revoke them' }).click()
    await admin.getByText(/is no longer a site administrator\./).waitFor()
    await shootBoth(admin, 'admin-people')

    await card.getByRole('button', { name: /^End sign-ins of / }).click()
    await card.getByRole('button', { name: 'Yes, end their sign-ins' }).click()
    await admin.getByText(/they must sign in again\./).waitFor()
    await member.reload()
    await nav(member).getByRole('link', { name: 'Sign in' }).waitFor()
    expect(await member.getByText('Sign out').count()).toBe(0)

    await admin.goto(`${server.url}/admin/audit?action=people.`)
    const rows = admin.getByRole('table', { name: 'Audit events' }).locator('tbody tr')
    await expect
      .poll(async () => (await rows.allTextContents()).map((t) => /people\.[a-z_]+/.exec(t)?.[0]))
      .toEqual(['people.sign_ins_ended', 'people.site_admin_revoked', 'people.site_admin_granted'])
    expect(await admin.getByLabel('Action').inputValue()).toBe('people.')
    const csv = admin.getByRole('link', { name: 'Download as CSV' })
    expect(await csv.getAttribute('href')).toBe('/admin/audit-log.csv?action=people.')
    const [download] = await Promise.all([admin.waitForEvent('download'), csv.click()])
    const text = await (await import('node:fs/promises')).readFile((await download.path())!, 'utf8')
    expect(text.split('\r\n')[0]).toBe('When (UTC),Action,Actor,Group,Item type,Item id,Details')
    expect(text.split('\r\n').filter((l) => l.includes(',people.')).length).toBe(3)

    // A bad range is refused on the form, with the rule's message.
    await admin.getByLabel('From').fill('2026-05-04')
    await admin.getByLabel('To').fill('2026-05-01')
    await admin.getByRole('button', { name: 'Filter' }).click()
    await admin.getByRole('link', { name: 'The first day must not be after the last.' }).waitFor()
    await admin.goto(`${server.url}/admin/audit`)
    await rows.first().waitFor()
    await shootBoth(admin, 'admin-audit')
  })

  it('shows a group’s log to its officers and its history to its people and the administrator', async () => {
    const officer = await signIn(demo('officer'))
    await officer.goto(`${server.url}/groups/personalised-medicine`)
    await officer.getByRole('heading', { name: 'History on the Register' }).waitFor()
    await officer.getByRole('link', { name: 'Audit log' }).click()
    await officer.waitForURL(/\/groups\/personalised-medicine\/audit$/)
    await officer.getByRole('table', { name: /^Audit events of / }).waitFor()
    await shootBoth(officer, 'group-audit')

    const member = await signIn(demo('member'))
    await member.goto(`${server.url}/groups/personalised-medicine`)
    await member.getByRole('heading', { name: 'History on the Register' }).waitFor()
    expect(await member.getByRole('link', { name: 'Audit log' }).count()).toBe(0)
    await member.goto(`${server.url}/groups/personalised-medicine/audit`)
    await member.getByText(/Only the chair and officers of .* can read its audit log\./).waitFor()

    const visitor = await newPage(await browser.newContext())
    await visitor.goto(`${server.url}/groups/cancer`)
    await settled(visitor)
    expect(await visitor.getByRole('heading', { name: 'History on the Register' }).count()).toBe(0)

    const admin = await signIn(demo('admin'))
    await admin.goto(`${server.url}/admin/group-history`)
    await admin.getByLabel('Group').fill('cancer')
    await admin.getByRole('button', { name: 'Find the group' }).click()
    await admin
      .getByRole('link', { name: /Cancer/ })
      .first()
      .click()
    await admin.waitForURL(/group=/)
    await admin.getByRole('heading', { name: 'History on the Register' }).waitFor()
    await settled(admin)
    await shootBoth(admin, 'admin-group-history')
    await admin.goto(`${server.url}/groups/personalised-medicine`)
    await admin.getByRole('heading', { name: 'History on the Register' }).waitFor()
    await admin.getByRole('heading', { name: 'History on the Register' }).scrollIntoViewIfNeeded()
    await shoot(admin, 'group-history-1280', false)
  })

  it('shows no CSP violation or page error', () => {
    expect(problems).toEqual([])
  })
})
