/**
 * Every page of the client (apps/web/src/routes.ts), signed out and signed in, with demo content:
 * at 375 px nothing is wider than the phone (issue #18 item 7), and axe-core finds no violation.
 */

import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot, signInThroughForm } from '../support/e2e'
import {
  axeViolations,
  type DemoContent,
  demo,
  everyPath,
  makeDemoContent,
  overflowing,
  settled,
} from '../support/every-page'
import { type HubServer, startHubServer } from '../support/server'

const PHONE = { width: 375, height: 740 }

let server: HubServer
let browser: Browser
let content: DemoContent
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()
type Visitor = 'signed out' | 'signed in' | 'site admin'
const visitors: Record<Visitor, () => Promise<Page>> = {
  'signed out': async () => {
    const context = await browser.newContext({ viewport: PHONE })
    contexts.push(context)
    return newPage(context)
  },
  'signed in': async () => {
    // The officer of Personalised Medicine and of Cancer reads every item made for these tests.
    const page = await signInThroughForm({
      browser,
      newPage,
      contexts,
      url: server.url,
      email: demo('officer'),
      password: 'appg-demo-2026',
    })
    await page.setViewportSize(PHONE)
    return page
  },
  // The console's pages as the one person who sees them (others see a refusal, visited above).
  'site admin': async () => {
    const page = await signInThroughForm({
      browser,
      newPage,
      contexts,
      url: server.url,
      email: demo('admin'),
      password: 'appg-demo-2026',
    })
    await page.setViewportSize(PHONE)
    return page
  },
}

/** The site administrator visits the console's pages and the pages it adds to a group's. */
const ADMIN_PATHS = (path: string) => path.startsWith('/admin') || /^\/groups\/[a-z-]+(\/audit)?$/.test(path)

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

describe.each(['signed out', 'signed in', 'site admin'] as const)('every page, %s', (who) => {
  let page: Page
  const paths = () => everyPath(content).filter((path) => who !== 'site admin' || ADMIN_PATHS(path))

  beforeAll(async () => {
    page = await visitors[who]()
  })

  it('fits a 375 px phone and has no axe-core violation', async () => {
    const failures: string[] = []
    for (const path of paths()) {
      await page.goto(`${server.url}${path}`)
      try {
        await settled(page)
      } catch {
        failures.push(`${path}: no heading, or still loading, after 15 s`)
        continue
      }
      const wide = await overflowing(page)
      if (wide.scrollWidth > PHONE.width || wide.elements.length > 0)
        failures.push(`${path}: ${wide.scrollWidth} px wide; ${wide.elements.slice(0, 5).join(', ')}`)
      for (const violation of await axeViolations(page)) failures.push(`${path}: axe ${violation}`)
      if (path.startsWith('/documents/') && !path.endsWith('/print'))
        await shoot(page, `document-375-${who.replace(' ', '-')}`)
    }
    expect(failures).toEqual([])
  })
})

describe('wide content scrolls inside a focusable region', () => {
  it('puts a document body’s table in a named region that takes focus', async () => {
    const page = await visitors['signed in']()
    await page.goto(`${server.url}/documents/${content.documentId}`)
    await settled(page)
    const region = page.getByRole('region', { name: /^Table: Trust, Invited, Screened/ })
    await region.focus()
    expect(
      await region.evaluate((el) => el === document.activeElement && el.scrollWidth > el.clientWidth),
    ).toBe(true)
  })

  it('shows no CSP violation or page error', () => {
    expect(problems).toEqual([])
  })
})
