/**
 * `search.query` on every database: what each caller finds is what single reads would show them,
 * the index follows every write at once, and no input, however odd, gets more than a 4xx.
 * Engines rank differently, so these tests assert membership, not order (except where one
 * result is alone).
 */
import { fakeClock } from '@appg-hub/core'
import { type Db, migrateToLatest, rebuildSearchIndex } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { migrations } from '@appg-hub/db/migrations/index'
import { createMysqlDatabase, dropMysqlDatabases } from '@appg-hub/db/testing'
import { importRegister } from '@appg-hub/register'
import { Migrator } from 'kysely/migration'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type PlanetscaleHttp, startPlanetscaleHttp } from '../../infra/planetscale-http/server'
import { callers } from '../support/fixtures'
import { dialects, type HubContext, hubTest } from '../support/hub-test'
import { joinTopic, makeJointWorld, makeTopic, refusal } from '../support/joint-work'
import { QueryCounter } from '../support/query-counter'
import { makeSession, SESSION_NOW } from '../support/sessions'

type Result = {
  type: string
  id: string
  title: string
  snippet: { text: string; match: boolean }[]
  url: string
  groups: { slug: string }[]
}

describe.each(dialects())('search on $name', (dialect) => {
  const it = hubTest(dialect, { now: SESSION_NOW })

  async function find(
    { api }: Pick<HubContext, 'api'>,
    personId: string | null,
    q: string,
    extra: Record<string, unknown> = {},
  ) {
    const caller = await api.as(personId)
    const page = await caller.search.query({ q, ...extra })
    return page.items as Result[]
  }
  const ids = (results: Result[]) => results.map((r) => r.id).sort()

  it('a participants-only topic is found by its participants and by nobody else', async ({ world, api }) => {
    const id = await makeTopic(api, world, { title: 'Xylophonic screening pathways' })
    await joinTopic(api, world, id, 'beta')
    const p = world.people
    for (const reader of [
      p.chair,
      p.officer,
      p.secretariat,
      p.member,
      p.observer,
      p.betaOfficer,
      p.betaMember,
      p.admin,
    ]) {
      const found = await find({ api }, reader.id, 'xylophonic')
      expect(
        found.map((r) => [r.type, r.id]),
        reader.name,
      ).toEqual([['topic', id]])
    }
    for (const stranger of [null, p.gammaOfficer.id, p.gammaMember.id, p.outsider.id])
      expect(await find({ api }, stranger, 'xylophonic'), String(stranger)).toEqual([])

    const [hit] = await find({ api }, p.member.id, 'screening xylophonic')
    expect(hit).toMatchObject({ type: 'topic', title: 'Xylophonic screening pathways', url: `/topics/${id}` })
    expect(hit!.groups.map((g) => g.slug)).toEqual(['alpha', 'beta'])
    // The summary's word is highlighted; snippets are text, marked up by the client.
    expect(hit!.snippet.filter((s) => s.match).map((s) => s.text.toLowerCase())).toContain('screening')
    expect(hit!.snippet.map((s) => s.text).join('')).toBe('How screening finds lung cancer early.')
  })

  it('an edit is searchable at once, and the old words are gone', async ({ world, api }) => {
    const id = await makeTopic(api, world, { title: 'Quokka review' })
    const officer = await api.as(world.people.officer.id)
    await officer.topics.update({ id, title: 'Wombat review', summary: 'Burrowing marsupials only.' })
    expect(ids(await find({ api }, world.people.member.id, 'wombat'))).toEqual([id])
    expect(ids(await find({ api }, world.people.member.id, 'marsupials'))).toEqual([id])
    expect(await find({ api }, world.people.member.id, 'quokka')).toEqual([])
  })

  it('Register groups are found signed out, by title and purpose, once imported', async ({ db, api }) => {
    const line = (slug: string, title: string, purpose: string) =>
      JSON.stringify({
        slug,
        title,
        purpose,
        category: 'Subject Group',
        parliament: 'uk',
        officers: [],
        members_list: { source_method: 'empty', source_url: [], last_updated: null, members: [] },
        contact_details: {},
        agm: {},
        registrable_benefits: null,
        detailed_benefits: [],
        index_date: '2026-06-29',
        source_url: null,
        categories: [],
      })
    const report = await importRegister(db, {
      lines: [line('pollinators', 'APPG on Pollinators', 'To promote bees, hoverflies and meadows.')],
    })
    expect(report.problems).toEqual([])
    const byTitle = await find({ api }, null, 'pollinators')
    expect(byTitle.map((r) => [r.type, r.url])).toEqual([['group', '/groups/pollinators']])
    expect(byTitle[0]!.groups).toEqual([{ slug: 'pollinators', title: 'APPG on Pollinators' }])
    expect(ids(await find({ api }, null, 'hoverflies meadows'))).toEqual([byTitle[0]!.id])
    // A new edition rewords the purpose: the index follows.
    await importRegister(db, {
      lines: [line('pollinators', 'APPG on Pollinators', 'To promote moths.')],
      clock: () => new Date(Date.now() + 86_400_000),
    })
    expect(await find({ api }, null, 'hoverflies')).toEqual([])
    expect((await find({ api }, null, 'moths')).map((r) => r.url)).toEqual(['/groups/pollinators'])
  })

  it('comments are found by those who read the topic; hidden and deleted ones by nobody', async ({
    world,
    api,
  }) => {
    const id = await makeTopic(api, world)
    const member = await api.as(world.people.member.id)
    const kept = await member.comments.add({
      itemType: 'topic',
      itemId: id,
      body: 'Spirometry **clinics** help.',
    })
    const hidden = await member.comments.add({
      itemType: 'topic',
      itemId: id,
      body: 'Spirometry is rubbish.',
    })
    const deleted = await member.comments.add({ itemType: 'topic', itemId: id, body: 'Spirometry typo.' })
    expect(ids(await find({ api }, world.people.observer.id, 'spirometry'))).toEqual(
      [kept.id, hidden.id, deleted.id].sort(),
    )
    await (await api.as(world.people.officer.id)).comments.hide({ id: hidden.id, reason: 'Rude' })
    await member.comments.delete({ id: deleted.id })
    for (const reader of [world.people.observer.id, world.people.officer.id, world.people.admin.id])
      expect(ids(await find({ api }, reader, 'spirometry'))).toEqual([kept.id])
    expect(await find({ api }, world.people.gammaOfficer.id, 'spirometry')).toEqual([])
    expect(await find({ api }, null, 'spirometry')).toEqual([])
    const [hit] = await find({ api }, world.people.member.id, 'clinics')
    expect(hit).toMatchObject({
      type: 'comment',
      title: 'Comment on “Lung cancer screening”',
      url: `/topics/${id}#comment-${kept.id}`,
    })
    // An edit is found by its new words; unhiding brings a comment back.
    await member.comments.edit({ id: kept.id, body: 'Oximetry clinics help.' })
    expect(ids(await find({ api }, world.people.member.id, 'oximetry'))).toEqual([kept.id])
    await (await api.as(world.people.officer.id)).comments.unhide({ id: hidden.id })
    expect(ids(await find({ api }, world.people.member.id, 'rubbish'))).toEqual([hidden.id])
  })

  it('documents: the public finds a document only once it is published, by its published text', async ({
    world,
    api,
  }) => {
    const secretariat = await api.as(world.people.secretariat.id)
    const { id } = await secretariat.documents.create({
      groupSlug: 'alpha',
      kind: 'briefing',
      title: 'Briefing on radon',
      body: 'Radon exposure in granite regions.',
      visibility: 'public',
    })
    expect(await find({ api }, null, 'radon')).toEqual([])
    expect(ids(await find({ api }, world.people.observer.id, 'granite'))).toEqual([id])
    await (await api.as(world.people.officer.id)).documents.publish({ id })
    expect(ids(await find({ api }, null, 'granite'))).toEqual([id])
    const doc = await secretariat.documents.get({ id })
    await secretariat.documents.save({
      id,
      baseRevisionId: doc.head.id,
      body: 'Radon exposure in limestone regions.',
    })
    // The public reads the approved revision, so it finds that revision's words, never the
    // working draft's; the groups find the draft (one result each way, never both rows).
    expect(await find({ api }, null, 'limestone')).toEqual([])
    expect(ids(await find({ api }, null, 'granite'))).toEqual([id])
    expect(ids(await find({ api }, null, 'radon'))).toEqual([id])
    expect(ids(await find({ api }, world.people.member.id, 'limestone'))).toEqual([id])
    expect(await find({ api }, world.people.member.id, 'granite')).toEqual([])
    expect(ids(await find({ api }, world.people.member.id, 'radon'))).toEqual([id])
    const [found] = await find({ api }, null, 'radon')
    expect(found?.snippet.map((p) => p.text).join('')).toContain('granite')
    expect(found).toMatchObject({ type: 'document', url: `/documents/${id}` })
    expect(ids(await find({ api }, null, 'radon', { types: ['document'] }))).toEqual([id])
    // The next approval makes the draft's words public.
    await (await api.as(world.people.officer.id)).documents.publish({ id })
    expect(ids(await find({ api }, null, 'limestone'))).toEqual([id])
    expect(await find({ api }, null, 'granite')).toEqual([])
    await (await api.as(world.people.officer.id)).documents.unpublish({ id })
    expect(await find({ api }, null, 'limestone')).toEqual([])
    expect(ids(await find({ api }, world.people.member.id, 'limestone'))).toEqual([id])
  })

  it('sessions: a draft is its hosts’ alone, its agenda is searchable, and a scheduled public one is everyone’s', async ({
    world,
    api,
  }) => {
    const id = await makeSession(api, world, { title: 'Tuberculosis roundtable', visibility: 'public' })
    expect(await find({ api }, null, 'tuberculosis')).toEqual([])
    expect(ids(await find({ api }, world.people.member.id, 'tuberculosis'))).toEqual([id])
    await (await api.as(world.people.secretariat.id)).sessions.agenda.add({
      id,
      title: 'Vaccination uptake',
      durationMinutes: 20,
    })
    expect(ids(await find({ api }, world.people.member.id, 'vaccination'))).toEqual([id])
    await (await api.as(world.people.officer.id)).sessions.schedule({ id })
    const found = await find({ api }, null, 'tuberculosis')
    expect(found.map((r) => [r.type, r.url])).toEqual([['session', `/sessions/${id}`]])
  })

  it('a person who leaves a group no longer finds its items', async ({ world, api }) => {
    const id = await makeTopic(api, world, { title: 'Zeppelin safety' })
    expect(ids(await find({ api }, world.people.member.id, 'zeppelin'))).toEqual([id])
    await (await api.as(world.people.member.id)).memberships.leave({ slug: 'alpha' })
    expect(await find({ api }, world.people.member.id, 'zeppelin')).toEqual([])
  })

  it('reads words, "phrases", -exclusions and the last word as a prefix', async ({ world, api }) => {
    const a = await makeTopic(api, world, { title: 'Asbestos removal in schools' })
    const b = await makeTopic(api, world, { title: 'Asbestos removal in hospitals' })
    const c = await makeTopic(api, world, { title: 'Schools removal of asbestos' })
    const me = world.people.member.id
    expect(ids(await find({ api }, me, 'asbestos removal'))).toEqual([a, b, c].sort())
    expect(ids(await find({ api }, me, '"asbestos removal"'))).toEqual([a, b].sort())
    expect(ids(await find({ api }, me, 'asbestos -hospitals'))).toEqual([a, c].sort())
    expect(ids(await find({ api }, me, 'asbestos -"removal in schools"'))).toEqual([b, c].sort())
    expect(ids(await find({ api }, me, 'asbestos hosp'))).toEqual([b])
    // A finished word (followed by a space) is not a prefix.
    expect(await find({ api }, me, 'asbestos hosp ')).toEqual([])
  })

  it('filters by kind, group and date, and pages with a cursor', async ({ world, api }) => {
    const topics: string[] = []
    for (let i = 0; i < 5; i++) topics.push(await makeTopic(api, world, { title: `Glaucoma topic ${i}` }))
    const session = await makeSession(api, world, { title: 'Glaucoma session' })
    const me = world.people.member.id
    expect(ids(await find({ api }, me, 'glaucoma', { types: ['session'] }))).toEqual([session])
    expect((await find({ api }, me, 'glaucoma', { types: ['topic'] })).length).toBe(5)
    expect(await find({ api }, me, 'glaucoma', { group: 'beta' })).toEqual([])
    expect((await find({ api }, me, 'glaucoma', { group: 'alpha' })).length).toBe(6)
    expect(await find({ api }, me, 'glaucoma', { to: '2000-01-01' })).toEqual([])
    expect((await find({ api }, me, 'glaucoma', { from: '2000-01-01' })).length).toBe(6)

    const caller = await api.as(me)
    const seen: string[] = []
    let cursor: string | null = null
    for (let i = 0; i < 10; i++) {
      const page: { items: Result[]; nextCursor: string | null } = await caller.search.query({
        q: 'glaucoma',
        limit: 2,
        cursor,
      })
      seen.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
      if (!cursor) break
    }
    expect(seen.sort()).toEqual([...topics, session].sort())
  })

  it('odd input gets no results or a field error, never a server error', async ({ world, api }) => {
    const me = await api.as(world.people.member.id)
    await makeTopic(api, world)
    for (const q of [
      '',
      '   ',
      '!!! ??? ...',
      '"',
      '-',
      '- -- ---',
      '*',
      "' OR 1=1 --",
      'lung" OR "1"="1',
      'NEAR(lung cancer, 2)',
      'title:lung AND body:cancer*',
      '+lung -cancer ~screening <early >late (a b) @3',
      '"unclosed phrase lung',
      'lung NOT',
      'AND OR NOT',
      '\u0000\u0001 lung',
      'é́́́ 🫁 ﷽',
      'a'.repeat(500),
    ]) {
      const page = await me.search.query({ q })
      expect(Array.isArray(page.items), q).toBe(true)
    }
    expect(await refusal(me.search.query({ q: 'a'.repeat(501) }))).toBe('BAD_REQUEST')
    expect(await refusal(me.search.query({ q: 'lung', cursor: 'not-a-cursor' }))).toBe('BAD_REQUEST')
    expect(await refusal(me.search.query({ q: 'lung', cursor: 'WzEsMiwzXQ' }))).toBe('BAD_REQUEST')
    expect(await refusal(me.search.query({ q: 'lung', types: ['person' as 'topic'] }))).toBe('BAD_REQUEST')
  })

  it('finds what one may read below many better matches one may not (every match is ranked then)', async ({
    world,
    api,
  }) => {
    const open: string[] = []
    for (let i = 0; i < 3; i++)
      open.push(await makeTopic(api, world, { title: `Grey heron survey ${i}`, visibility: 'public' }))
    // More participants-only matches than SQLite's first attempt ranks, all ranked above the
    // public ones (as relevant or more, and newer).
    for (let i = 0; i < 205; i++) await makeTopic(api, world, { title: `Heron heron heron colony ${i}` })
    const first = await (await api.as(null)).search.query({ q: 'heron', limit: 2 })
    expect(first.items).toHaveLength(2)
    const second = await (await api.as(null)).search.query({ q: 'heron', limit: 2, cursor: first.nextCursor })
    expect(second.nextCursor).toBeNull()
    expect([...first.items, ...second.items].map((r) => r.id).sort()).toEqual(open.sort())
    expect(await find({ api }, world.people.member.id, 'heron', { limit: 50 })).toHaveLength(50)
  })

  it('answers in one query whatever it finds (the session check aside)', async ({ db, world, api }) => {
    for (let i = 0; i < 25; i++) await makeTopic(api, world, { title: `Kestrel survey ${i}` })
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    const out = await counted.as(null)
    expect(await counter.measure(() => out.search.query({ q: 'kestrel' }))).toBe(1)
    expect(await counter.measure(() => out.search.query({ q: '!!!' }))).toBe(0)
    const member = await counted.as(world.people.member.id)
    expect(await counter.measure(() => member.search.query({ q: 'kestrel', limit: 50 }))).toBe(2)
  })

  it('hub reindex rebuilds the index from the live tables', async ({ db, world, api }) => {
    const id = await makeTopic(api, world, { title: 'Ocelot welfare' })
    await db.deleteFrom('search_index').execute()
    expect(await find({ api }, world.people.member.id, 'ocelot')).toEqual([])
    const n = await rebuildSearchIndex(db)
    expect(n).toBeGreaterThanOrEqual(4) // three groups and the topic
    expect(ids(await find({ api }, world.people.member.id, 'ocelot'))).toEqual([id])
  })
})

describe.skipIf(!process.env.MYSQL_URL)('search over PlanetScale’s HTTP protocol (MySQL path)', () => {
  let db: Db
  let endpoint: PlanetscaleHttp

  beforeAll(async () => {
    const mysqlUrl = await createMysqlDatabase('hub_search_ps')
    const direct = await createDb(mysqlUrl)
    await migrateToLatest(direct)
    await direct.destroy()
    endpoint = await startPlanetscaleHttp({ mysqlUrl })
    db = await createDb(endpoint.url)
  })
  afterAll(async () => {
    await db?.destroy()
    await endpoint?.close()
    await dropMysqlDatabases()
  })

  it('indexes in the write’s transaction, filters by access and pages with cursors', async () => {
    const world = await makeJointWorld(db)
    const api = callers(db, fakeClock(SESSION_NOW))
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push(await makeTopic(api, world, { title: `Narwhal census ${i}` }))
    const member = await api.as(world.people.member.id)
    const seen: string[] = []
    let cursor: string | null = null
    for (let i = 0; i < 5; i++) {
      const page: { items: { id: string }[]; nextCursor: string | null } = await member.search.query({
        q: 'narwhal',
        limit: 2,
        cursor,
      })
      seen.push(...page.items.map((r) => r.id))
      cursor = page.nextCursor
      if (!cursor) break
    }
    expect(seen.sort()).toEqual([...ids].sort())
    expect((await (await api.as(null)).search.query({ q: 'narwhal' })).items).toEqual([])
    await (await api.as(world.people.officer.id)).topics.update({ id: ids[0]!, title: 'Beluga census' })
    expect((await member.search.query({ q: 'beluga' })).items.map((r) => r.id)).toEqual([ids[0]])
  })
})

describe('the migration indexes what the database already holds', () => {
  const targets = [
    async () => createDb('sqlite::memory:'),
    ...(process.env.MYSQL_URL ? [async () => createDb(await createMysqlDatabase('hub_search_migrate'))] : []),
  ]
  afterAll(() => (process.env.MYSQL_URL ? dropMysqlDatabases() : undefined))

  it.each(targets.map((open, i) => [i === 0 ? 'sqlite' : 'mysql', open] as const))(
    'on %s',
    async (_, open) => {
      const db = await open()
      try {
        // Every migration but the search index's (the fixtures need the later tables), then data,
        // then the search migration on its own, as on a database that predates it.
        const { '0006-search': _, ...others } = migrations
        const migrator = new Migrator({ db, provider: { getMigrations: async () => others } })
        const before = await migrator.migrateToLatest()
        expect(before.error).toBeUndefined()
        const world = await makeJointWorld(db)
        const now = new Date().toISOString()
        await db
          .insertInto('topic')
          .values({
            id: 'topic-before-search',
            appg_id: world.alpha.id,
            title: 'Mangrove restoration',
            summary: 'Coastal wetlands.',
            tags: '[]',
            visibility: 'public',
            status: 'open',
            created_by: world.people.officer.id,
            created_at: now,
            updated_at: now,
            last_activity_at: now,
          })
          .execute()
        await db
          .insertInto('participant')
          .values({
            item_type: 'topic',
            item_id: 'topic-before-search',
            appg_id: world.alpha.id,
            is_owner: 1,
            joined_at: now,
          })
          .execute()
        const search = await new Migrator({
          db,
          provider: { getMigrations: async () => migrations },
          allowUnorderedMigrations: true,
        }).migrateToLatest()
        expect(search.error).toBeUndefined()
        expect(search.results?.map((r) => r.migrationName)).toEqual(['0006-search'])
        const api = callers(db)
        const out = await api.as(null)
        expect((await out.search.query({ q: 'wetlands' })).items.map((r) => r.id)).toEqual([
          'topic-before-search',
        ])
        expect((await out.search.query({ q: 'gamma' })).items.map((r) => r.url)).toEqual(['/groups/gamma'])
      } finally {
        await db.destroy()
      }
    },
  )
})
