/**
 * `pnpm lighthouse`: Lighthouse's performance, accessibility and best-practices scores (mobile
 * settings: a Moto G-sized screen, simulated slow 4G and a 4× slower CPU) for the Register, a group
 * page and a document page, on the built client served by the Node server with the demo world, in
 * Debian's Chromium with no network beyond this machine. Prints the scores and what cost them.
 */
import { DEMO_PASSWORD } from '@appg-hub/db'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS } from '../support/browser'
import { buildClientIfStale } from '../support/e2e'
import { demo, makeDemoContent } from '../support/every-page'
import { httpClient } from '../support/http-client'
import { startHubServer } from '../support/server'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const

buildClientIfStale()
const server = await startHubServer()
const content = await makeDemoContent(server.url)
// The document is for its groups: Lighthouse reads it with a signed-in officer's cookie.
const officer = httpClient(server.url)
await officer.client.auth.signIn.mutate({ email: demo('officer'), password: DEMO_PASSWORD })
const cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

const pages: { name: string; path: string; headers: Record<string, string> }[] = [
  { name: 'Register', path: '/register', headers: {} },
  { name: 'Group page', path: '/groups/personalised-medicine', headers: {} },
  { name: 'Register group', path: '/groups/cancer', headers: {} },
  { name: 'Document page', path: `/documents/${content.documentId}`, headers: { cookie } },
]

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS,
})
const rows: string[] = []
try {
  for (const page of pages) {
    const result = await lighthouse(`${server.url}${page.path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
      extraHeaders: page.headers,
    })
    if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`)
    const { categories, audits } = result.lhr
    const score = (id: string) => Math.round((categories[id]?.score ?? 0) * 100)
    const cls = audits['cumulative-layout-shift']?.numericValue ?? 0
    const lcp = audits['largest-contentful-paint']?.numericValue ?? 0
    rows.push(
      `${page.name.padEnd(15)} performance ${String(score('performance')).padStart(3)}  accessibility ${String(score('accessibility')).padStart(3)}  best practices ${String(score('best-practices')).padStart(3)}  (LCP ${(lcp / 1000).toFixed(1)} s, CLS ${cls.toFixed(3)})`,
    )
    // Which elements moved, when the layout shifted.
    const shifts = (
      audits['layout-shifts']?.details as { items?: { node?: { snippet?: string }; score?: number }[] }
    )?.items
    for (const item of shifts ?? [])
      rows.push(
        `    layout shift ${(item.score ?? 0).toFixed(3)}: ${item.node?.snippet?.slice(0, 100) ?? '?'}`,
      )
    // What cost points, so that a score below target says where to look.
    for (const category of CATEGORIES)
      for (const ref of categories[category]?.auditRefs ?? []) {
        const audit = audits[ref.id]
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
          rows.push(
            `    ${category}: ${audit.id} (${audit.displayValue ?? Math.round(audit.score * 100)}) ${audit.title}`,
          )
      }
  }
} finally {
  chrome.kill()
  await server.close()
}
console.log(`Lighthouse ${new Date().toISOString().slice(0, 10)}, mobile settings, Debian Chromium:`)
for (const row of rows) console.log(row)
