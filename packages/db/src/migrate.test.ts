import { testDatabases } from '@appg-hub/db/testing'
import { sql } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { newId } from './ids'
import { migrateToLatest } from './migrate'

describe.each(testDatabases())('migrations on $name', (target) => {
  afterAll(() => target.close())

  it('apply from scratch and are a no-op the second time', async () => {
    const db = await target.fresh()
    const again = await migrateToLatest(db)
    expect(again.results).toEqual([])
  })

  it('round-trips unicode, long text and integers identically', async () => {
    const db = await target.fresh()
    const now = new Date().toISOString()
    const id = newId()
    const body = `Ŵelsh — “quotes” 🇬🇧 ${'x'.repeat(100_000)}`
    await db
      .insertInto('person')
      .values({
        id,
        email: null,
        display_name: 'Baroness Ŵ',
        kind: 'peer',
        organisation: null,
        party: null,
        mnis_id: null,
        twfy_id: null,
        register_key: null,
        password_hash: null,
        is_site_admin: 1,
        email_preference: 'digest',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      .execute()
    await db
      .insertInto('email_outbox')
      .values({
        id,
        to_email: 'a@b.c',
        subject: 's',
        body_text: body,
        kind: 'k',
        created_at: now,
        sent_at: null,
        attempts: 0,
        last_error: null,
      })
      .execute()
    const person = await db
      .selectFrom('person')
      .select(['display_name', 'is_site_admin', 'created_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(person).toEqual({ display_name: 'Baroness Ŵ', is_site_admin: 1, created_at: now })
    const mail = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(mail.body_text).toBe(body)
    const { n } = await db
      .selectFrom('person')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow()
    expect(n).toBe(1)
  })
})
