/**
 * A save without the live connection that overlaps with someone else's: the resolution screen.
 * Tom Whitfield (the PHG Foundation secretariat) opens the live editor; then his network blocks
 * WebSockets (the page's HTTP still works). He changes a line; meanwhile Sarah Okafor (an
 * officer) saves the same line through the API. "Save version" saves his text through the page's
 * three-way merge, which overlaps: the screen shows both versions side by side under their
 * authors' names — never `<<<<<<<` markers — and saves the one he chooses.
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, SHOTS, signInThroughForm } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

const demo = (name: string) => `${name}@demo.appg-hub.test`
const TITLE = 'Genomic testing: briefing'
const BODY = [
  '# Genomic testing',
  '',
  'Testing at diagnosis finds the right treatment sooner.',
  '',
  'Access varies.',
].join('\n')

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()

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

it('shows an overlapping non-live save side by side with its authors, and saves the choice', async () => {
  const officer = await signedIn(server.url, demo('officer'))
  const { id } = await officer.documents.create.mutate({
    groupSlug: 'personalised-medicine',
    kind: 'briefing',
    title: TITLE,
    body: BODY,
    visibility: 'participants',
  })
  const page = await signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: demo('secretariat'),
    password: 'appg-demo-2026',
  })
  // The page's WebSockets to the hub pass through this route, so that the test can cut them.
  let blocked = false
  const sockets: WebSocketRoute[] = []
  await page.routeWebSocket(/\/collab\//, (ws) => {
    if (blocked) return ws.close({ code: 4000, reason: 'Blocked by the network' })
    sockets.push(ws)
    ws.connectToServer()
  })
  await page.goto(`${server.url}/documents/${id}`)
  await expect.poll(() => page.locator('.page-heading h1').textContent()).toBe(TITLE)
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await expect
    .poll(() => page.locator('.live-status').textContent(), { timeout: 15_000 })
    .toContain('Connected:')

  // From now on the network refuses WebSockets; the page's HTTP still works.
  blocked = true
  for (const ws of sockets) await ws.close({ code: 4000, reason: 'Blocked by the network' })
  await expect
    .poll(() => page.locator('.live-status').textContent(), { timeout: 15_000 })
    .toContain('Offline')

  await changeLine(page, 'Access varies.', ' In Tom’s words.')
  const head = await officer.documents.get.query({ id })
  await officer.documents.save.mutate({
    id,
    baseRevisionId: head.head.id,
    body: BODY.replace('Access varies.', 'Access varies, says Sarah.'),
  })

  await page.getByRole('button', { name: 'Save version' }).click()
  const screen = page.locator('.conflict')
  await expect.poll(() => screen.locator('h2').textContent()).toBe('Your changes overlap with revision 2')
  const overlap = screen.getByTestId('conflict-overlap')
  expect(await overlap.count()).toBe(1)
  expect(await overlap.getByTestId('conflict-yours').textContent()).toBe('Access varies. In Tom’s words.')
  expect(await overlap.getByTestId('conflict-theirs').textContent()).toBe('Access varies, says Sarah.')
  expect(await overlap.locator('figcaption').allTextContents()).toEqual([
    'Tom Whitfield (yours)',
    'Sarah Okafor (revision 2)',
  ])
  // Side by side: the two versions on one row.
  const [mine, theirs] = await Promise.all(
    ['conflict-yours', 'conflict-theirs'].map((t) => overlap.getByTestId(t).boundingBox()),
  )
  expect(mine!.y).toBe(theirs!.y)
  expect(mine!.x).toBeLessThan(theirs!.x)
  expect(await page.locator('body').textContent()).not.toMatch(/<<<<<<<|>>>>>>>/)
  await page.screenshot({ path: join(SHOTS, 'documents-conflict.png'), fullPage: true })

  await overlap.getByLabel('Both, yours first').check()
  expect(await page.locator('#conflict-merged').inputValue()).toBe(
    BODY.replace('Access varies.', 'Access varies. In Tom’s words.\nAccess varies, says Sarah.'),
  )
  await page.getByRole('button', { name: 'Save this text' }).click()
  await expect.poll(() => page.locator('.doc-body').textContent()).toContain('In Tom’s words.')
  expect(await page.locator('.doc-body').textContent()).toContain('says Sarah.')
  expect((await officer.documents.get.query({ id })).body).toBe(
    BODY.replace('Access varies.', 'Access varies. In Tom’s words.\nAccess varies, says Sarah.'),
  )
  expect(problems).toEqual([])
})

/** Types at the end of the editor line holding `text`. */
async function changeLine(page: Page, text: string, typed: string) {
  await page.locator('.cm-line', { hasText: text }).click()
  await page.keyboard.press('End')
  await page.keyboard.type(typed)
}
