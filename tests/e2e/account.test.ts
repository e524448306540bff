/**
 * The account page in the browser: the devices I am signed in on (ending another one), changing my
 * password, downloading my data, and the privacy page; then erasing an account.
 */
import { readFileSync } from 'node:fs'
import { DEMO_PASSWORD } from '@appg-hub/db'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../support/browser'
import { buildClientIfStale, pageWatcher, shoot } from '../support/e2e'
import { type HubServer, startHubServer } from '../support/server'

let server: HubServer
let browser: Browser
const { problems, newPage } = pageWatcher()

beforeAll(async () => {
  buildClientIfStale()
  server = await startHubServer()
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function signIn(email: string, password = DEMO_PASSWORD): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true })
  const page = await newPage(context)
  await page.goto(`${server.url}/sign-in`)
  await page.getByLabel('Email address').fill(email)
  await page.getByLabel('Password', { exact: true }).fill(password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(/\/dashboard$/)
  return page
}

describe('your account', () => {
  it('lists my devices, signs another out, changes my password and downloads my data', async () => {
    const email = 'member@demo.appg-hub.test'
    const phone = await signIn(email)
    const laptop = await signIn(email)
    await laptop.getByRole('link', { name: /Your account/ }).click()
    await laptop.waitForURL(/\/account$/)
    const rows = laptop.getByRole('table', { name: 'Your signed-in devices' }).getByRole('row')
    await expect.poll(() => rows.count()).toBe(3)
    await expect.poll(() => laptop.getByText('This device').count()).toBe(1)
    await shoot(laptop, 'account-1280')

    await laptop.getByRole('button', { name: /^Sign out / }).click()
    await laptop.getByText('That device is signed out.').waitFor()
    await phone.reload()
    await phone.getByRole('link', { name: 'Sign in' }).first().waitFor()
    expect(await phone.getByText('Sign out').count()).toBe(0)

    await laptop.getByLabel('Current password').fill(DEMO_PASSWORD)
    await laptop.getByLabel('New password').fill('a brand new passphrase')
    await laptop.getByRole('button', { name: 'Change password' }).click()
    await laptop.getByText('Your password is changed. Other devices are signed out.').waitFor()

    const download = laptop.waitForEvent('download')
    await laptop.getByRole('button', { name: 'Download my data' }).click()
    const file = await (await download).path()
    const data = JSON.parse(readFileSync(file!, 'utf8'))
    expect(data.person.email).toBe(email)
    expect(data.memberships.map((m: { slug: string }) => m.slug)).toEqual(['personalised-medicine'])
    expect(JSON.stringify(data)).not.toContain('$scrypt$')

    await laptop.getByRole('main').getByRole('link', { name: 'What we keep and why' }).click()
    await laptop.getByRole('heading', { level: 1, name: /What we keep/ }).waitFor()
    await shoot(laptop, 'privacy-1280')
  })

  it('erases an account after asking for the password and a typed confirmation', async () => {
    const page = await signIn('observer@demo.appg-hub.test')
    await page.goto(`${server.url}/account`)
    await page.getByRole('button', { name: 'Erase my account' }).click()
    await page.getByRole('alert').filter({ hasText: 'There is a problem' }).waitFor()
    await page.getByLabel('Your password', { exact: true }).last().fill(DEMO_PASSWORD)
    await page.getByLabel(/Type “erase my account” to confirm/).fill('erase my account')
    await page.getByRole('button', { name: 'Erase my account' }).click()
    await page.waitForURL(/\/\?erased=1$/)
    const person = await server.db
      .selectFrom('person')
      .select(['email', 'display_name', 'erased_at'])
      .where('display_name', 'like', 'Former member %')
      .executeTakeFirstOrThrow()
    expect(person.email).toBeNull()
    expect(person.erased_at).not.toBeNull()
  })

  it('resets a forgotten password from the emailed link', async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 } })
    const page = await newPage(context)
    await page.goto(`${server.url}/sign-in`)
    await page.getByRole('link', { name: 'Forgotten your password?' }).click()
    // The sign-in page has an "Email address" field too, and stays on screen while the reset page's
    // code loads: fill the field only once the reset page is there (under load, it was the old one).
    await page.getByText('We will email you a link to choose a new password.').waitFor()
    await page.getByLabel('Email address').fill('cancer-member@demo.appg-hub.test')
    await page.getByRole('button', { name: 'Send me a link' }).click()
    await page.getByRole('heading', { name: 'Check your email' }).waitFor()
    const mail = await server.db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('to_email', '=', 'cancer-member@demo.appg-hub.test')
      .where('subject', '=', 'Reset your APPG Hub password')
      .executeTakeFirstOrThrow()
    const link = /(http:\/\/\S+\/reset-password\/[a-z2-7]{32})/.exec(mail.body_text)![1]!
    await page.goto(link)
    await page.getByLabel('New password').fill('short')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.getByRole('alert').filter({ hasText: 'at least 10 characters' }).waitFor()
    await shoot(page, 'reset-password-375')
    await page.getByLabel('New password').fill('my fresh long password')
    await page.getByRole('button', { name: 'Set new password' }).click()
    await page.waitForURL(/\/dashboard$/)
    await context.close()
  })

  it('shows no CSP violation or page error', () => {
    expect(problems).toEqual([])
  })
})
