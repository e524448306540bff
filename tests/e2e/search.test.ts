/**
 * Searching in the browser: the header's box on every page, the results page with highlighted
 * words, kind filters, "Show more results" paging, the keyboard path, and the same search signed
 * out and in (a participants-only topic is its groups' alone). Screenshots at 1280 and 375 px.
 */

import { NEEDS_REAL_REGISTER, REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot, signInThroughForm } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'appg-demo-2026'
const demo = (name: string) => `${name}@demo.appg-hub.test`

let server: HubServer
let browser: Browser
let topicId = ''
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()

async function signedOutPage(width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 } })
  contexts.push(context)
  return newPage(context)
}

beforeAll(async () => {
  buildClientIfStale()
  // The whole Register when it is beside the repository: paging needs more than a page of groups.
  server = await startHubServer({ realRegisterDir: REAL_REGISTER_DIR ?? undefined })
  browser = await launchBrowser()
  const officer = await signedIn(server.url, demo('officer'))
  const created = await officer.topics.create.mutate({
    groupSlug: 'personalised-medicine',
    title: 'Pharmacogenomic testing before chemotherapy',
    summary: 'Which **pharmacogenomic** tests should run before <b>chemotherapy</b> starts.',
    tags: [],
    visibility: 'participants',
  })
  topicId = created.id
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.close()
})

describe('search', () => {
  it.skipIf(!REAL_REGISTER_DIR)(
    `signed out: the header box finds Register groups, with highlighted words; kinds filter; more results page in ${NEEDS_REAL_REGISTER}`,
    async () => {
      const page = await signedOutPage()
      await page.goto(`${server.url}/register`)
      // "/" moves focus to the header's search box from anywhere outside a field.
      await page.keyboard.press('/')
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('header-search-q')
      await page.keyboard.type('health')
      await page.keyboard.press('Enter')
      await page.waitForURL('**/search?q=health')
      await page.locator('.search-result').first().waitFor()
      await expect
        .poll(() => page.locator('.results__count').textContent())
        .toContain('Showing the best 20 results')
      expect(await page.locator('.search-result mark').first().textContent()).toMatch(/^health/i)
      expect(await page.locator('#header-search-q').inputValue()).toBe('health')

      await page.getByRole('button', { name: 'Show more results' }).click()
      await expect.poll(() => page.locator('.search-result').count()).toBeGreaterThan(20)
      // Focus moves to the first new result, so reading continues there.
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.closest('.search-result') !== null))
        .toBe(true)

      // Any group among the results can be chosen to narrow the search.
      await page.getByLabel('Group', { exact: true }).selectOption('mental-health')
      await page.waitForURL('**/search?q=health&group=mental-health')
      await expect
        .poll(() => page.locator('.search-result .card__title').allTextContents())
        .toEqual(['All-Party Parliamentary Group on Mental Health'])
      await page.goto(`${server.url}/search?q=health`)
      await page.locator('.search-result').first().waitFor()
      await page.getByLabel('Groups').check()
      await page.waitForURL('**/search?q=health&type=group')
      await expect.poll(() => page.locator('.search-result .badge').allTextContents()).not.toContain('Topic')
      await shoot(page, 'search-1280')

      // The participants-only topic is not there for the public.
      await page.goto(`${server.url}/search?q=pharmacogenomic`)
      await expect
        .poll(() => page.locator('.results__count').textContent())
        .toContain('Nothing you can read matches')
    },
  )

  it('signed in: the topic is found, its snippet marks the words and shows its markup as text', async () => {
    const page = await signInThroughForm({
      browser,
      newPage,
      contexts,
      url: server.url,
      email: demo('officer'),
      password: PASSWORD,
    })
    await page.locator('#header-search-q').fill('pharmacogenomic chemo')
    await page.locator('#header-search-q').press('Enter')
    await page.waitForURL('**/search?q=pharmacogenomic%20chemo')
    const result = page.locator('.search-result').first()
    await result.waitFor()
    expect(await result.locator('.card__title a').getAttribute('href')).toBe(`/topics/${topicId}`)
    expect((await result.locator('mark').allTextContents()).map((t) => t.toLowerCase())).toEqual([
      'pharmacogenomic',
      'chemotherapy',
    ])
    // "<b>" in the summary is shown as text, never as markup.
    expect(await result.locator('.search-result__snippet b').count()).toBe(0)
    expect(await result.locator('.search-result__snippet').textContent()).toContain('<b>')
    await shoot(page, 'search-signed-in-1280', false)
    // Keyboard: from the search field, Tab reaches the results' links.
    await result.locator('.card__title a').focus()
    await page.keyboard.press('Enter')
    await page.waitForURL(`**/topics/${topicId}`)
  })

  it('at 375 px the header box and the results fit the screen', async () => {
    const page = await signedOutPage(375)
    await page.goto(`${server.url}/search?q=health`)
    await page.locator('.search-result').first().waitFor()
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    expect(overflow).toBeLessThanOrEqual(0)
    await shoot(page, 'search-375')
    await shoot(page, 'search-375-top', false)
    expect(problems).toEqual([])
  })
})
