/**
 * `pnpm lighthouse`: Lighthouse's performance, accessibility and best-practices scores (mobile
 * settings: a Moto G-sized screen, simulated slow 4G and a 4× slower CPU) for the Register, a group
 * page and a document page, on the built client served by the Node server with the demo world, in
 * Debian's Chromium with no network beyond this machine. Prints the scores and what cost them.
 *
 * Each page is measured `--runs=N` times (3 unless told) and the median run is reported, because a
 * shared machine moves the score by several points; Total Blocking Time and the JavaScript the page
 * fetched and ran are printed beside it (they move less with the machine's load). `--only=Document`
 * measures the pages whose name contains that word; `--save=DIR` keeps each run's report as JSON.
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DEMO_PASSWORD } from '@appg-hub/db'
import * as chromeLauncher from 'chrome-launcher'
import lighthouse from 'lighthouse'
import { CHROMIUM_ARGS } from '../support/browser'
import { buildClientIfStale } from '../support/e2e'
import { demo, makeDemoContent } from '../support/every-page'
import { httpClient } from '../support/http-client'
import { startHubServer } from '../support/server'
import { type LighthouseRun, medianRun, readRun } from './lighthouse-figures'

const CATEGORIES = ['performance', 'accessibility', 'best-practices'] as const

const arg = (name: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? undefined
const runs = Number(arg('runs') ?? 3)
const only = arg('only')?.toLowerCase()
const saveDir = arg('save')
if (saveDir) mkdirSync(saveDir, { recursive: true })

buildClientIfStale()
const server = await startHubServer()
const content = await makeDemoContent(server.url)
// The document is for its groups: Lighthouse reads it with a signed-in officer's cookie.
const officer = httpClient(server.url)
await officer.client.auth.signIn.mutate({ email: demo('officer'), password: DEMO_PASSWORD })
const cookie = [...officer.cookies].map(([k, v]) => `${k}=${v}`).join('; ')

interface Measured {
  name: string
  path: string
  headers: Record<string, string>
}
const everyPage: Measured[] = [
  { name: 'Register', path: '/register', headers: {} },
  { name: 'Group page', path: '/groups/personalised-medicine', headers: {} },
  { name: 'Register group', path: '/groups/cancer', headers: {} },
  { name: 'Document page', path: `/documents/${content.documentId}`, headers: { cookie } },
]
const pages = everyPage.filter((p) => !only || p.name.toLowerCase().includes(only))

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: CHROMIUM_ARGS,
})
const rows: string[] = []
try {
  for (const page of pages) {
    const measured: LighthouseRun[] = []
    // A run whose trace went wrong (Lighthouse's runtimeError, such as NO_NAVSTART on a busy machine)
    // scores 0 for no fault of the page: it is run again, a few times at most.
    for (let i = 0, failed = 0; i < runs; ) {
      const result = await lighthouse(`${server.url}${page.path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        extraHeaders: page.headers,
      })
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`)
      const error = result.lhr.runtimeError
      if (error) {
        if (++failed > 3) throw new Error(`Lighthouse failed on ${page.path}: ${error.code}`)
        console.error(`${page.name}: ${error.code}, measuring again`)
        continue
      }
      if (saveDir)
        writeFileSync(
          join(saveDir, `${page.name.replace(/\W+/g, '-').toLowerCase()}-${i + 1}.json`),
          JSON.stringify(result.lhr),
        )
      measured.push(readRun(result.lhr))
      i++
    }
    const run = medianRun(measured)
    const { lhr } = run
    const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100)
    rows.push(
      `${page.name.padEnd(15)} performance ${String(score('performance')).padStart(3)}  accessibility ${String(score('accessibility')).padStart(3)}  best practices ${String(score('best-practices')).padStart(3)}  (LCP ${(run.lcp / 1000).toFixed(1)} s, CLS ${run.cls.toFixed(3)})`,
      `    median of ${measured.length} (performance ${measured.map((r) => r.performance).join(', ')}): TBT ${Math.round(run.tbt)} ms (${measured.map((r) => Math.round(r.tbt)).join(', ')}), JavaScript ${(run.scriptBytes / 1000).toFixed(1)} KB fetched, ${Math.round(run.scriptMs)} ms of script on the main thread`,
    )
    for (const task of run.longTasks)
      rows.push(`    long task ${Math.round(task.duration)} ms at ${Math.round(task.startTime)} ms`)
    for (const script of run.bootup)
      rows.push(
        `    script ${script.url.replace(server.url, '')}: ${Math.round(script.scripting)} ms running, ${Math.round(script.parse)} ms parsing`,
      )
    // Which elements moved, when the layout shifted.
    for (const item of run.shifts)
      rows.push(`    layout shift ${item.score.toFixed(3)}: ${item.snippet.slice(0, 100)}`)
    // What cost points, so that a score below target says where to look.
    for (const category of CATEGORIES)
      for (const ref of lhr.categories[category]?.auditRefs ?? []) {
        const audit = lhr.audits[ref.id]
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
console.log(
  `Lighthouse ${new Date().toISOString().slice(0, 10)}, mobile settings, Debian Chromium, median of ${runs}:`,
)
for (const row of rows) console.log(row)
