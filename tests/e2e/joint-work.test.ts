/**
 * Joint work in the browser, against the real server and client: the chair of the APPG on
 * Personalised Medicine starts a topic and invites two groups from the suggestions; the Cancer
 * officer accepts, the Respiratory Health officer declines; a Cancer member comments and mentions
 * the Personalised Medicine secretariat, who sees the notification count rise without reloading,
 * follows it to the comment and replies; a Respiratory Health member cannot open the topic.
 * Everyone has a browser context of their own. Screenshots go to tests/e2e/screenshots/.
 */
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, SHOTS, signInThroughForm } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

const PASSWORD = 'appg-demo-2026'
const demo = (name: string) => `${name}@demo.appg-hub.test`

const TOPIC = 'Personalised medicine for lung cancer'
const PM = 'All-Party Parliamentary Group on Personalised Medicine'
const CANCER = 'All-Party Parliamentary Group on Cancer'
const RESPIRATORY = 'All-Party Parliamentary Group for Respiratory Health'
const SECRETARIAT_NAME = 'Tom Whitfield'
const CANCER_MEMBER_NAME = 'Owen Price'
/** The header polls every 15 s; allow for one missed tick. */
const POLL_WAIT = 35_000

let server: HubServer
let browser: Browser
const contexts: BrowserContext[] = []
/** Content Security Policy violations and uncaught errors seen by any page: there must be none. */
const { problems, newPage } = pageWatcher()

/** A browser context of its own for one person, signed in through the form. */
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

function h1(page: Page) {
  return page.locator('h1')
}

/** Full-page screenshots at desktop and phone widths of what `page` shows now. */
async function shootBoth(page: Page, name: string, ready: (page: Page) => Promise<unknown>) {
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 900 })
    await ready(page)
    await page.screenshot({ path: join(SHOTS, `${name}-${width}.png`), fullPage: true })
  }
  await page.setViewportSize({ width: 1280, height: 900 })
}

/** The unread count in the header link ("Notifications 3 unread"), once the first answer is in. */
async function unreadInHeader(page: Page): Promise<number> {
  const bell = page.locator('.site-nav__bell[data-count]')
  await bell.waitFor()
  const text = await bell.textContent()
  const m = /(\d+)/.exec(text ?? '')
  return m ? Number(m[1]) : 0
}

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

describe('joint work across groups', () => {
  let topicPath = ''
  let chair: Page
  let member: Page
  let secretariat: Page

  it('lets the Personalised Medicine chair start a topic and invite two suggested groups', async () => {
    chair = await signIn('chair')
    await chair.goto(`${server.url}/groups/personalised-medicine`)
    await expect.poll(() => h1(chair).textContent()).toBe(PM)
    await chair.getByRole('link', { name: 'Start a topic' }).click()
    await chair.waitForURL('**/groups/personalised-medicine/topics/new')
    await expect.poll(() => h1(chair).textContent()).toBe('Start a topic')
    await expect.poll(() => chair.evaluate(() => document.activeElement?.tagName)).toBe('H1')

    // Nothing typed: the error summary links to the title.
    await chair.getByRole('button', { name: 'Create topic' }).click()
    await chair.locator('.error-summary').waitFor()
    expect(await chair.locator('.error-summary').textContent()).toContain('Give the topic a title.')
    expect(await chair.getAttribute('#topic-title', 'aria-invalid')).toBe('true')
    await shootBoth(chair, 'topic-new', (p) => p.locator('.error-summary').waitFor())

    await chair.getByLabel('Title', { exact: true }).fill(TOPIC)
    await chair
      .locator('#topic-summary')
      .fill(
        'How genomic testing can find the right treatment for **lung cancer** sooner.\n\n- Access to testing\n- Data sharing between trusts',
      )
    // The preview tab shows the text as it will roughly look.
    await chair.getByRole('tab', { name: 'Preview' }).click()
    const preview = chair.locator('.prose--preview')
    await expect.poll(() => preview.locator('strong').textContent()).toBe('lung cancer')
    expect(await preview.locator('li').count()).toBe(2)
    await chair.getByRole('tab', { name: 'Write' }).click()
    await chair.getByLabel('Health, Medicine & Public Health').check()
    expect(await chair.getByLabel('Only the groups taking part').isChecked()).toBe(true)
    await chair.getByRole('button', { name: 'Create topic' }).click()
    await chair.waitForURL((url) => /^\/topics\/[\w-]+$/.test(url.pathname))
    topicPath = new URL(chair.url()).pathname
    await expect.poll(() => h1(chair).textContent()).toBe(TOPIC)
    expect(await chair.locator('.topic-summary strong').textContent()).toBe('lung cancer')
    expect(await chair.locator('.topic-badges').textContent()).toContain('Groups taking part')

    // The suggestions include both groups, each with its reasons.
    const groups = chair.locator('#invite-groups')
    await groups.getByLabel(CANCER, { exact: true }).waitFor()
    await groups.getByLabel(RESPIRATORY, { exact: true }).waitFor()
    expect(await groups.locator('.checkbox__hint').count()).toBeGreaterThan(0)
    await groups.getByLabel(CANCER, { exact: true }).check()
    await groups.getByLabel(RESPIRATORY, { exact: true }).check()
    await chair.getByLabel('Message (optional)').fill('Would your group like to work on this with us?')
    await chair.getByRole('button', { name: 'Send 2 invitations' }).click()
    await expect
      .poll(() => chair.locator('.invite-panel .live-region').textContent())
      .toContain('Invitations sent to')
    const pending = chair.locator('#pending-invitations')
    await expect.poll(() => pending.textContent()).toContain(CANCER)
    expect(await pending.textContent()).toContain(RESPIRATORY)
  })

  it('lets the Cancer officer accept and the Respiratory Health officer decline', async () => {
    const officer = await signIn('officer')
    await officer.goto(`${server.url}/groups/cancer/invitations`)
    await expect.poll(() => h1(officer).textContent()).toBe('Invitations')
    const card = officer.locator('#invitations-panel-received .invitation-card', { hasText: TOPIC })
    await card.waitFor()
    expect(await card.textContent()).toContain(PM)
    expect(await card.getByRole('link', { name: TOPIC }).getAttribute('href')).toBe(topicPath)
    await card.getByLabel('Reply (optional)').fill('Gladly.')
    await card.getByRole('button', { name: `Accept the invitation to “${TOPIC}”` }).click()
    await expect
      .poll(() => officer.locator('[role="status"] .alert--success').first().textContent())
      .toContain('You accepted')
    await officer.getByRole('tab', { name: 'History' }).click()
    await expect.poll(() => officer.locator('#invitations-panel-history').textContent()).toContain('Accepted')
    await shootBoth(officer, 'invitations', (p) =>
      p.locator('#invitations-panel-history .invitation-card').first().waitFor(),
    )

    const respiratory = await signIn('respiratory-officer')
    await respiratory.goto(`${server.url}/groups/respiratory-health/invitations`)
    const rcard = respiratory.locator('#invitations-panel-received .invitation-card', { hasText: TOPIC })
    await rcard.waitFor()
    await shootBoth(respiratory, 'invitations-received', (p) =>
      p.locator('.invitation-card').first().waitFor(),
    )
    await rcard.getByRole('button', { name: `Decline the invitation to “${TOPIC}”` }).click()
    await expect
      .poll(() => respiratory.locator('[role="status"] .alert--success').first().textContent())
      .toContain('You declined')
    expect(
      await respiratory.locator('#invitations-panel-received .invitation-card', { hasText: TOPIC }).count(),
    ).toBe(0)

    // The chair sees Cancer as a partner and nothing pending.
    await chair.goto(server.url + topicPath)
    await expect.poll(() => chair.locator('.topic-groups').textContent()).toContain(CANCER)
    expect(await chair.locator('.topic-groups').textContent()).not.toContain(RESPIRATORY)
    expect(await chair.locator('#pending-invitations').count()).toBe(0)

    // The group page and the dashboard list the topic with its partner.
    await chair.goto(`${server.url}/groups/personalised-medicine`)
    await shootBoth(chair, 'group-topics', (p) => p.locator('#group-topics .card').first().waitFor())
    expect(await chair.locator('#group-topics').textContent()).toContain(TOPIC)
    await officer.goto(`${server.url}/dashboard`)
    await shootBoth(officer, 'dashboard-topics', (p) =>
      p.locator('#dashboard-topics .card').first().waitFor(),
    )
    expect(await officer.locator('#dashboard-topics').textContent()).toContain(CANCER)
  })

  it('notifies the secretariat of a mention without a reload, and takes them to the comment', async () => {
    secretariat = await signIn('secretariat')
    // The first count is in before the comment is made.
    const before = await unreadInHeader(secretariat)

    member = await signIn('cancer-member')
    await member.goto(server.url + topicPath)
    await expect.poll(() => h1(member).textContent()).toBe(TOPIC)
    const box = member.locator('#new-comment')
    await box.click()
    await box.pressSequentially('Our members would like to help. @Tom', { delay: 20 })
    const option = member.getByRole('option', { name: new RegExp(SECRETARIAT_NAME) })
    await option.waitFor()
    await member.screenshot({ path: join(SHOTS, 'mention-1280.png') })
    expect(await box.getAttribute('aria-activedescendant')).toBe(await option.getAttribute('id'))
    await box.press('Enter')
    expect(await member.getByRole('listbox').count()).toBe(0)
    // The textarea shows the name; the id stays behind it (issue #18: no raw `@[Name](person:id)`).
    await expect.poll(() => box.inputValue()).toBe('Our members would like to help. @Tom Whitfield ')
    await box.pressSequentially('could the PHG Foundation share its briefing?')
    await member.getByRole('button', { name: 'Post comment' }).click()
    const mention = member.locator('.comment .mention', { hasText: `@${SECRETARIAT_NAME}` })
    await mention.waitFor()
    expect(await member.locator('#new-comment').inputValue()).toBe('')

    // The count rises in the secretariat's header without a reload.
    await expect
      .poll(() => unreadInHeader(secretariat), { timeout: POLL_WAIT, interval: 500 })
      .toBeGreaterThan(before)
    await secretariat.locator('.site-nav__bell').click()
    await secretariat.waitForURL('**/notifications')
    await expect.poll(() => h1(secretariat).textContent()).toBe('Notifications')
    const item = secretariat.locator('.notification.is-unread', { hasText: CANCER_MEMBER_NAME }).first()
    await item.waitFor()
    await shootBoth(secretariat, 'notifications', (p) => p.locator('.notification').first().waitFor())
    await item.locator('a').click()
    await secretariat.waitForURL(
      (url) => /^\/topics\/[\w-]+$/.test(url.pathname) && url.hash.startsWith('#comment-'),
    )
    const hash = new URL(secretariat.url()).hash
    const target = secretariat.locator(hash)
    await expect.poll(() => target.getAttribute('class')).toContain('is-highlighted')
    await expect.poll(() => secretariat.evaluate(() => document.activeElement?.id)).toBe(hash.slice(1))
    expect(await target.locator('.mention').textContent()).toBe(`@${SECRETARIAT_NAME}`)

    // Reading it brought the count down.
    await expect.poll(() => unreadInHeader(secretariat)).toBeLessThanOrEqual(before)

    await target.getByRole('button', { name: `Reply to ${CANCER_MEMBER_NAME}` }).click()
    const reply = secretariat.getByLabel(`Reply to ${CANCER_MEMBER_NAME}`)
    await expect.poll(() => secretariat.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await reply.fill('Yes: we will share the draft briefing next week.')
    await secretariat.getByRole('button', { name: 'Post reply' }).click()
    const replies = secretariat.locator(`li:has(> ${hash}) .comment-list--replies`)
    await expect.poll(() => replies.textContent()).toContain('we will share the draft briefing')
    expect(await replies.textContent()).toContain(SECRETARIAT_NAME)

    // The topic page, as the chair sees it with the discussion.
    await chair.goto(server.url + topicPath)
    await shootBoth(chair, 'topic', (p) => p.locator('.comment-list--replies .comment').first().waitFor())
  })

  it('lets people edit and delete their comments, and moderators hide them', async () => {
    // The author edits; "Edited" opens the earlier version.
    await member.goto(server.url + topicPath)
    const first = member.locator('.comment-list > li > .comment').first()
    await first.getByRole('button', { name: 'Edit your comment' }).click()
    const edit = first.locator('textarea')
    await expect.poll(() => member.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA')
    await edit.fill('Our members would like to help with the evidence session.')
    await first.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => first.locator('.comment__body').textContent()).toContain('evidence session')
    await first.getByRole('button', { name: 'View history' }).click()
    await expect
      .poll(() => first.locator('.comment-history').textContent())
      .toContain('@Tom Whitfield could the PHG')
    await first.screenshot({ path: join(SHOTS, 'comment-history-1280.png') })

    // The chair (a moderator) hides it with a reason and still sees it; the author no longer does.
    await chair.goto(server.url + topicPath)
    const seen = chair.locator('.comment-list > li > .comment').first()
    await seen.getByRole('button', { name: `Hide the comment by ${CANCER_MEMBER_NAME}` }).click()
    await seen.getByLabel('Reason for hiding').fill('Please keep to the topic.')
    await seen.getByRole('button', { name: 'Hide comment' }).click()
    await expect
      .poll(() => seen.locator('.comment__hidden-banner').textContent())
      .toContain('Please keep to the topic.')
    await seen.screenshot({ path: join(SHOTS, 'comment-hidden-1280.png') })
    await member.reload()
    await expect
      .poll(() => member.locator('.comment-list > li > .comment').first().textContent())
      .toContain('Comment hidden by moderators')
    expect(await member.locator('.comment-list > li > .comment').first().textContent()).not.toContain(
      'evidence',
    )
    await seen.getByRole('button', { name: `Unhide the comment by ${CANCER_MEMBER_NAME}` }).click()
    await expect.poll(() => seen.locator('.comment__hidden-banner').count()).toBe(0)

    // The secretariat deletes their reply, after confirming.
    await secretariat.goto(server.url + topicPath)
    const reply = secretariat.locator('.comment-list--replies .comment').first()
    await reply.getByRole('button', { name: `Delete the comment by ${SECRETARIAT_NAME}` }).click()
    await reply.getByRole('button', { name: 'Yes, delete it' }).click()
    await expect.poll(() => reply.textContent()).toContain('Comment deleted')
    await secretariat.locator('.discussion').screenshot({ path: join(SHOTS, 'comment-deleted-1280.png') })

    // The chair edits the topic in place, closes it and reopens it.
    await chair.getByRole('button', { name: 'Edit topic' }).click()
    await expect.poll(() => chair.evaluate(() => document.activeElement?.id)).toBe('edit-heading')
    await chair.locator('#edit-title').fill(`${TOPIC}: access to testing`)
    await chair.getByRole('button', { name: 'Save changes' }).click()
    await expect.poll(() => h1(chair).textContent()).toBe(`${TOPIC}: access to testing`)
    await expect.poll(() => chair.evaluate(() => document.activeElement?.textContent)).toBe('Edit topic')
    await chair.getByRole('button', { name: 'Close topic' }).click()
    await expect.poll(() => chair.locator('.topic-badges').textContent()).toContain('Closed')
    expect(await chair.locator('.invite-panel').count()).toBe(0)
    await chair.getByRole('button', { name: 'Reopen topic' }).click()
    await expect.poll(() => chair.locator('.topic-badges').textContent()).toContain('Open')

    // Commenting made the member a follower; they stop, and follow again.
    await member.reload()
    await member.getByRole('button', { name: 'Stop following' }).click()
    await member.getByRole('button', { name: 'Follow this topic' }).click()
    await member.getByRole('button', { name: 'Stop following' }).waitFor()
    expect(await member.locator('.follower-list').textContent()).toContain(CANCER_MEMBER_NAME)

    // Any group can be found and added to the invitation list.
    await chair.getByLabel('Find another group').fill('diabetes')
    const add = chair.getByRole('button', { name: /^Add .*Diabetes/ }).first()
    await add.click()
    const added = chair
      .locator('#invite-groups')
      .getByLabel(/Diabetes/)
      .first()
    expect(await added.isChecked()).toBe(true)
  })

  it('keeps the topic from a member of a group that declined', async () => {
    const outsider = await signIn('respiratory-member')
    await outsider.goto(server.url + topicPath)
    await expect.poll(() => h1(outsider).textContent()).toBe('Page not found')
    expect(await outsider.content()).not.toContain(TOPIC)

    // Signed out, the same address asks the visitor to sign in, and says nothing of the topic.
    const visitor = await browser.newContext()
    contexts.push(visitor)
    const page = await newPage(visitor)
    await page.goto(server.url + topicPath)
    await expect.poll(() => h1(page).textContent()).toBe('Sign in to continue')
    expect(await page.content()).not.toContain(TOPIC)
  })

  it('raised no CSP violations or page errors', () => {
    expect(problems).toEqual([])
  })
})
