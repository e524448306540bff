import { type Db, newId, type PersonKind, type Role } from '@appg-hub/db'
import { describe, expect } from 'vitest'
import { callers } from '../support/fixtures'
import { dialects, hubTest } from '../support/hub-test'
import { QueryCounter } from '../support/query-counter'

/**
 * Rule checks read from the database (core register/rule-reads.ts): the Register's officers, the
 * membership list, the AGM block, benefits and the hub's sessions of a group as the import stores
 * them, checked on the edition's date; the site administrator's list of failing groups; and both in
 * a fixed number of queries, whatever the number of groups and people.
 */
describe.each(dialects())('rule checks on $name', (dialect) => {
  const it = hubTest(dialect)

  async function registerPerson(
    db: Db,
    appgId: string,
    name: string,
    kind: PersonKind,
    party: string | null,
    role: Role,
    title: string | null,
    source: string,
  ) {
    const now = new Date().toISOString()
    const id = newId()
    await db
      .insertInto('person')
      .values({
        id,
        email: null,
        display_name: name,
        kind,
        organisation: null,
        party,
        mnis_id: null,
        twfy_id: null,
        register_key: `name:${name.toLowerCase()}`,
        password_hash: null,
        is_site_admin: 0,
        email_preference: 'immediate',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    await db
      .insertInto('membership')
      .values({
        id: newId(),
        person_id: id,
        appg_id: appgId,
        role,
        register_title: title,
        source,
        created_at: now,
        updated_at: now,
      })
      .execute()
  }

  /** Alpha as an edition of 29 June 2026 shows it: three officers, a late benefit, the AGM due in December. */
  async function registerAlpha(db: Db, alphaId: string) {
    await db
      .updateTable('appg')
      .set({
        register_edition: '260629',
        registered_contact_name: 'Jo White MP',
        agm_date: '2025-09-01',
        agm_statement_published: 0,
        agm_next_deadline: '2026-12-01',
      })
      .where('id', '=', alphaId)
      .execute()
    await registerPerson(
      db,
      alphaId,
      'Jo White',
      'mp',
      'Labour',
      'chair',
      'Chair & Registered Contact',
      'register',
    )
    await registerPerson(db, alphaId, 'Sam Green', 'mp', 'Conservative', 'officer', 'Vice Chair', 'register')
    await registerPerson(db, alphaId, 'Lord Grey', 'peer', 'Crossbench', 'officer', 'Officer', 'register')
    await db
      .insertInto('benefit')
      .values({
        id: newId(),
        appg_id: alphaId,
        source: 'A firm',
        description: 'Secretariat',
        value_band: '3,001-4,500',
        received: '01/03/2026',
        registered: '30/04/2026',
        benefit_type: 'Benefits In Kind',
        position: 0,
      })
      .execute()
  }

  it('reads a group’s Register entry and answers each rule for its officer', async ({ db, world, api }) => {
    await registerAlpha(db, world.alpha.id)
    api.clock.set('2026-07-01T09:00:00.000Z')
    const officer = await api.as(world.people.officer.id)
    const { edition, checks } = await officer.register.ruleChecks({ slug: 'alpha' })
    expect(edition).toBe('2026-06-29')
    const results = Object.fromEntries(checks.map((c) => [c.id, c.result]))
    expect(results).toEqual({
      'chair.mp': 'pass',
      // Three officers: the hub's own officer accounts (source 'admin') are not the Register's.
      'officers.minimum': 'fail',
      'officers.balance': 'pass',
      'members.minimum': 'not_known',
      'members.balance': 'not_known',
      'agm.deadline': 'pass',
      'agm.statement': 'fail',
      'benefits.timely': 'fail',
      'notices.week': 'not_known',
    })
    expect(checks.find((c) => c.id === 'officers.minimum')!.shows).toBe('3 officers, 2 of them MPs')
  })

  it('counts a published membership list, officers included', async ({ db, world, api }) => {
    await registerAlpha(db, world.alpha.id)
    for (let i = 0; i < 17; i++)
      await registerPerson(
        db,
        world.alpha.id,
        `Member ${i}`,
        'mp',
        i % 2 ? 'Labour' : null,
        'member',
        null,
        'members_list',
      )
    const admin = await api.as(world.people.admin.id)
    const checks = (await admin.register.ruleChecks({ slug: 'alpha' })).checks
    expect(checks.find((c) => c.id === 'members.minimum')).toMatchObject({
      result: 'pass',
      shows: "20 parliamentarians on the group's published membership list",
    })
    expect(checks.find((c) => c.id === 'members.balance')!.result).toBe('pass')
  })

  it('lists the failing groups with only their failing checks, in a fixed number of queries', async ({
    db,
    world,
    api,
  }) => {
    await registerAlpha(db, world.alpha.id)
    api.clock.set('2026-07-01T09:00:00.000Z')
    const counter = new QueryCounter()
    const counted = callers(db.withPlugin(counter), api.clock)
    const admin = await counted.as(world.people.admin.id)
    let failing: Awaited<ReturnType<typeof admin.register.failingRuleChecks>> = []
    // session + the groups with their people, benefits and sessions aggregated beside them
    expect(await counter.measure(async () => (failing = await admin.register.failingRuleChecks()))).toBe(2)
    const alpha = failing.find((g) => g.slug === 'alpha')!
    expect(alpha.failing.map((c) => c.id)).toEqual(['officers.minimum', 'agm.statement', 'benefits.timely'])
    expect(failing.every((g) => g.failing.every((c) => c.result === 'fail'))).toBe(true)
    // Beta has no Register officers at all: no Chair & Registered Contact.
    expect(failing.find((g) => g.slug === 'beta')!.failing.map((c) => c.id)).toContain('chair.mp')

    const officer = await counted.as(world.people.officer.id)
    // session + the group with the caller's role and the same aggregates
    expect(await counter.measure(() => officer.register.ruleChecks({ slug: 'alpha' }))).toBe(2)
  })
})
