/**
 * The edge, proven locally: the Worker build under workerd (`wrangler dev`) against MariaDB behind
 * the PlanetScale HTTP protocol (infra/planetscale-http), with the real `@planetscale/database`
 * driver. The database is migrated and loaded from Node through the same protocol.
 */

import { PASSWORD_DICTIONARIES_PATH } from '@appg-hub/core/auth/password-dictionaries'
import type { Db } from '@appg-hub/db'
import { DEMO_PASSWORD, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { TRPCClientError } from '@trpc/client'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PlanetscaleHttp, startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { apiJourney, DEMO_OFFICER, jointWorkJourney, signedIn } from '../support/api-journey'
import { launchBrowser } from '../support/browser'
import { httpClient } from '../support/http-client'
import { loadDemoWorld } from '../support/server'
import { startWorker, type WorkerProcess } from '../support/wrangler'

describe.skipIf(!process.env.MYSQL_URL)('the Worker on workerd against PlanetScale’s protocol', () => {
  let planetscale: PlanetscaleHttp
  let worker: WorkerProcess
  let db: Db
  let browser: Browser | undefined
  /** Statements the PlanetScale endpoint has answered: on the edge, one HTTP call each. */
  let statements = 0

  beforeAll(async () => {
    planetscale = await startPlanetscaleHttp({
      mysqlUrl: await createMysqlDatabase('hub_edge'),
      log: (line) => {
        if (/^(ok |ERR)/.test(line)) statements++
      },
    })
    db = await createDb(planetscale.url)
    await migrateToLatest(db)
    await loadDemoWorld(db)
    worker = await startWorker({ DATABASE_URL: planetscale.url, DEMO_MODE: 'true' })
  })

  afterAll(async () => {
    await browser?.close()
    await worker?.close()
    await db?.destroy()
    await planetscale?.close()
    await dropMysqlDatabases()
  })

  it('migrations through the PlanetScale protocol are safe to re-run', async () => {
    expect((await migrateToLatest(db)).results).toEqual([])
  })

  it('answers unknown pages 404 with the client, missing files a plain 404, hashed assets cached for a year', async () => {
    const unknown = await fetch(`${worker.url}/no-such-page`)
    expect(unknown.status).toBe(404)
    expect(await unknown.text()).toMatch(/<script type="module" crossorigin src="\/assets\/index-/)
    const missing = await fetch(`${worker.url}/assets/index-missing.js`)
    expect(missing.status).toBe(404)
    expect(missing.headers.get('content-type')).not.toContain('text/html')
    const page = await (await fetch(`${worker.url}/register`)).text()
    const script = /src="(\/assets\/index-[\w-]+\.js)"/.exec(page)![1]!
    const asset = await fetch(worker.url + script)
    expect(asset.status).toBe(200)
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    expect(asset.headers.get('content-security-policy')).toContain("script-src 'self'")
  })

  it('refuses a common password at sign-up with the dictionaries read from the static assets', async () => {
    // The Worker's zxcvbn dictionaries are not in its bundle (password-dictionaries-fetched.ts):
    // a common word and a keyboard walk are refused only if they were loaded.
    const anonymous = httpClient(worker.url).client
    for (const password of ['password12', 'qwertyuiop']) {
      const refused = await anonymous.auth.signUp
        .mutate({ email: 'edge.newcomer@example.org', password, displayName: 'Edge Newcomer' })
        .catch((error: TRPCClientError<never>) => error)
      expect(refused).toBeInstanceOf(TRPCClientError)
      expect((refused as TRPCClientError<never>).message).toMatch(
        /too easy to guess\. .*(common|frequently|row)/i,
      )
    }
    expect(
      await anonymous.auth.signUp.mutate({
        email: 'edge.newcomer@example.org',
        password: 'lantern quietly orchard seventeen',
        displayName: 'Edge Newcomer',
      }),
    ).toEqual({ status: 'sign-in' })
    // The same file is public, as every static asset is.
    const dictionaries = await fetch(`${worker.url}${PASSWORD_DICTIONARIES_PATH}`)
    expect(dictionaries.status).toBe(200)
    expect(Object.keys(((await dictionaries.json()) as { dictionary: object }).dictionary)).toContain(
      'passwords-common',
    )
  })

  // docs/architecture.md §5, counted where it matters: the HTTP calls the Worker makes to the
  // database while it serves each call (BEGIN and COMMIT included), the session check among them.
  it('answers the main reads in at most two database calls, and a comment in a fixed number', async () => {
    const anonymous = httpClient(worker.url).client
    const officer = await signedIn(worker.url, DEMO_OFFICER)
    const calls = async (call: () => Promise<unknown>) => {
      await call() // once first: a sign-in refreshed, a cache filled
      const before = statements
      await call()
      return statements - before
    }
    const { id: topicId } = await officer.topics.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Counted topic',
      summary: 'For counting database calls.',
      tags: [],
      visibility: 'participants',
    })
    const { id: documentId } = await officer.documents.create.mutate({
      groupSlug: 'personalised-medicine',
      kind: 'briefing',
      title: 'Counted briefing',
      body: 'One paragraph.',
      visibility: 'participants',
      topicId,
    })
    const { id: sessionId } = await officer.sessions.create.mutate({
      groupSlug: 'personalised-medicine',
      title: 'Counted session',
      description: 'For counting database calls.',
      date: '2026-12-10',
      startTime: '10:00',
      endTime: '11:00',
      place: 'Committee Room 10',
      visibility: 'participants',
      capacity: null,
      topicId,
    })
    const reads = {
      'register.list': await calls(() => anonymous.register.list.query({ limit: 20 })),
      'register.group': await calls(() => anonymous.register.group.query({ slug: 'cancer' })),
      'me.get': await calls(() => officer.me.get.query()),
      'memberships.roster': await calls(() => officer.memberships.roster.query({ slug: 'cancer' })),
      'topics.dashboard': await calls(() => officer.topics.dashboard.query({})),
      'topics.get': await calls(() => officer.topics.get.query({ id: topicId })),
      'topics.activity': await calls(() => officer.topics.activity.query({ id: topicId })),
      'comments.list': await calls(() => officer.comments.list.query({ itemType: 'topic', itemId: topicId })),
      'documents.get': await calls(() => officer.documents.get.query({ id: documentId })),
      'documents.history': await calls(() => officer.documents.history.query({ id: documentId })),
      'sessions.get': await calls(() => officer.sessions.get.query({ id: sessionId })),
      'notifications.list': await calls(() => officer.notifications.list.query()),
      'search.query': await calls(() => officer.search.query.query({ q: 'counted' })),
    }
    expect(Object.entries(reads).filter(([, n]) => n > 2)).toEqual([])
    // The session check, the topic with everyone concerned, BEGIN, the comment, its search entry,
    // the topic's activity, its audit event, COMMIT (nobody else follows this topic yet).
    expect(
      await calls(() =>
        officer.comments.add.mutate({ itemType: 'topic', itemId: topicId, body: 'Counted.' }),
      ),
    ).toBe(8)
  })

  apiJourney(() => ({ url: worker.url, db }))
  jointWorkJourney(() => ({ url: worker.url, db }))

  it('a person signs in through the web client served by the Worker', async () => {
    browser = await launchBrowser()
    const page = await browser.newPage()
    await page.goto(`${worker.url}/sign-in`)
    await page.getByLabel('Email address').fill(DEMO_OFFICER)
    await page.getByLabel('Password', { exact: true }).fill(DEMO_PASSWORD)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await page.waitForURL(/\/dashboard$/)
    await page.getByRole('heading', { level: 1 }).waitFor()
    await page.getByRole('link', { name: 'All-Party Parliamentary Group on Cancer' }).first().waitFor()
    expect(await page.title()).toMatch(/dashboard/i)
  })
})
