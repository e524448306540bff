import {
  type Actor,
  mergePeople,
  type ServiceContext,
  splitAlias,
  splitMerge,
  systemClock,
} from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../../tests/support/fixtures'
import { peopleReport } from '../people/report'
import { at, entry, jsonl, type Raw } from '../testing'
import { importRegister } from './index'

const lord = (name: string, mnisId: string | null = null): Raw => ({
  name,
  member_type: 'lord',
  mnis_id: mnisId,
  twfy_id: null,
  is_officer: false,
  removed: false,
})

/** A members-file line: the entry with its membership list and a topic tag. */
const withMembers = (slug: string, officers: [string, string, string?][], members: Raw[]) =>
  entry(slug, {
    officers,
    extra: {
      members_list: { source_method: 'manual', source_url: [], last_updated: null, members },
      categories: ['Health'],
    },
  })

async function people(db: Db) {
  const rows = await db
    .selectFrom('person')
    .select(['display_name', 'mnis_id'])
    .orderBy('display_name')
    .execute()
  return rows.map((r) => [r.display_name, r.mnis_id])
}

async function aliases(db: Db) {
  const rows = await db
    .selectFrom('person_alias')
    .innerJoin('person', 'person.id', 'person_alias.person_id')
    .select(['person_alias.name_key', 'person_alias.source', 'person.display_name'])
    .orderBy('person_alias.name_key')
    .execute()
  return rows.map((r) => [r.name_key, r.source, r.display_name])
}

const BENNETT_EDITION = jsonl(
  entry('g', {
    officers: [
      ['Chair & Registered Contact', 'Jane Doe'],
      ['Treasurer', 'Baroness Bennett of Manor Castle'],
    ],
  }),
)
const BENNETT_MEMBERS = jsonl(
  withMembers(
    'g',
    [
      ['Chair & Registered Contact', 'Jane Doe'],
      ['Treasurer', 'Baroness Bennett', '4719'],
    ],
    [lord('Baroness Bennett', '4719')],
  ),
)

const ADMIN: Actor = { id: 'admin-1', email: null, displayName: 'Admin', kind: 'staff', isSiteAdmin: true }
const admin = (db: Db): ServiceContext => ({ db, clock: systemClock, config: testConfig, actor: ADMIN })

async function personId(db: Db, name: string) {
  return (
    await db.selectFrom('person').select('id').where('display_name', '=', name).executeTakeFirstOrThrow()
  ).id
}

describe.each(testDatabases())('one person per real person on $name', (target) => {
  afterAll(() => target.close())

  it('merges a peer’s territorial title (editions) with the short title and id (members file), and re-imports keep it', async () => {
    const db = await target.fresh()
    await importRegister(db, { lines: BENNETT_EDITION, clock: at('2026-06-01T00:00:00.000Z') })
    const members = await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })
    expect(members.merged).toEqual([
      'Baroness Bennett = Baroness Bennett of Manor Castle: "Baroness Bennett" is the short title of the only peer so styled (Baroness Bennett of Manor Castle)',
    ])
    expect(await people(db)).toEqual([
      ['Baroness Bennett of Manor Castle', '4719'],
      ['Jane Doe', null],
    ])
    expect(await aliases(db)).toEqual([['baroness bennett', 'import', 'Baroness Bennett of Manor Castle']])
    const merged = await db
      .selectFrom('audit_event')
      .select(['details'])
      .where('action', '=', 'register.person.merged')
      .execute()
    expect(merged.map((m) => JSON.parse(m.details).name)).toEqual(['Baroness Bennett'])
    // The membership list names her as a member of a group she is an officer of: she stays the officer.
    expect(members.members).toEqual({ added: 0, removed: 0, unchanged: 1 })

    const edition = await importRegister(db, { lines: BENNETT_EDITION })
    const again = await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })
    for (const report of [edition, again]) {
      expect(report.merged).toEqual([])
      expect(report.persons).toEqual({ created: 0, updated: 0 })
      expect(report.auditEvents).toBe(0)
    }
    expect(await people(db)).toHaveLength(2)
    expect((await peopleReport(db)).merges.map((m) => [m.name, m.person.name, m.source])).toEqual([
      ['Baroness Bennett', 'Baroness Bennett of Manor Castle', 'import'],
    ])
  })

  it('merges the same way when the short title with its id comes first', async () => {
    const db = await target.fresh()
    await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })
    const edition = await importRegister(db, { lines: BENNETT_EDITION })
    expect(edition.merged).toHaveLength(1)
    expect(await people(db)).toEqual([
      ['Baroness Bennett', '4719'],
      ['Jane Doe', null],
    ])
    expect(await aliases(db)).toEqual([['baroness bennett of manor castle', 'import', 'Baroness Bennett']])
  })

  it('merges nobody when two peers could be meant, or two MNIS ids say two people; the report lists the ambiguity', async () => {
    const db = await target.fresh()
    await importRegister(db, {
      lines: jsonl(
        entry('g', { officers: [['Chair & Registered Contact', 'Lord Smith of Finsbury']] }),
        entry('h', { officers: [['Chair & Registered Contact', 'Lord Smith of Hindhead']] }),
      ),
    })
    const members = await importRegister(db, {
      mode: 'members',
      lines: jsonl(
        withMembers(
          'g',
          [['Chair & Registered Contact', 'Lord Smith of Finsbury']],
          [lord('Lord Smith', '100')],
        ),
        withMembers(
          'h',
          [['Chair & Registered Contact', 'Lord Smith of Hindhead']],
          [lord('Lord Jones', '7'), lord('Lord Jones of Cheltenham', '8')],
        ),
      ),
    })
    expect(members.merged).toEqual([])
    expect(await aliases(db)).toEqual([])
    expect(await people(db)).toEqual([
      ['Lord Jones', '7'],
      ['Lord Jones of Cheltenham', '8'],
      ['Lord Smith', '100'],
      ['Lord Smith of Finsbury', null],
      ['Lord Smith of Hindhead', null],
    ])
    const report = await peopleReport(db)
    expect(report.ambiguous.map((a) => [a.short.name, a.candidates.map((c) => c.name).sort()])).toEqual([
      ['Lord Smith', ['Lord Smith of Finsbury', 'Lord Smith of Hindhead']],
    ])
  })

  it('applies the repository’s alias facts, whichever name comes first', async () => {
    for (const order of ['canonical first', 'variant first'] as const) {
      const db = await target.fresh()
      const canonical = jsonl(
        entry('g', { officers: [['Chair & Registered Contact', 'Lord Bassam of Brighton']] }),
      )
      const variant = jsonl(
        withMembers('g', [['Chair & Registered Contact', 'Jane Doe']], [lord('Lord Steve Bassam')]),
      )
      const files = order === 'canonical first' ? [canonical, variant] : [variant, canonical]
      const modes =
        order === 'canonical first' ? (['edition', 'members'] as const) : (['members', 'edition'] as const)
      await importRegister(db, { lines: files[0]!, mode: modes[0] })
      await importRegister(db, { lines: files[1]!, mode: modes[1] })
      expect(
        (await people(db)).filter(([name]) => name!.includes('Bassam')),
        order,
      ).toHaveLength(1)
      expect(
        (await peopleReport(db)).merges.map((m) => [m.source, m.reason]),
        order,
      ).toEqual([['repository', 'Steve Bassam; the membership list puts the given name into the title']])
    }
  })

  it('keeps a site administrator’s merge, and a split, across re-imports', async () => {
    const db = await target.fresh()
    const edition = jsonl(
      entry('g', { officers: [['Chair & Registered Contact', 'Jo White']] }),
      entry('h', { officers: [['Chair & Registered Contact', 'Joanna White']] }),
    )
    await importRegister(db, { lines: edition })
    const { mergeId } = await mergePeople(admin(db), {
      keepId: await personId(db, 'Jo White'),
      mergedId: await personId(db, 'Joanna White'),
    })
    const merged = await importRegister(db, { lines: edition })
    expect([merged.persons, merged.officers, merged.changes]).toEqual([
      { created: 0, updated: 0 },
      { added: 0, removed: 0, changed: 0 },
      [],
    ])
    expect(await people(db)).toEqual([['Jo White', null]])

    await splitMerge(admin(db), { mergeId })
    const split = await importRegister(db, { lines: edition })
    expect([split.persons, split.officers, split.changes]).toEqual([
      { created: 0, updated: 0 },
      { added: 0, removed: 0, changed: 0 },
      [],
    ])
    expect(await people(db)).toEqual([
      ['Jo White', null],
      ['Joanna White', null],
    ])
  })

  it('keeps a name the import merged apart once a site administrator splits it off', async () => {
    const db = await target.fresh()
    await importRegister(db, { lines: BENNETT_EDITION })
    await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })
    const alias = await db.selectFrom('person_alias').select('id').executeTakeFirstOrThrow()
    await splitAlias(admin(db), { aliasId: alias.id, takeIds: true })
    const again = await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })
    expect(again.merged).toEqual([])
    expect(again.persons.created).toBe(0)
    // The membership list's "Baroness Bennett" (MNIS 4719) is her own person now, a member of the group.
    expect(again.members).toEqual({ added: 1, removed: 0, unchanged: 0 })
    expect(await people(db)).toEqual([
      ['Baroness Bennett', '4719'],
      ['Baroness Bennett of Manor Castle', null],
      ['Jane Doe', null],
    ])
    await importRegister(db, { lines: BENNETT_EDITION })
    expect((await importRegister(db, { lines: BENNETT_MEMBERS, mode: 'members' })).merged).toEqual([])
  })
})
