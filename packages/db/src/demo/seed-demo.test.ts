import { readFileSync } from 'node:fs'
import { testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import type { Db } from '../kysely'
import { importRegister } from '../register/index'
import { DEMO_REGISTER_FILE } from './demo-register'
import { DEMO_EMAIL_DOMAIN, DEMO_GROUP_SLUG, DEMO_PASSWORD, seedDemo } from './seed-demo'

const GROUPS = ['cancer', 'respiratory-health', 'diabetes']

/** The demo Register's lines of the groups the demo joins (the whole file works too). */
function demoLines(slugs = GROUPS): string[] {
  return readFileSync(DEMO_REGISTER_FILE, 'utf8')
    .split('\n')
    .filter((l) => slugs.some((s) => l.includes(`"slug": "${s}"`)))
}

async function importDemoGroups(db: Db) {
  await importRegister(db, { lines: demoLines() })
  await importRegister(db, { lines: demoLines(), mode: 'members' })
}

function fakeHash() {
  const calls: string[] = []
  return {
    calls,
    hashPassword: async (pw: string) => {
      calls.push(pw)
      return `hashed:${pw}`
    },
  }
}

async function counts(db: Db) {
  const out: Record<string, number> = {}
  for (const table of ['person', 'membership', 'appg', 'appg_tag', 'benefit', 'audit_event'] as const) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    out[table] = Number(row.n)
  }
  return out
}

/** [email, slug, role, register_title, source] of every demo membership. */
async function demoMemberships(db: Db) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .innerJoin('appg', 'appg.id', 'membership.appg_id')
    .select([
      'person.email',
      'appg.slug',
      'membership.role',
      'membership.register_title',
      'membership.source',
    ])
    .where('person.email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
    .execute()
  return rows
    .map((r) => [r.email, r.slug, r.role, r.register_title, r.source])
    .sort((a, b) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`))
}

describe.each(testDatabases())('demo world on $name', (target) => {
  afterAll(() => target.close())

  it('refuses, writing nothing, when the Register has not been imported', async () => {
    const db = await target.fresh()
    const hash = fakeHash()
    await expect(seedDemo(db, hash)).rejects.toThrow(
      /cancer, respiratory-health, diabetes: import the Register/,
    )
    expect(await counts(db)).toMatchObject({ person: 0, appg: 0, membership: 0, audit_event: 0 })
    expect(hash.calls).toEqual([])
  })

  it('creates Personalised Medicine and one account per role, and a second run changes nothing', async () => {
    const db = await target.fresh()
    await importDemoGroups(db)
    const hash = fakeHash()
    const accounts = await seedDemo(db, { ...hash, clock: () => new Date('2026-07-01T08:00:00.000Z') })

    expect(hash.calls).toEqual([DEMO_PASSWORD])
    expect(DEMO_PASSWORD).toBe('appg-demo-2026')
    expect(accounts.map((a) => [a.email, a.role, a.group])).toEqual([
      ['chair@demo.appg-hub.test', 'chair', 'personalised-medicine'],
      ['secretariat@demo.appg-hub.test', 'secretariat', 'personalised-medicine'],
      ['officer@demo.appg-hub.test', 'officer', 'personalised-medicine'],
      ['member@demo.appg-hub.test', 'member', 'personalised-medicine'],
      ['observer@demo.appg-hub.test', 'observer', 'personalised-medicine'],
      ['cancer-secretariat@demo.appg-hub.test', 'secretariat', 'cancer'],
      ['cancer-member@demo.appg-hub.test', 'member', 'cancer'],
      ['respiratory-officer@demo.appg-hub.test', 'officer', 'respiratory-health'],
      ['respiratory-member@demo.appg-hub.test', 'member', 'respiratory-health'],
      ['diabetes-officer@demo.appg-hub.test', 'officer', 'diabetes'],
      ['admin@demo.appg-hub.test', 'admin', null],
    ])
    for (const a of accounts) {
      expect(a.password).toBe(DEMO_PASSWORD)
      expect(a.email).toBe(a.email.toLowerCase())
      expect(a.displayName.length).toBeGreaterThan(0)
    }
    expect(accounts.find((a) => a.role === 'officer' && a.group === DEMO_GROUP_SLUG)!.groups).toEqual([
      { slug: 'personalised-medicine', role: 'officer' },
      { slug: 'cancer', role: 'officer' },
    ])

    const group = await db
      .selectFrom('appg')
      .selectAll()
      .where('slug', '=', DEMO_GROUP_SLUG)
      .executeTakeFirstOrThrow()
    expect(group).toMatchObject({
      title: 'All-Party Parliamentary Group on Personalised Medicine',
      status: 'registered',
      register_edition: 'demo',
      category: 'Subject Group',
      secretariat: "PHG Foundation acts as the group's secretariat.",
      created_at: '2026-07-01T08:00:00.000Z',
    })
    expect(group.purpose).toMatch(/work programme/)
    for (const topic of ['lung cancer', 'cardiovascular disease', 'diabetes'])
      expect(group.purpose).toContain(topic)
    const tags = await db
      .selectFrom('appg_tag')
      .select('tag')
      .where('appg_id', '=', group.id)
      .orderBy('tag')
      .execute()
    expect(tags.map((t) => t.tag)).toEqual([
      'Health, Medicine & Public Health',
      'Science, Technology & Innovation',
    ])

    expect(await demoMemberships(db)).toEqual([
      ['cancer-member@demo.appg-hub.test', 'cancer', 'member', null, 'demo'],
      ['cancer-secretariat@demo.appg-hub.test', 'cancer', 'secretariat', null, 'demo'],
      ['chair@demo.appg-hub.test', 'personalised-medicine', 'chair', 'Chair & Registered Contact', 'demo'],
      ['diabetes-officer@demo.appg-hub.test', 'diabetes', 'officer', 'Officer', 'demo'],
      ['member@demo.appg-hub.test', 'personalised-medicine', 'member', null, 'demo'],
      ['observer@demo.appg-hub.test', 'personalised-medicine', 'observer', null, 'demo'],
      ['officer@demo.appg-hub.test', 'cancer', 'officer', 'Officer', 'demo'],
      ['officer@demo.appg-hub.test', 'personalised-medicine', 'officer', 'Vice Chair', 'demo'],
      ['respiratory-member@demo.appg-hub.test', 'respiratory-health', 'member', null, 'demo'],
      ['respiratory-officer@demo.appg-hub.test', 'respiratory-health', 'officer', 'Vice Chair', 'demo'],
      ['secretariat@demo.appg-hub.test', 'personalised-medicine', 'secretariat', null, 'demo'],
    ])
    const people = await db
      .selectFrom('person')
      .select(['email', 'kind', 'organisation', 'is_site_admin', 'password_hash', 'register_key'])
      .where('email', 'like', `%@${DEMO_EMAIL_DOMAIN}`)
      .execute()
    const byEmail = new Map(people.map((p) => [p.email, p]))
    expect(people).toHaveLength(11)
    expect(byEmail.get('secretariat@demo.appg-hub.test')).toMatchObject({
      kind: 'secretariat',
      organisation: 'PHG Foundation',
    })
    expect(byEmail.get('cancer-secretariat@demo.appg-hub.test')).toMatchObject({
      kind: 'secretariat',
      organisation: 'Macmillan Cancer Support',
    })
    expect(byEmail.get('admin@demo.appg-hub.test')).toMatchObject({ is_site_admin: 1 })
    expect(people.filter((p) => p.is_site_admin === 1)).toHaveLength(1)
    for (const p of people) {
      expect(p.password_hash).toBe(`hashed:${DEMO_PASSWORD}`)
      expect(p.register_key).toBeNull()
    }
    // The real groups keep their Register officers alongside the demo accounts.
    const cancerChair = await db
      .selectFrom('membership')
      .innerJoin('appg', 'appg.id', 'membership.appg_id')
      .select(['membership.role', 'membership.source'])
      .where('appg.slug', '=', 'cancer')
      .where('membership.role', '=', 'chair')
      .execute()
    expect(cancerChair).toEqual([{ role: 'chair', source: 'register' }])

    const before = await counts(db)
    const again = fakeHash()
    expect(await seedDemo(db, again)).toEqual(accounts)
    expect(again.calls).toEqual([])
    expect(await counts(db)).toEqual(before)
  })

  it('survives a re-import of the Register: the demo group stays registered, demo memberships stay', async () => {
    const db = await target.fresh()
    await importDemoGroups(db)
    await seedDemo(db, fakeHash())
    const memberships = await demoMemberships(db)

    // An edition that no longer lists the APPG on Diabetes.
    const report = await importRegister(db, {
      lines: demoLines(['cancer', 'respiratory-health']),
    })
    expect(report.groups.deregistered).toBe(1)
    const statuses = await db.selectFrom('appg').select(['slug', 'status']).orderBy('slug').execute()
    expect(statuses).toEqual([
      { slug: 'cancer', status: 'registered' },
      { slug: 'diabetes', status: 'deregistered' },
      { slug: 'personalised-medicine', status: 'registered' },
      { slug: 'respiratory-health', status: 'registered' },
    ])
    await importRegister(db, { lines: demoLines(), mode: 'members' })
    expect(await demoMemberships(db)).toEqual(memberships)
  })

  it('puts back what is missing and only that', async () => {
    const db = await target.fresh()
    await importDemoGroups(db)
    await seedDemo(db, fakeHash())
    const before = await counts(db)
    const member = await db
      .selectFrom('person')
      .select('id')
      .where('email', '=', 'cancer-member@demo.appg-hub.test')
      .executeTakeFirstOrThrow()
    await db.deleteFrom('membership').where('person_id', '=', member.id).execute()
    await db.deleteFrom('person').where('id', '=', member.id).execute()

    const hash = fakeHash()
    await seedDemo(db, hash)
    expect(hash.calls).toEqual([DEMO_PASSWORD])
    // One person and one membership back, plus the audit event that says so.
    expect(await counts(db)).toEqual({ ...before, audit_event: before.audit_event! + 1 })
    expect((await demoMemberships(db)).filter((m) => m[0] === 'cancer-member@demo.appg-hub.test')).toEqual([
      ['cancer-member@demo.appg-hub.test', 'cancer', 'member', null, 'demo'],
    ])
  })
})
