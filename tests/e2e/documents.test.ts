/**
 * Co-editing a briefing in the browser, against the real server and client. Set-up through the
 * API: the demo officer (an officer of both groups) writes a briefing for the APPG on Personalised
 * Medicine and brings in the APPG on Cancer as co-author through the handshake. Then the PHG
 * Foundation secretariat (Personalised Medicine) and the Macmillan secretariat (Cancer) open the
 * live editor at once and type into the same paragraph: both see each other, their cursors, and
 * the same text; "Save version" makes a revision both contributed to; a member follows read-only;
 * the history shows every revision with its diff. Then the officer asks to publish it and consents
 * for the co-author group: the public page and the print view carry the notice. A document made of
 * XSS payloads runs nothing, signed out or in the editor, and keeps its source.
 */
import { join } from 'node:path'
import { newId } from '@appg-hub/db'
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

/** Opens the document and its live editor, and waits until the text has arrived. */
async function openLive(page: Page, button = 'Edit') {
  await page.goto(`${server.url}/documents/${docId}`)
  await expect.poll(() => page.locator('.page-heading h1').textContent()).toBe(TITLE)
  await page.getByRole('button', { name: button, exact: true }).click()
  await expect
    .poll(() => page.locator('.live-status').textContent(), { timeout: 15_000 })
    .toContain('Connected:')
  await expect.poll(() => page.locator('.cm-content').textContent()).toContain('Genomic testing')
}

/**
 * The live editor's whole text (CodeMirror renders only the lines in view), read the way
 * `EditorView.findFromDOM` does: the content element's tile leads to the view.
 */
function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // The editor lives in a shadow root (see LiveEditor).
    const host = document.querySelector('.live-editor__text')
    const content = host?.shadowRoot?.querySelector('.cm-content') as unknown as {
      cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } }
    } | null
    return content?.cmTile?.root?.view?.state.doc.toString() ?? ''
  })
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

  it('two secretariats typing into the same paragraph converge, seeing each other and their cursors', async () => {
    phg = await signIn('secretariat')
    macmillan = await signIn('cancer-secretariat')
    await openLive(phg)
    await openLive(macmillan)
    await expect.poll(() => macmillan.locator('.live-presence').textContent()).toContain('Tom Whitfield')
    await expect.poll(() => phg.locator('.live-presence').textContent()).toContain('Rachel Adeyemi')

    const line = (page: Page) => page.locator('.cm-line', { hasText: 'Paragraph two' })
    await line(phg).click()
    await phg.keyboard.press('End')
    await line(macmillan).click()
    await macmillan.keyboard.press('Home')
    await Promise.all([
      phg.keyboard.type(' PHG adds this sentence.', { delay: 15 }),
      macmillan.keyboard.type('Macmillan starts here: ', { delay: 15 }),
    ])
    await expect
      .poll(async () => (await editorText(phg)) === (await editorText(macmillan)) && (await editorText(phg)))
      .toContain(
        'Macmillan starts here: Paragraph two: access to testing varies between trusts. PHG adds this sentence.',
      )
    // Each sees where the other is, under their name.
    await expect
      .poll(() => macmillan.locator('.live-caret__name').allTextContents())
      .toContain('Tom Whitfield')
    await shot(macmillan, 'documents-live')
    await macmillan.setViewportSize({ width: 375, height: 800 })
    await shot(macmillan, 'documents-live-375')
    await macmillan.setViewportSize({ width: 1280, height: 900 })

    await phg.locator('#live-version-note').fill('Both secretariats on paragraph two')
    await phg.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => phg.locator('.live-message').textContent()).toBe('Saved as revision 2.')
    await phg.getByRole('button', { name: 'Close the editor' }).click()
    await expect.poll(() => phg.locator('.doc-body').textContent()).toContain('PHG adds this sentence.')
    expect(await phg.locator('.doc-body').textContent()).toContain('Macmillan starts here:')
  })

  it('keeps editing offline and merges on reconnect', async () => {
    await macmillan.context().setOffline(true)
    await macmillan.evaluate(() => window.dispatchEvent(new Event('offline')))
    await macmillan.locator('.cm-line', { hasText: 'Paragraph four' }).click()
    await macmillan.keyboard.press('End')
    await macmillan.keyboard.type(' Written offline.')
    await macmillan.context().setOffline(false)
    await expect
      .poll(() => macmillan.locator('.live-status').textContent(), { timeout: 15_000 })
      .toContain('Connected:')
    await openLive(phg)
    await expect.poll(() => editorText(phg), { timeout: 10_000 }).toContain('Written offline.')
  })

  it('lets a member follow the live text, read-only', async () => {
    const member = await signIn('member')
    await openLive(member, 'Follow live editing')
    expect(await member.locator('.cm-content').getAttribute('contenteditable')).toBe('false')
    expect(await member.getByRole('toolbar', { name: 'Formatting' }).count()).toBe(0)
    await expect.poll(() => phg.locator('.live-presence').textContent()).toContain('James Penrose (reading)')
    await phg.locator('.cm-line', { hasText: 'Paragraph three' }).click()
    await phg.keyboard.press('End')
    await phg.keyboard.type(' Seen by the member.')
    await expect.poll(() => editorText(member)).toContain('Seen by the member.')
    await member.getByRole('button', { name: 'Close the editor' }).click()
    await macmillan.getByRole('button', { name: 'Close the editor' }).click()
    await phg.getByRole('button', { name: 'Close the editor' }).click()
  })

  it('lists every revision in the history with who contributed, each with a correct diff', async () => {
    // The last one out of the editor wrote revision 3.
    const rows = phg.locator('#doc-history tbody tr')
    await expect
      .poll(
        async () => {
          await phg.goto(`${server.url}/documents/${docId}`)
          await phg.locator('#doc-history tbody tr').first().waitFor()
          return rows.count()
        },
        { timeout: 20_000 },
      )
      .toBe(3)
    const second = await phg.locator('#doc-history tr[data-revision="2"]').textContent()
    expect(second).toContain('Rachel Adeyemi')
    expect(second).toContain('Tom Whitfield')
    expect(second).toContain('Both secretariats on paragraph two')
    const third = await phg.locator('#doc-history tr[data-revision="3"]').textContent()
    expect(third).toContain('Rachel Adeyemi')
    expect(third).toContain('Tom Whitfield')

    const diff = phg.locator('.diff')
    const inserted = async () => (await diff.locator('ins').allTextContents()).join(' ')
    await phg.getByRole('button', { name: 'Changes in revision 2' }).click()
    await expect.poll(() => inserted()).toContain('Macmillan')
    expect(await inserted()).toContain('PHG')
    expect(await diff.locator('del').count()).toBe(0)
    await phg.getByRole('button', { name: 'Changes in revision 3' }).click()
    await expect.poll(() => inserted()).toContain('offline')
    expect(await inserted()).toContain('member')
    await phg.locator('.diff').scrollIntoViewIfNeeded()
    await shot(phg, 'documents-history-diff')
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
    // A reference to a topic the author may not read links nothing. A link to it can still exist
    // (made by someone who could read it then): it shows as restricted, by neither title nor id.
    await server.db
      .insertInto('link')
      .values({
        id: newId(),
        from_type: 'document',
        from_id: id,
        to_type: 'topic',
        to_id: secret.id,
        link_type: 'references',
        origin: 'explicit',
        created_by: (await officer.me.get.query())!.id,
        created_at: new Date().toISOString(),
      })
      .execute()
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
    await expect.poll(() => editorText(phg), { timeout: 15_000 }).toBe(body)
    expect(await phg.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined()
    expect(dialogs).toBe(0)
    expect(problems).toEqual([])
  })
})
