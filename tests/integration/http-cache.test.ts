import { createSignIn, SIGN_IN_COOKIE } from '@appg-hub/core'
import { createApp } from '@appg-hub/server'
import { type AnswerStore, memoryAnswerStore, type StoredAnswer } from '@appg-hub/server/http-cache'
import { describe, expect } from 'vitest'
import { makeBriefing } from '../support/documents/fixtures'
import { makeGroup, testConfig } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { QueryCounter } from '../support/query-counter'
import { makeSession, SESSION_NOW } from '../support/sessions'

const input = (value: unknown) => `?input=${encodeURIComponent(JSON.stringify(value))}`
const LIST = `/trpc/register.list${input({ limit: 20 })}`

/** A store that records what it was asked to keep, so a test can see that nothing private was. */
function recordingStore(): AnswerStore & { kept: Map<string, StoredAnswer> } {
  const inner = memoryAnswerStore()
  const kept = new Map<string, StoredAnswer>()
  return {
    kept,
    match: (key) => inner.match(key),
    async put(key, answer) {
      kept.set(key, answer)
      await inner.put(key, answer)
    },
  }
}

describe.each(dialects())('HTTP caching of public reads on $name', (dialect) => {
  const it = hubTest(dialect, { now: SESSION_NOW }).extend<{
    store: ReturnType<typeof recordingStore>
    counter: QueryCounter
    app: ReturnType<typeof createApp>
  }>({
    store: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        await use(recordingStore())
      },
      { auto: true },
    ],
    counter: [
      // biome-ignore lint/correctness/noEmptyPattern: vitest reads a fixture's dependencies from this pattern.
      async ({}, use) => {
        await use(new QueryCounter())
      },
      { auto: true },
    ],
    app: [
      async ({ db, api, store, counter }, use) => {
        await use(
          createApp({
            db: db.withPlugin(counter),
            clock: api.clock,
            config: testConfig,
            answerStore: store,
            onError: (e) => console.error(e),
          }),
        )
      },
      { auto: true },
    ],
  })

  async function cookieOf({ db, api }: Pick<HubContext, 'db' | 'api'>, personId: string) {
    const { token } = await createSignIn({ db, clock: api.clock }, personId, 'test')
    return `${SIGN_IN_COOKIE}=${token}`
  }

  const get = (
    { app }: Pick<HubContext & { app: ReturnType<typeof createApp> }, 'app'>,
    path: string,
    headers: Record<string, string> = {},
  ) => app.request(path, { headers })

  it('serves the Register with an ETag, from the store at one query, and 304 when unchanged', async ({
    db,
    counter,
    app,
  }) => {
    const first = await get({ app }, LIST)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    const body = await first.text()
    expect(JSON.parse(body).result.data.items.map((g: { slug: string }) => g.slug)).toEqual([
      'alpha',
      'beta',
      'gamma',
    ])

    counter.reset()
    const again = await get({ app }, LIST)
    expect(await again.text()).toBe(body)
    expect(again.headers.get('etag')).toBe(etag)
    // The Register's version only.
    expect(counter.count).toBe(1)

    const revalidated = await get({ app }, LIST, { 'if-none-match': `W/${etag}` })
    expect(revalidated.status).toBe(304)
    expect(await revalidated.text()).toBe('')
    expect(revalidated.headers.get('etag')).toBe(etag)

    // An import (here: a new group, which bumps the version as the import does) is seen at once.
    await makeGroup(db, 'delta', 'APPG on Delta')
    const changed = await get({ app }, LIST, { 'if-none-match': etag! })
    expect(changed.status).toBe(200)
    expect(changed.headers.get('etag')).not.toBe(etag)
    expect((await changed.json()).result.data.items).toHaveLength(4)
  })

  it('never caches, nor serves from the cache, an answer to a signed-in caller', async ({
    db,
    world,
    api,
    store,
    app,
  }) => {
    const cookie = await cookieOf({ db, api }, world.people.officer.id)
    const signedIn = await get({ app }, LIST, { cookie })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    expect(signedIn.headers.get('etag')).toBeNull()
    expect(store.kept.size).toBe(0)

    // A public answer in the store is not what a signed-in caller gets, even with its ETag.
    const etag = (await get({ app }, LIST)).headers.get('etag')!
    expect(store.kept.size).toBe(1)
    const withTag = await get({ app }, LIST, { cookie, 'if-none-match': etag })
    expect(withTag.status).toBe(200)
    expect(withTag.headers.get('etag')).toBeNull()

    const me = await get({ app }, '/trpc/me.get', { cookie })
    expect(me.headers.get('cache-control')).toBe('private, no-store')
    expect(me.headers.get('etag')).toBeNull()
    const mine = (await me.json()).result.data
    expect(mine.displayName).toBe('Alpha Officer')
    // Read with the session check in one query.
    expect(mine.groups).toEqual([
      {
        slug: 'alpha',
        title: 'APPG on Alpha',
        role: 'officer',
        registerTitle: null,
        // What an officer may do there, as the policy answers it (groupRights).
        can: {
          createItems: true,
          invite: true,
          viewRoster: true,
          manageMembers: true,
          editRegister: true,
          viewAudit: true,
          viewRuleChecks: true,
          viewHistory: true,
        },
      },
    ])

    // Signed out, other API answers are not cached either, nor a batch that includes one.
    for (const path of [
      '/trpc/me.get',
      `/trpc/register.list,me.get?batch=1&input=${encodeURIComponent('{"0":{"limit":5}}')}`,
    ]) {
      const answer = await get({ app }, path)
      expect(answer.status).toBe(200)
      expect(answer.headers.get('cache-control')).toBe('private, no-store')
      expect(answer.headers.get('etag')).toBeNull()
    }
    // A stale or forged cookie counts as signed in: nothing is served from the store to it.
    const forged = await get({ app }, LIST, {
      cookie: `${SIGN_IN_COOKIE}=${'a'.repeat(32)}`,
      'if-none-match': etag,
    })
    expect(forged.status).toBe(200)
    expect(forged.headers.get('cache-control')).toBe('private, no-store')
    expect([...store.kept.keys()]).toEqual([expect.stringMatching(/^register\/\d+\/trpc\/register\.list\?/)])
  })

  it('revalidates a published document and a group calendar by ETag, privately when signed in', async ({
    db,
    world,
    api,
    store,
    app,
  }) => {
    const { id } = await makeBriefing(api, world, { visibility: 'public', coAuthor: false })
    // alpha alone writes it: its officer's request is its consent, so it is published at once.
    await (await api.as(world.people.officer.id)).documents.publish({ id })
    const path = `/trpc/documents.get${input({ id })}`
    const first = await get({ app }, path)
    expect(first.status).toBe(200)
    const etag = first.headers.get('etag')!
    expect(etag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate')
    expect((await get({ app }, path, { 'if-none-match': etag })).status).toBe(304)
    // Documents are not kept in the store: they change with every save.
    expect(store.kept.size).toBe(0)
    const cookie = await cookieOf({ db, api }, world.people.officer.id)
    const signedIn = await get({ app }, path, { cookie, 'if-none-match': etag })
    expect(signedIn.status).toBe(200)
    expect(signedIn.headers.get('cache-control')).toBe('private, no-store')
    expect(signedIn.headers.get('etag')).toBeNull()

    // An unpublished document is not found for the public, and that answer is not cacheable.
    await (await api.as(world.people.officer.id)).documents.unpublish({ id })
    const gone = await get({ app }, path, { 'if-none-match': etag })
    expect(gone.status).toBe(404)
    expect(gone.headers.get('etag')).toBeNull()
    expect(gone.headers.get('cache-control')).toBe('private, no-store')

    await makeSession(api, world, { schedule: true, visibility: 'public' })
    const calendar = await get({ app }, '/groups/alpha/calendar.ics')
    expect(calendar.status).toBe(200)
    const calendarTag = calendar.headers.get('etag')!
    expect(calendarTag).toMatch(/^"[0-9a-f]{32}"$/)
    expect(calendar.headers.get('cache-control')).toMatch(/^public/)
    const notModified = await get({ app }, '/groups/alpha/calendar.ics', { 'if-none-match': calendarTag })
    expect(notModified.status).toBe(304)
    expect(await notModified.text()).toBe('')
    const signedInCalendar = await get({ app }, '/groups/alpha/calendar.ics', {
      cookie,
      'if-none-match': calendarTag,
    })
    expect(signedInCalendar.status).toBe(200)
    expect(signedInCalendar.headers.get('cache-control')).toBe('private, no-store')
  })
})
