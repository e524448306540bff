/**
 * Attached files in the browser, against the real server and client: the Personalised Medicine
 * secretariat attaches files to a topic, a session, a document and its own comment through the
 * panel's file picker; a page of HTML named `.pdf` is refused with a message; a member sees the
 * files but cannot add any; a Word file becomes a new document through "Import from Word", and
 * the document offers "Download as Word". Screenshots at 1280 and 375 px.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot, signInThroughForm } from '../support/e2e'
import { PDF, PNG, wordFixture } from '../support/files-samples'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'appg-demo-2026'
const demo = (name: string) => `${name}@demo.appg-hub.test`
const PM = 'personalised-medicine'

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
const { problems, newPage } = pageWatcher()
let topicId = ''
let sessionId = ''
let documentId = ''

function signIn(name: string): Promise<Page> {
  return signInThroughForm({
    browser,
    newPage,
    contexts,
    url: server.url,
    email: demo(name),
    password: PASSWORD,
  })
}

/** Picks files in the panel's "Add files" input and waits for the list to show `expectName`. */
async function attach(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]) {
  await page.getByLabel('Add files', { exact: true }).last().setInputFiles(files)
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
  const secretariat = await signedIn(server.url, demo('secretariat'))
  topicId = (
    await secretariat.topics.create.mutate({
      groupSlug: PM,
      title: 'Evidence on lung cancer screening',
      summary: 'Papers, slides and data for the joint work.',
      tags: [],
      visibility: 'participants',
    })
  ).id
  sessionId = (
    await secretariat.sessions.create.mutate({
      groupSlug: PM,
      title: 'Screening: the evidence session',
      description: 'Slides and papers.',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '11:30',
      place: 'Committee Room 10, House of Commons',
      visibility: 'participants',
      capacity: 40,
      topicId: null,
    })
  ).id
  documentId = (
    await secretariat.documents.create.mutate({
      groupSlug: PM,
      kind: 'report',
      title: 'Screening report',
      body: '# Findings\n\nEarly detection works.',
      visibility: 'participants',
    })
  ).id
  await secretariat.comments.add.mutate({
    itemType: 'topic',
    itemId: topicId,
    body: 'The slides from the round table.',
  })
}, 180_000)

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.close()
})

describe('attached files in the browser', () => {
  it('attaches files to a topic and its comment, refusing a disguised one', async () => {
    const page = await signIn('secretariat')
    await page.goto(`${server.url}/topics/${topicId}`)
    await page.getByRole('heading', { name: 'Files', level: 2 }).waitFor()
    await page.getByText('No files yet.').waitFor()
    await attach(page, [
      { name: 'Screening evidence.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) },
      { name: 'uptake-chart.png', mimeType: 'image/png', buffer: Buffer.from(PNG) },
    ])
    await page.getByRole('link', { name: 'Screening evidence.pdf' }).waitFor()
    await page.getByRole('link', { name: 'uptake-chart.png' }).waitFor()
    await expect(page.getByText(/PDF, \d+ bytes/).textContent()).resolves.toContain('PDF')

    await attach(page, [
      {
        name: 'minutes.pdf',
        mimeType: 'application/pdf',
        buffer: Buffer.from('<!doctype html><script>alert(1)</script>'),
      },
    ])
    const alert = page.getByRole('alert').filter({ hasText: 'minutes.pdf' })
    await alert.waitFor()
    expect(await alert.textContent()).toMatch(/Judging by its content, this file is not one the hub accepts/)
    expect(await page.getByRole('link', { name: 'minutes.pdf' }).count()).toBe(0)

    // The secretariat's own comment takes files too.
    const comment = page.locator('.comment').filter({ hasText: 'The slides from the round table.' })
    await comment
      .getByLabel('Attach files')
      .setInputFiles([
        { name: 'round-table-slides.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) },
      ])
    await comment.getByRole('link', { name: 'round-table-slides.pdf' }).waitFor()

    // A download is the file itself.
    const response = await page.request.get(
      server.url + (await page.getByRole('link', { name: 'Screening evidence.pdf' }).getAttribute('href')),
    )
    expect(response.status()).toBe(200)
    expect(response.headers()['content-disposition']).toMatch(/^attachment;/)
    await shoot(page, 'files-topic-1280')
    await page.setViewportSize({ width: 375, height: 800 })
    await page.getByRole('heading', { name: 'Files', level: 2 }).evaluate((el) => el.scrollIntoView())
    await shoot(page, 'files-topic-375', false)
    await page.setViewportSize({ width: 1280, height: 900 })
  })

  it('lets a member see the files but not add or delete them', async () => {
    const page = await signIn('member')
    await page.goto(`${server.url}/topics/${topicId}`)
    await page.getByRole('link', { name: 'Screening evidence.pdf' }).waitFor()
    expect(await page.getByLabel('Add files', { exact: true }).count()).toBe(0)
    expect(await page.getByRole('button', { name: 'Delete Screening evidence.pdf' }).count()).toBe(0)
  })

  it('attaches files to a session and a document, with new versions and deletion', async () => {
    const page = await signIn('secretariat')
    await page.goto(`${server.url}/sessions/${sessionId}`)
    await page.getByRole('heading', { name: 'Files', level: 2 }).waitFor()
    await attach(page, [
      { name: 'agenda.csv', mimeType: 'text/csv', buffer: Buffer.from('item,minutes\nWelcome,5\n') },
    ])
    await page.getByRole('link', { name: 'agenda.csv' }).waitFor()

    await page.goto(`${server.url}/documents/${documentId}`)
    await page.getByRole('link', { name: 'Download as Word' }).waitFor()
    await attach(page, [{ name: 'annex.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) }])
    await page.getByRole('link', { name: 'annex.pdf' }).waitFor()
    await page
      .getByLabel('New version of annex.pdf')
      .setInputFiles([{ name: 'annex v2.pdf', mimeType: 'application/pdf', buffer: Buffer.from(PDF) }])
    await page.getByRole('link', { name: 'annex v2.pdf' }).waitFor()
    await page.getByText('Earlier versions (1)').click()
    await page.getByRole('link', { name: 'Version 1: annex.pdf' }).waitFor()
    await shoot(page, 'files-document-1280')
    await page.getByRole('button', { name: 'Delete annex v2.pdf' }).click()
    await page.getByRole('button', { name: 'Yes, delete it' }).click()
    await page.getByText('“annex v2.pdf” deleted.').waitFor()
    expect(await page.getByRole('link', { name: 'annex v2.pdf' }).count()).toBe(0)
  })

  it('imports a Word file as a new document', async () => {
    const page = await signIn('secretariat')
    await page.goto(`${server.url}/groups/${PM}/documents/new`)
    await page.getByRole('heading', { name: 'Import from Word' }).waitFor()
    await shoot(page, 'files-word-import-1280')
    await page.getByLabel('Choose a Word file').setInputFiles([
      {
        name: 'Screening.docx',
        mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        buffer: Buffer.from(await wordFixture()),
      },
    ])
    await page.waitForURL(/\/documents\/[\w-]+$/)
    await page.getByRole('heading', { name: 'Screening evidence' }).first().waitFor()
    await page.getByRole('link', { name: 'Download as Word' }).waitFor()
    const href = await page.getByRole('link', { name: 'Download as Word' }).getAttribute('href')
    const docx = await page.request.get(server.url + href)
    expect(docx.status()).toBe(200)
    expect(docx.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    )
  })

  it('shows the group’s storage to its officers', async () => {
    const page = await signIn('officer')
    await page.goto(`${server.url}/groups/${PM}`)
    await page.getByRole('heading', { name: 'Storage for files' }).waitFor()
    expect(await page.getByText(/of 1024\.0 MB used/).count()).toBe(1)
  })

  it('breaks no Content Security Policy and throws no errors', () => {
    expect(problems).toEqual([])
  })
})
