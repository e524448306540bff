/**
 * What every browser test needs: the client built, pages that record Content Security Policy
 * violations and uncaught errors (there must be none), and screenshots in tests/e2e/screenshots/.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const WEB = join(ROOT, 'apps/web')
export const SHOTS = fileURLToPath(new URL('../e2e/screenshots/', import.meta.url))

/** Newest modification time under a path (files and folders). */
function newest(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newest(join(path, name))))
}

/** Builds the client unless apps/web/dist is newer than every source of it. */
export function buildClientIfStale(): void {
  mkdirSync(SHOTS, { recursive: true })
  const index = join(WEB, 'dist/index.html')
  const sources = Math.max(
    newest(join(WEB, 'src')),
    newest(join(WEB, 'public')),
    newest(join(WEB, 'index.html')),
    newest(join(WEB, 'vite.config.ts')),
  )
  if (existsSync(index) && statSync(index).mtimeMs > sources) return
  execFileSync('npx', ['--yes', 'pnpm@10', '--filter', '@appg-hub/web', 'build'], {
    cwd: ROOT,
    stdio: 'pipe',
    timeout: 180_000,
  })
}

/** Opens pages that report CSP violations and uncaught errors into `problems`. */
export function pageWatcher() {
  const problems: string[] = []
  return {
    problems,
    async newPage(context: BrowserContext): Promise<Page> {
      const page = await context.newPage()
      page.on('console', (message) => {
        if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text()))
          problems.push(message.text())
      })
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
      return page
    },
  }
}

export async function shoot(page: Page, name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage })
}

/** A browser context of one person's own, signed in through the sign-in form, on their dashboard. */
export async function signInThroughForm(options: {
  browser: Browser
  newPage: (context: BrowserContext) => Promise<Page>
  /** Collects the context, for closing after the tests. */
  contexts: BrowserContext[]
  url: string
  email: string
  password: string
}): Promise<Page> {
  const context = await options.browser.newContext({ viewport: { width: 1280, height: 900 } })
  options.contexts.push(context)
  const page = await options.newPage(context)
  await page.goto(`${options.url}/sign-in`)
  await page.locator('#signin-email').fill(options.email)
  await page.locator('#signin-password').fill(options.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL('**/dashboard')
  return page
}
