/**
 * Every page of the client (apps/web/src/routes.ts) with demo content behind it, for the browser
 * tests that visit them all (phone width, axe-core): a topic with comments and followers, a session
 * with sign-ups, and a published-looking document with a wide table and a long web address.
 */

import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { CLIENT_ROUTES } from '../../apps/web/src/routes'
import { signedIn } from './api-journey'
import { LUNG_CANCER_TOPIC } from './lung-cancer-topic'

export const demo = (name: string) => `${name}@demo.appg-hub.test`

/** A body with what makes phones overflow: a wide table, a long unbroken address, code. */
export const WIDE_BODY = [
  '# Lung cancer screening: the evidence',
  '',
  '## Who is eligible',
  '',
  '| Trust | Invited | Screened | Found early | Referred | Waiting time | Notes on the programme |',
  '| --- | --- | --- | --- | --- | --- | --- |',
  '| Manchester University NHS Foundation Trust | 12,400 | 9,120 | 218 | 301 | 14 days | Mobile units in supermarket car parks |',
  '| Leeds Teaching Hospitals NHS Trust | 10,900 | 7,860 | 190 | 254 | 21 days | Invitations by letter and text message |',
  '',
  '### Sources',
  '',
  'See https://www.england.nhs.uk/contact-us/privacy-notice/how-we-use-your-information/our-services/targeted-lung-health-checks-programme/ for the programme.',
  '',
  '```',
  'screened / invited = 0.7354838709677419354838709677419354838709677419354838709677',
  '```',
].join('\n')

export interface DemoContent {
  topicId: string
  publicTopicId: string
  sessionId: string
  documentId: string
}

/** Makes the content every item page shows, through the API as the demo people would. */
export async function makeDemoContent(url: string): Promise<DemoContent> {
  const officer = await signedIn(url, demo('officer'))
  const chair = await signedIn(url, demo('chair'))
  const member = await signedIn(url, demo('member'))
  const topic = await officer.topics.create.mutate(LUNG_CANCER_TOPIC)
  const publicTopic = await officer.topics.create.mutate({
    ...LUNG_CANCER_TOPIC,
    title: 'Genomic testing in the NHS: an open programme',
    visibility: 'public',
  })
  for (const id of [topic.id, publicTopic.id]) {
    await member.comments.add.mutate({
      itemType: 'topic',
      itemId: id,
      body: 'Glad to see this. **Count me in.**',
    })
    await member.topics.follow.mutate({ id })
  }
  const session = await officer.sessions.create.mutate({
    groupSlug: 'personalised-medicine',
    title: 'Lung cancer screening roundtable',
    description: 'A roundtable on **targeted lung health checks**.',
    date: '2031-05-06',
    startTime: '10:00',
    endTime: '11:30',
    place: 'Committee Room 10, House of Commons',
    visibility: 'participants',
    topicId: topic.id,
  })
  await officer.sessions.schedule.mutate({ id: session.id })
  await member.sessions.signUp.mutate({ id: session.id, status: 'going' })
  await chair.sessions.signUp.mutate({ id: session.id, status: 'maybe' })
  const document = await officer.documents.create.mutate({
    groupSlug: 'personalised-medicine',
    kind: 'briefing',
    title: 'Lung cancer screening: a briefing for members',
    body: WIDE_BODY,
    visibility: 'participants',
    topicId: topic.id,
  })
  return { topicId: topic.id, publicTopicId: publicTopic.id, sessionId: session.id, documentId: document.id }
}

/** Every client route as a path to visit, its parameters filled from the demo content. */
export function everyPath(content: DemoContent): string[] {
  const values: Record<string, string> = {
    slug: 'personalised-medicine',
    token: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa',
  }
  const paths = CLIENT_ROUTES.map((route) => {
    if (route.path.startsWith('/topics/')) return `/topics/${content.topicId}`
    if (route.path.startsWith('/documents/:id')) return route.path.replace(':id', content.documentId)
    if (route.path === '/sessions/:id') return `/sessions/${content.sessionId}`
    return route.path.replace(/:([a-z]+)/g, (_, name: string) => values[name] ?? name)
  })
  // A Register group with a long purpose and secretariat, the search results and the public topic;
  // a group's history in the console.
  return [
    ...paths,
    '/groups/cancer',
    '/search?q=cancer',
    `/topics/${content.publicTopicId}`,
    '/admin/group-history?group=cancer',
    '/no-such-page',
  ]
}

/** Waits until the page has its heading and nothing is loading any more. */
export async function settled(page: Page): Promise<void> {
  await page.locator('h1').first().waitFor({ timeout: 15_000 })
  await expect.poll(() => page.locator('.loading').count(), { timeout: 15_000 }).toBe(0)
  // Late content (files, activity, presence) comes in a moment after.
  await page.waitForTimeout(300)
}

/**
 * What is wider than the viewport: the page's scroll width, and visible elements whose right edge
 * goes past it, except inside a region that scrolls sideways on its own (a table's focusable region).
 */
export function overflowing(page: Page): Promise<{ scrollWidth: number; elements: string[] }> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth
    const scrollsItself = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const overflow = getComputedStyle(p).overflowX
        if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden') return true
      }
      return false
    }
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`
    const elements = [...document.body.querySelectorAll('*')]
      .filter((el) => {
        const box = el.getBoundingClientRect()
        if (box.width === 0 || box.height === 0) return false
        if (getComputedStyle(el).visibility === 'hidden') return false
        return box.right > width + 0.5 && !scrollsItself(el)
      })
      .map(describe)
    return { scrollWidth: document.documentElement.scrollWidth, elements }
  })
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's violations on the page as it is now: "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the page's CSP (no inline scripts) stays as it is.
  await page.evaluate(AXE_SOURCE)
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<unknown> } }
    ).axe
    const result = (await axe.run(document, {
      runOnly: {
        type: 'tag',
        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
      },
    })) as { violations: { id: string; nodes: { target: string[] }[] }[] }
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))
  })
  return violations
}
