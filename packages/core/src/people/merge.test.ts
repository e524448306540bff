import { type Db, newId, type Role } from '@appg-hub/db'
import { testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../../tests/support/fixtures'
import { makeGroup } from '../../../../tests/support/groups'
import { fakeClock } from '../clock'
import type { Actor, ServiceContext } from '../context'
import { mergePeople, splitAlias, splitMerge } from './merge'
import { searchPeopleToMerge } from './merge-search'
import { newPersonRow } from './person-row'

const ADMIN: Actor = {
  id: 'admin-1',
  email: 'admin@example.org',
  displayName: 'Admin',
  kind: 'staff',
  isSiteAdmin: true,
}
const OFFICER: Actor = { ...ADMIN, id: 'officer-1', isSiteAdmin: false }
const NOW = '2026-06-01T00:00:00.000Z'

function ctxOf(db: Db, actor: Actor | null = ADMIN): ServiceContext {
  return { db, clock: fakeClock(new Date('2026-07-01T09:00:00.000Z')), config: testConfig, actor }
}

async function registerPerson(db: Db, name: string, extra: { mnisId?: string; email?: string } = {}) {
  const row = newPersonRow(
    { displayName: name, kind: 'peer', registerKey: `name:${name.toLowerCase()}`, ...extra },
    NOW,
  )
  await db.insertInto('person').values(row).execute()
  return row.id
}

async function member(db: Db, personId: string, appgId: string, role: Role, title: string | null) {
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: personId,
      appg_id: appgId,
      role,
      register_title: title,
      source: 'register',
      created_at: NOW,
      updated_at: NOW,
    })
    .execute()
}

/** Everything a merge may touch, in a comparable form. */
async function state(db: Db) {
  const [people, memberships, aliases] = await Promise.all([
    db.selectFrom('person').selectAll().orderBy('id').execute(),
    db.selectFrom('membership').selectAll().orderBy('id').execute(),
    db.selectFrom('person_alias').select(['name_key', 'person_id', 'source']).orderBy('name_key').execute(),
  ])
  return { people, memberships, aliases }
}

describe.each(testDatabases())('merging and splitting people on $name', (target) => {
  afterAll(() => target.close())

  async function world() {
    const db = await target.fresh()
    const { id: g } = await makeGroup(db, 'g')
    const { id: h } = await makeGroup(db, 'h')
    const short = await registerPerson(db, 'Baroness Quill', { mnisId: '4719' })
    const territorial = await registerPerson(db, 'Baroness Quill of Inkwell')
    await member(db, short, g, 'member', null)
    await member(db, territorial, g, 'officer', 'Vice Chair')
    await member(db, territorial, h, 'chair', 'Chair & Registered Contact')
    return { db, g, h, short, territorial }
  }

  it('merges one person into another: memberships, ids and names; audited; split restores it exactly', async () => {
    const { db, g, h, short, territorial } = await world()
    const before = await state(db)

    const { mergeId } = await mergePeople(ctxOf(db), { keepId: short, mergedId: territorial })
    const after = await state(db)
    expect(after.people.map((p) => [p.display_name, p.mnis_id])).toEqual([['Baroness Quill', '4719']])
    expect(after.memberships.map((m) => [m.person_id, m.appg_id, m.role]).sort()).toEqual(
      [
        [short, g, 'officer'],
        [short, h, 'chair'],
      ].sort(),
    )
    expect(after.aliases).toEqual([
      { name_key: 'baroness quill of inkwell', person_id: short, source: 'admin' },
    ])
    const events = await db.selectFrom('audit_event').select(['action', 'actor_id', 'item_id']).execute()
    expect(events).toEqual([{ action: 'person.merged', actor_id: ADMIN.id, item_id: short }])

    // The administrator's page finds the person by the merged name, with the merge to split.
    const found = await searchPeopleToMerge(ctxOf(db), { q: 'Inkwell' })
    expect(found.map((p) => [p.name, p.mnisId, p.groups, p.aliases.map((a) => a.name), p.merges])).toEqual([
      [
        'Baroness Quill',
        '4719',
        2,
        ['Baroness Quill of Inkwell'],
        [{ id: mergeId, name: 'Baroness Quill of Inkwell', at: '2026-07-01T09:00:00.000Z' }],
      ],
    ])
    await expect(searchPeopleToMerge(ctxOf(db, OFFICER), { q: 'Quill' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })

    await splitMerge(ctxOf(db), { mergeId })
    expect((await searchPeopleToMerge(ctxOf(db), { q: 'quill' })).map((p) => [p.name, p.merges])).toEqual([
      ['Baroness Quill', []],
      ['Baroness Quill of Inkwell', []],
    ])
    const split = await state(db)
    expect(split.aliases).toEqual([])
    expect(split.people.map((p) => ({ ...p, updated_at: null }))).toEqual(
      before.people.map((p) => ({ ...p, updated_at: null })),
    )
    expect(split.memberships.map((m) => [m.id, m.person_id, m.appg_id, m.register_title]).sort()).toEqual(
      before.memberships.map((m) => [m.id, m.person_id, m.appg_id, m.register_title]).sort(),
    )
    await expect(splitMerge(ctxOf(db), { mergeId })).rejects.toMatchObject({ code: 'CONFLICT' })
    expect(
      (await db.selectFrom('audit_event').select('action').orderBy('at').execute())
        .map((e) => e.action)
        .sort(),
    ).toEqual(['person.merged', 'person.split'])
  })

  it('refuses a caller who is not a site administrator, two MNIS ids, and an account', async () => {
    const { db, short, territorial } = await world()
    const before = await state(db)
    await expect(
      mergePeople(ctxOf(db, OFFICER), { keepId: short, mergedId: territorial }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(
      mergePeople(ctxOf(db, null), { keepId: short, mergedId: territorial }),
    ).rejects.toMatchObject({
      code: 'UNAUTHORIZED',
    })
    const other = await registerPerson(db, 'Baroness Quill of Elsewhere', { mnisId: '9999' })
    await expect(mergePeople(ctxOf(db), { keepId: short, mergedId: other })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
    const account = await registerPerson(db, 'Quill Account', { email: 'quill@example.org' })
    await expect(mergePeople(ctxOf(db), { keepId: account, mergedId: territorial })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    await expect(mergePeople(ctxOf(db), { keepId: short, mergedId: short })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    })
    const now = await state(db)
    expect(now.memberships).toEqual(before.memberships)
    expect(now.aliases).toEqual([])
  })

  it('splits a name the import merged into a person of its own, with the ids when asked', async () => {
    const { db, short } = await world()
    const aliasId = newId()
    await db
      .insertInto('person_alias')
      .values({
        id: aliasId,
        name_key: 'baroness quill of quire',
        person_id: short,
        display_name: 'Baroness Quill of Quire',
        source: 'import',
        reason: 'a title rule',
        merge_id: null,
        created_at: NOW,
      })
      .execute()
    const { personId } = await splitAlias(ctxOf(db), { aliasId, takeIds: true })
    const people = await db
      .selectFrom('person')
      .select(['id', 'display_name', 'mnis_id', 'register_key'])
      .where('id', 'in', [short, personId])
      .orderBy('display_name')
      .execute()
    expect(people.map((p) => [p.display_name, p.mnis_id, p.register_key])).toEqual([
      ['Baroness Quill', null, 'name:baroness quill'],
      ['Baroness Quill of Quire', '4719', 'mnis:4719'],
    ])
    expect(await db.selectFrom('person_alias').select(['person_id', 'source']).execute()).toEqual([
      { person_id: personId, source: 'admin' },
    ])
    await expect(splitAlias(ctxOf(db), { aliasId, takeIds: false })).rejects.toMatchObject({
      code: 'CONFLICT',
    })
  })
})
