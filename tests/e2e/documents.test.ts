/**
 * Co-editing a briefing in the browser, against the real server and client. Set-up through the
 * API: the demo officer (an officer of both groups) writes a briefing for the APPG on Personalised
 * Medicine and brings in the APPG on Cancer as co-author through the handshake. Then the PHG
 * Foundation secretariat (Personalised Medicine) and the Macmillan secretariat (Cancer) open it at
 * once: edits to different paragraphs both land (the second merged); edits to the same sentence
 * make the second a conflict, resolved in the page; the history shows every revision with its
 * diff. Then the officer asks to publish it and consents for the co-author group: the public page
 * and the print view carry the notice. A
 * document made of XSS payloads runs nothing, signed out or in the editor, and keeps its source.
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { XSS_PAYLOADS } from '../support/documents/xss'
import { buildClientIfStale, pageWatcher, SHOTS, signInThroughForm } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'appg-demo-2026'
const demo = (name: string) => `${name}@demo.appg-hub.test`
const TITLE = 'Personalised medicine for lung cancer: briefing'
const BODY = [
  '# Personalised medicine for lung cancer',
  '',
  'Genomic testing at diagnosis finds the right treatment sooner.',
  '',
  'Paragraph two: access to testing varies between trusts.',
  '',
  'Paragraph three: data sharing between trusts is slow.',
  '',
  'Paragraph four: the workforce needs genomic training.',
].join('\n')

let server: HubServer
let browser: Browser
let docId = ''
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

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true })
}

async function openAndEdit(page: Page) {
  await page.goto(`${server.url}/documents/${docId}`)
  await expect.poll(() => page.locator('.page-heading h1').textContent()).toBe(TITLE)
  await page.getByRole('button', { name: 'Edit', exact: true }).click()
  await page.locator('#doc-body').waitFor()
}

function status(page: Page) {
  return page.locator('.alert--success').last()
}

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
  const officer = await signedIn(server.url, demo('officer'))
  const created = await officer.documents.create.mutate({
    groupSlug: 'personalised-medicine',
    kind: 'briefing',
    title: TITLE,
    body: BODY,
    visibility: 'public',
  })
  docId = created.id
  const { invitations } = await officer.invitations.send.mutate({
    itemType: 'document',
    itemId: docId,
    toGroupSlugs: ['cancer'],
    message: 'Will Macmillan co-write the briefing?',
  })
  await officer.invitations.accept.mutate({ id: invitations[0]!.id })
})

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined)
  await browser?.close()
  await server?.close()
})

describe('co-editing a briefing', () => {
  let phg: Page
  let macmillan: Page

  it('merges edits to different paragraphs made at once by two secretariats', async () => {
    phg = await signIn('secretariat')
    macmillan = await signIn('cancer-secretariat')
    await openAndEdit(phg)
    await openAndEdit(macmillan)
    // Each sees the other has it open (the second at once, the first at its next poll).
    await expect.poll(() => macmillan.locator('.doc-presence').textContent()).toContain('Tom Whitfield')
    await expect
      .poll(() => phg.locator('.doc-presence').textContent(), { timeout: 15_000 })
      .toMatch(/Also open now: .+/)

    await phg
      .locator('#doc-body')
      .fill(BODY.replace('access to testing varies', 'access to testing varies widely'))
    await macmillan
      .locator('#doc-body')
      .fill(BODY.replace('workforce needs', 'cancer workforce urgently needs'))
    await phg.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => status(phg).textContent()).toBe('Saved as revision 2.')
    // Macmillan's editor learns that someone saved meanwhile.
    await expect
      .poll(() => macmillan.locator('.doc-presence--stale').textContent(), { timeout: 15_000 })
      .toContain('Revision 2 was saved since you started editing revision 1.')
    await shot(macmillan, 'documents-editor-stale')
    await macmillan.getByRole('button', { name: 'Save', exact: true }).click()
    await expect
      .poll(() => status(macmillan).textContent())
      .toBe('Saved as revision 3, merged with changes others saved since you started.')
    const text = await macmillan.locator('.doc-body').textContent()
    expect(text).toContain('access to testing varies widely')
    expect(text).toContain('cancer workforce urgently needs')
    await shot(macmillan, 'documents-merged')
  })

  it('shows the second editor of the same sentence a conflict to resolve in the page', async () => {
    await phg.reload()
    await openAndEdit(phg)
    await openAndEdit(macmillan)
    const current = await phg.locator('#doc-body').inputValue()
    expect(current).toContain('cancer workforce urgently needs')
    const sentence = 'Genomic testing at diagnosis finds the right treatment sooner.'
    await phg
      .locator('#doc-body')
      .fill(
        current.replace(sentence, 'Genomic testing at diagnosis finds the right targeted treatment sooner.'),
      )
    await macmillan
      .locator('#doc-body')
      .fill(current.replace(sentence, 'Genomic testing at diagnosis finds the right treatment weeks sooner.'))
    await phg.getByRole('button', { name: 'Save', exact: true }).click()
    await expect.poll(() => status(phg).textContent()).toBe('Saved as revision 4.')
    await macmillan.getByRole('button', { name: 'Save', exact: true }).click()
    const panel = macmillan.locator('.conflict')
    await panel.waitFor()
    expect(await macmillan.locator('#conflict-heading').textContent()).toBe(
      'Your changes overlap with revision 4',
    )
    await expect.poll(() => macmillan.evaluate(() => document.activeElement?.id)).toBe('conflict-heading')
    expect(await macmillan.getByTestId('conflict-base').textContent()).toContain(sentence)
    expect(await macmillan.getByTestId('conflict-theirs').textContent()).toContain(
      'right targeted treatment sooner',
    )
    expect(await macmillan.getByTestId('conflict-yours').textContent()).toContain(
      'right treatment weeks sooner',
    )
    const marked = await macmillan.locator('#conflict-merged').inputValue()
    expect(marked).toContain('<<<<<<< yours')
    await shot(macmillan, 'documents-conflict')
    // Saving with the markers left in is refused in the page.
    await macmillan.getByRole('button', { name: 'Save the merged text' }).click()
    await expect
      .poll(() => macmillan.locator('#conflict-merged-error').textContent())
      .toContain('Choose between')
    const resolved = current.replace(
      sentence,
      'Genomic testing at diagnosis finds the right targeted treatment weeks sooner.',
    )
    await macmillan.locator('#conflict-merged').fill(resolved)
    await macmillan.getByRole('button', { name: 'Save the merged text' }).click()
    await expect.poll(() => status(macmillan).textContent()).toBe('Saved as revision 5.')
    expect(await macmillan.locator('.doc-body').textContent()).toContain(
      'right targeted treatment weeks sooner',
    )
  })

  it('lists every revision in the history, each with a correct diff', async () => {
    const rows = macmillan.locator('#doc-history tbody tr')
    await expect.poll(() => rows.count()).toBe(5)
    expect(await rows.first().textContent()).toContain('Rachel Adeyemi')
    const merged = macmillan.locator('#doc-history tr[data-revision="3"]')
    expect(await merged.textContent()).toContain('Merged')
    expect(await merged.textContent()).toContain('started from 1')

    await macmillan.getByRole('button', { name: 'Changes in revision 3' }).click()
    const diff = macmillan.locator('.diff')
    const insTexts = async () => (await diff.locator('ins').allTextContents()).map((t) => t.trim())
    await expect.poll(() => insTexts()).toEqual(['cancer', 'urgently'])
    expect(await diff.locator('del').count()).toBe(0)
    expect(await macmillan.locator('#diff-heading').textContent()).toBe(
      'Changes from revision 2 to revision 3',
    )

    await macmillan.getByRole('button', { name: 'Changes in revision 2' }).click()
    await expect.poll(() => insTexts()).toEqual(['widely'])

    await macmillan.getByRole('button', { name: 'Changes in revision 4' }).click()
    await expect.poll(() => insTexts()).toEqual(['targeted'])

    await macmillan.getByRole('button', { name: 'Changes in revision 5' }).click()
    await expect.poll(() => insTexts()).toEqual(['weeks'])
    expect(await diff.locator('.diff__line--removed').textContent()).toContain('Removed:')
    await macmillan.locator('.diff').scrollIntoViewIfNeeded()
    await shot(macmillan, 'documents-history-diff')
  })

  it('publishes: the public page and the print view carry the notice, signed out', async () => {
    const officer = await signIn('officer')
    await officer.goto(`${server.url}/documents/${docId}`)
    // Asking gives the consent of Personalised Medicine; the demo officer also answers for Cancer,
    // the co-author group, whose consent is a second, deliberate step.
    await officer.getByRole('button', { name: 'Ask to publish' }).click()
    await expect.poll(() => officer.locator('.publication').textContent()).toContain('Waiting for consent')
    await officer.getByRole('button', { name: 'Consent for my group' }).click()
    await expect
      .poll(() => officer.locator('.publication').textContent(), { timeout: 10_000 })
      .toContain('Approved by every group')

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    const anon = await newPage(context)
    await anon.goto(`${server.url}/documents/${docId}`)
    await expect.poll(() => anon.locator('.page-heading h1').textContent()).toBe(TITLE)
    const notice = anon.locator('.doc-notice')
    expect(await notice.textContent()).toContain(
      'not an official publication of the House of Commons or the House of Lords',
    )
    expect(await notice.textContent()).toContain('Cancer')
    expect(await anon.getByRole('button', { name: 'Edit', exact: true }).count()).toBe(0)
    await anon.getByRole('link', { name: 'Print view' }).click()
    await anon.waitForURL(`**/documents/${docId}/print`)
    await anon.locator('.doc-print .doc-notice').waitFor()
    await anon.emulateMedia({ media: 'print' })
    expect(await anon.locator('.site-header').isVisible()).toBe(false)
    expect(await anon.locator('.doc-print .doc-notice').isVisible()).toBe(true)
    await shot(anon, 'documents-print')
  })

  it('shows links and backlinks, and a restricted item as restricted, never by its title', async () => {
    const diabetes = await signedIn(server.url, demo('diabetes-officer'))
    const secret = await diabetes.topics.create.mutate({
      groupSlug: 'diabetes',
      title: 'Diabetes private planning topic',
      summary: 'Only for the diabetes group.',
      tags: [],
      visibility: 'participants',
    })
    const officer = await signedIn(server.url, demo('officer'))
    const pmTopic = await officer.topics.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Lung cancer genomic testing topic',
      summary: 'Joint work on testing.',
      tags: [],
      visibility: 'participants',
    })
    const { id } = await officer.documents.create.mutate({
      groupSlug: 'personalised-medicine',
      kind: 'notes',
      title: 'Notes with references',
      body: `See [[topic:${secret.id}]] for the diabetes side.`,
      visibility: 'participants',
    })
    const phg = await signIn('secretariat')
    await phg.goto(`${server.url}/documents/${id}`)
    await expect.poll(() => phg.locator('.page-heading h1').textContent()).toBe('Notes with references')
    const links = phg.locator('#doc-links')
    await expect.poll(() => links.textContent()).toContain('Restricted item (you cannot see it)')
    // Link the topic by pasting its address.
    await phg.locator('#link-target').fill(`${server.url}/topics/${pmTopic.id}`)
    await phg.getByRole('button', { name: 'Add the link' }).click()
    await expect.poll(() => links.textContent()).toContain('Lung cancer genomic testing topic')
    expect(await phg.content()).not.toContain('Diabetes private planning topic')
    await shot(phg, 'documents-links')
    // The topic's page lists the document; the diabetes topic's page shows no title of it.
    await phg.getByRole('link', { name: 'Lung cancer genomic testing topic' }).click()
    await phg.waitForURL(`**/topics/${pmTopic.id}`)
    await expect.poll(() => phg.locator('#topic-documents').textContent()).toContain('Notes with references')
    const dPage = await signIn('diabetes-officer')
    await dPage.goto(`${server.url}/topics/${secret.id}`)
    await expect
      .poll(() => dPage.locator('.page-heading h1').textContent())
      .toBe('Diabetes private planning topic')
    await dPage.locator('#links-heading').waitFor()
    expect(await dPage.content()).not.toContain('Notes with references')
  })

  it('renders an XSS corpus without running any of it, and keeps the source whole', async () => {
    const officer = await signedIn(server.url, demo('officer'))
    const body = XSS_PAYLOADS.join('\n\n')
    const { id } = await officer.documents.create.mutate({
      groupSlug: 'personalised-medicine',
      kind: 'notes',
      title: 'XSS corpus',
      body,
      visibility: 'public',
    })
    await officer.documents.publish.mutate({ id })
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
    contexts.push(context)
    const anon = await newPage(context)
    let dialogs = 0
    anon.on('dialog', (d) => {
      dialogs++
      void d.dismiss()
    })
    await anon.goto(`${server.url}/documents/${id}`)
    await expect.poll(() => anon.locator('.page-heading h1').textContent()).toBe('XSS corpus')
    await anon.locator('.doc-body a').first().waitFor()
    // Hover and click what could carry a handler; nothing may run.
    for (const link of await anon.locator('.doc-body a').all()) await link.hover()
    expect(await anon.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(
      await anon.locator('.doc-body script, .doc-body img, .doc-body svg, .doc-body iframe').count(),
    ).toBe(0)
    const hrefs = await anon
      .locator('.doc-body a')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''))
    expect(hrefs.filter((h) => /^\s*(javascript|vbscript|data|file):/i.test(h))).toEqual([])
    // Every payload is still there as text.
    const text = (await anon.locator('.doc-body').textContent()) ?? ''
    for (const fragment of ['window.__xss = 1', 'onerror="window.__xss=2"', 'javascript:window.__xss=5'])
      expect(text).toContain(fragment)
    await shot(anon, 'documents-xss')

    // In the editor, the source comes back byte for byte.
    const phg = await signIn('secretariat')
    await phg.goto(`${server.url}/documents/${id}`)
    await phg.getByRole('button', { name: 'Edit', exact: true }).click()
    expect(await phg.locator('#doc-body').inputValue()).toBe(body)
    await phg.getByRole('button', { name: 'Preview' }).click()
    await phg.locator('.doc-preview').waitFor()
    expect(await phg.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(dialogs).toBe(0)
    expect(problems).toEqual([])
  })
})
