import { type Actor, groupHistory, newPersonRow, type ServiceContext, systemClock } from '@appg-hub/core'
import { type Db, newId } from '@appg-hub/db'
import { testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../../tests/support/fixtures'
import { at, entry, jsonl } from '../testing'
import { importRegister } from './index'

async function account(db: Db, name: string, isSiteAdmin = false): Promise<Actor> {
  const row = newPersonRow(
    { displayName: name, kind: 'staff', email: `${newId()}@example.org`, isSiteAdmin },
    '2026-06-01T00:00:00.000Z',
  )
  await db.insertInto('person').values(row).execute()
  return { id: row.id, email: row.email, displayName: name, kind: 'staff', isSiteAdmin }
}

const ctx = (db: Db, actor: Actor | null): ServiceContext => ({
  db,
  clock: systemClock,
  config: testConfig,
  actor,
})

describe.each(testDatabases())('a group’s history across editions on $name', (target) => {
  afterAll(() => target.close())

  it('says what changed between editions, newest first, to the people of the group only', async () => {
    const db = await target.fresh()
    await importRegister(db, {
      clock: at('2026-05-18T12:00:00.000Z'),
      lines: jsonl(
        entry('g', {
          edition: '260518',
          officers: [
            ['Chair & Registered Contact', 'Sam Green'],
            ['Vice Chair', 'Ali Brown'],
          ],
        }),
      ),
    })
    await importRegister(db, {
      clock: at('2026-06-29T12:00:00.000Z'),
      lines: jsonl(
        entry('g', {
          edition: '260629',
          officers: [
            ['Chair & Registered Contact', 'Jo White'],
            ['Treasurer', 'Ali Brown'],
          ],
          extra: { purpose: 'To discuss g, and more.' },
        }),
      ),
    })
    const group = await db.selectFrom('appg').select('id').where('slug', '=', 'g').executeTakeFirstOrThrow()
    const member = await account(db, 'A Member')
    await db
      .insertInto('membership')
      .values({
        id: newId(),
        person_id: member.id,
        appg_id: group.id,
        role: 'member',
        register_title: null,
        source: 'invitation',
        created_at: '2026-06-01T00:00:00.000Z',
        updated_at: '2026-06-01T00:00:00.000Z',
      })
      .execute()

    const history = await groupHistory(ctx(db, member), { slug: 'g' })
    // Newest first; within one import the events share its time.
    expect(history.map((h) => h.at)).toEqual(
      history
        .map((h) => h.at)
        .sort()
        .reverse(),
    )
    expect(history.map((h) => [h.at.slice(0, 10), h.kind, h.summary]).sort()).toEqual(
      [
        ['2026-06-29', 'officers', 'Ali Brown is now Treasurer (was Vice Chair)'],
        ['2026-06-29', 'officers', 'Jo White replaced Sam Green as Chair & Registered Contact'],
        ['2026-06-29', 'entry', 'Register entry changed: purpose'],
        ['2026-05-18', 'status', 'Listed on the Register (edition of 2026-05-18)'],
        ['2026-05-18', 'officers', 'Sam Green became Chair & Registered Contact'],
        ['2026-05-18', 'officers', 'Ali Brown became Vice Chair'],
      ].sort(),
    )
    expect(await groupHistory(ctx(db, await account(db, 'Admin', true)), { slug: 'g' })).toEqual(history)
    await expect(groupHistory(ctx(db, await account(db, 'Outsider')), { slug: 'g' })).rejects.toMatchObject({
      code: 'FORBIDDEN',
    })
    await expect(groupHistory(ctx(db, null), { slug: 'g' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' })
  })
})
