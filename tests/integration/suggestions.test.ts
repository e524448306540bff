import type { Db } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { NEEDS_REAL_REGISTER, REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { callers } from '../support/fixtures'
import { refusal } from '../support/joint-work'
import { LUNG_CANCER_TOPIC } from '../support/lung-cancer-topic'
import { QueryCounter } from '../support/query-counter'
import { loadDemoWorld } from '../support/server'

describe('suggested partners on the demo Register', () => {
  it('puts the APPGs on Cancer, Respiratory Health and Less Survivable Cancers first, with reasons', async () => {
    const db = await createDb('sqlite::memory:')
    try {
      await loadDemoWorld(db)
      const api = callers(db)
      const officer = await db
        .selectFrom('person')
        .select('id')
        .where('email', '=', 'officer@demo.appg-hub.test')
        .executeTakeFirstOrThrow()
      const caller = await api.as(officer.id)
      const { id } = await caller.topics.create(LUNG_CANCER_TOPIC)
      const suggestions = await caller.topics.suggestPartners({ id })
      expect(
        suggestions
          .slice(0, 3)
          .map((s) => s.slug)
          .sort(),
      ).toEqual(['cancer', 'less-survivable-cancers', 'respiratory-health'])
      const cancer = suggestions.find((s) => s.slug === 'cancer')!
      expect(cancer.reasons).toContain('Shared category: Health, Medicine & Public Health')
      expect(suggestions.find((s) => s.slug === 'respiratory-health')!.reasons).toContain(
        'Related words: respiratory (lung)',
      )
    } finally {
      await db.destroy()
    }
  })
})

/** Suggested partners on the real Register (the 2026-06-29 edition, the members file and the demo world). */
describe.skipIf(!REAL_REGISTER_DIR)(`suggested partners on the real Register ${NEEDS_REAL_REGISTER}`, () => {
  let db: Db
  let api: ReturnType<typeof callers>
  let officerId: string
  let topicId: string

  beforeAll(async () => {
    db = await createDb('sqlite::memory:')
    await loadDemoWorld(db, { realRegisterDir: REAL_REGISTER_DIR! })
    api = callers(db)
    const officer = await db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'officer@demo.appg-hub.test')
      .executeTakeFirstOrThrow()
    officerId = officer.id
    const caller = await api.as(officerId)
    topicId = (await caller.topics.create(LUNG_CANCER_TOPIC)).id
  }, 120_000)
  afterAll(() => db?.destroy())

  it('puts the APPGs on Cancer, Respiratory Health and Less Survivable Cancers near the top, with reasons', async () => {
    const caller = await api.as(officerId)
    const suggestions = await caller.topics.suggestPartners({ id: topicId })
    expect(suggestions).toHaveLength(10)
    const slugs = suggestions.map((s) => s.slug)
    for (const slug of ['cancer', 'respiratory-health', 'less-survivable-cancers'])
      expect(slugs, slug).toContain(slug)
    expect(slugs).not.toContain('personalised-medicine')
    const scores = suggestions.map((s) => s.score)
    expect(scores).toEqual([...scores].sort((a, b) => b - a))

    const cancer = suggestions.find((s) => s.slug === 'cancer')!
    expect(cancer.title).toBe('All-Party Parliamentary Group on Cancer')
    expect(cancer.reasons).toContain('Shared category: Health, Medicine & Public Health')
    expect(cancer.reasons.some((r) => /^Words in common: .*cancer/.test(r))).toBe(true)
    const respiratory = suggestions.find((s) => s.slug === 'respiratory-health')!
    expect(respiratory.reasons).toContain('Related words: respiratory (lung)')
    const lsc = suggestions.find((s) => s.slug === 'less-survivable-cancers')!
    expect(lsc.reasons.find((r) => r.startsWith('Words in common'))).toMatch(/cancer.*lung|lung.*cancer/)
  })

  it('leaves out groups already taking part and those invited and still to answer', async () => {
    const caller = await api.as(officerId)
    const { invitations } = await caller.invitations.send({
      itemType: 'topic',
      itemId: topicId,
      toGroupSlugs: ['cancer', 'respiratory-health'],
    })
    // Sarah Okafor is an officer of the APPG on Cancer as well: she answers for it.
    await caller.invitations.accept({ id: invitations[0]!.id })
    const slugs = (await caller.topics.suggestPartners({ id: topicId, limit: 50 })).map((s) => s.slug)
    expect(slugs).toHaveLength(50)
    expect(slugs).not.toContain('cancer')
    expect(slugs).not.toContain('respiratory-health')
    expect(slugs).toContain('less-survivable-cancers')
  })

  it('builds the corpus once: later calls read only the topic and a fingerprint of the groups', async () => {
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    await (await counted.as(officerId)).topics.suggestPartners({ id: topicId })
    const caller = await counted.as(officerId)
    // session + topic with its groups, its invitations and the corpus fingerprint
    expect(await counter.measure(() => caller.topics.suggestPartners({ id: topicId }))).toBe(2)
  })

  it('is for people who may read the topic', async () => {
    expect(await refusal((await api.as(null)).topics.suggestPartners({ id: topicId }))).toBe('NOT_FOUND')
  })
})
