import { testDatabases } from '@appg-hub/db/testing'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { isUniqueViolation } from './unique'

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run()
  } catch (error) {
    return error
  }
  throw new Error('expected a failure')
}

describe.each(testDatabases())('isUniqueViolation on $name', (target) => {
  afterAll(() => target.close())

  it('recognises a broken unique index and primary key, and nothing else', async () => {
    const db = await target.fresh()
    const row = {
      person_id: 'p',
      item_type: 'topic' as const,
      item_id: 't',
      created_at: '2026-07-01T00:00:00.000Z',
    }
    await db.insertInto('follow').values(row).execute()
    expect(isUniqueViolation(await failure(() => db.insertInto('follow').values(row).execute()))).toBe(true)
    const invitation = {
      id: 'i1',
      item_type: 'topic' as const,
      item_id: 't',
      from_appg_id: 'a',
      to_appg_id: 'b',
      message: null,
      reply: null,
      status: 'pending' as const,
      pending_key: 'topic:t:b',
      sent_by: 'p',
      answered_by: null,
      created_at: row.created_at,
      answered_at: null,
      expires_at: row.created_at,
    }
    await db.insertInto('invitation').values(invitation).execute()
    expect(
      isUniqueViolation(
        await failure(() =>
          db
            .insertInto('invitation')
            .values({ ...invitation, id: 'i2' })
            .execute(),
        ),
      ),
    ).toBe(true)
    expect(isUniqueViolation(await failure(() => sql`select * from no_such_table`.execute(db)))).toBe(false)
    expect(
      isUniqueViolation(
        new Error("target: hub.-.primary: vttablet: Duplicate entry 'x' for key 'pending_key' (errno 1062)"),
      ),
    ).toBe(true)
    expect(isUniqueViolation(null)).toBe(false)
  })
})
