/**
 * Rule checks in the browser, against the real server and client on the demo Register: an officer
 * of the APPG on Cancer sees the group's checks on its page, each with its rule, the Guide cited,
 * what the Register shows, the result in words and what to do; the public and a member of no role
 * there do not; the site administrator's /admin/rules lists failing groups. Screenshots of the
 * section and the admin page at 1280 and 375 px, each fitting the width with no axe-core violation.
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, SHOTS, shoot, signInThroughForm } from '../support/e2e'
import { axeViolations, settled } from '../support/every-page'
import { type HubServer, startHubServer } from '../support/server'

const demo = (name: string) => `${name}@demo.appg-hub.test`
const WIDTHS = [1280, 375] as const

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()

function signIn(name: string): Promise<Page> {
  return signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: demo(name),
    password: 'appg-demo-2026',
  })
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  for (const context of contexts) await context.close()
  await browser?.close()
  await server?.close()
})

describe('rule checks', () => {
  it('shows an officer the group’s checks, with the Guide cited and the result in words', async () => {
    const page = await signIn('officer')
    await page.goto(`${server.url}/groups/cancer`)
    await settled(page)
    const section = page.locator('section', {
      has: page.getByRole('heading', { name: 'Rule checks', level: 2 }),
    })
    await section.waitFor({ timeout: 15_000 })
    const checks = section.locator('.rule-check')
    expect(await checks.count()).toBe(9)
    await expect
      .poll(() =>
        section.getByRole('heading', { name: /The Chair & Registered Contact is an MP/, level: 3 }).count(),
      )
      .toBe(1)
    for (const text of await checks.allInnerTexts()) {
      expect(text).toMatch(/^(Passes|Fails|Not known) /)
      expect(text).toMatch(/Guide to the Rules on APPGs/)
      expect(text).toMatch(/What to do/)
    }
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      await section.scrollIntoViewIfNeeded()
      await section.screenshot({ path: join(SHOTS, `rule-checks-group-${width}.png`) })
      const wide = await page.evaluate(() => document.documentElement.scrollWidth)
      expect(wide).toBeLessThanOrEqual(width)
      expect(await axeViolations(page)).toEqual([])
    }
  })

  it('shows the public no rule checks, and nor the members of other groups', async () => {
    const context = await browser.newContext()
    contexts.push(context)
    const anonymous = await newPage(context)
    const member = await signIn('respiratory-officer')
    for (const page of [anonymous, member]) {
      await page.goto(`${server.url}/groups/cancer`)
      await settled(page)
      await page.getByRole('heading', { name: 'Members', level: 2 }).waitFor()
      expect(await page.getByRole('heading', { name: 'Rule checks' }).count()).toBe(0)
    }
  })

  it('lists failing groups with each failing check for the site administrator', async () => {
    const page = await signIn('admin')
    await page.goto(`${server.url}/admin/rules`)
    await settled(page)
    await page.getByText(/failing at least one check/).waitFor({ timeout: 15_000 })
    const groups = page.locator('li.section--boxed')
    expect(await groups.count()).toBeGreaterThan(0)
    for (const text of (await groups.allInnerTexts()).slice(0, 5)) expect(text).toMatch(/Fails /)
    expect(await page.getByText('Not known', { exact: true }).count()).toBe(0)
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 900 })
      await shoot(page, `admin-rules-${width}`, false)
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width)
      expect(await axeViolations(page)).toEqual([])
    }
    expect(problems).toEqual([])
  })
})
