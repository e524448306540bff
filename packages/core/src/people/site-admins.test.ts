import type { Db } from '@appg-hub/db'
import { testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { testConfig } from '../../../../tests/support/fixtures'
import { createSignIn, validateSignInToken } from '../auth/sign-in'
import { fakeClock } from '../clock'
import type { Actor, ServiceContext } from '../context'
import { DomainError } from '../errors'
import { newPersonRow } from './person-row'
import { endSignIns, searchAccounts, setSiteAdmin } from './site-admins'

const NOW = '2026-06-01T00:00:00.000Z'
const clock = fakeClock(new Date('2026-07-01T09:00:00.000Z'))

async function account(db: Db, name: string, siteAdmin = false): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/ /g, '.')}@example.org`
  const row = newPersonRow(
    { displayName: name, kind: 'staff', email, passwordHash: 'not-a-real-hash', isSiteAdmin: siteAdmin },
    NOW,
  )
  await db.insertInto('person').values(row).execute()
  return { id: row.id, email, displayName: name, kind: 'staff', isSiteAdmin: siteAdmin }
}

const ctxOf = (db: Db, actor: Actor): ServiceContext => ({ db, clock, config: testConfig, actor })

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  try {
    await promise
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, message: error.message }
    throw error
  }
  throw new Error('expected a refusal')
}

const actions = (db: Db) =>
  db
    .selectFrom('audit_event')
    .select(['action', 'actor_id', 'item_id'])
    .orderBy('at')
    .orderBy('action')
    .execute()

describe.each(testDatabases())('site administrators and sign-ins on $name', (target) => {
  afterAll(() => target.close())

  it('grants and revokes site administration, audited; the last administrator keeps their own', async () => {
    const db = await target.fresh()
    const admin = await account(db, 'Ada Admin', true)
    const clerk = await account(db, 'Carl Clerk')

    const alone = await refusal(setSiteAdmin(ctxOf(db, admin), { personId: admin.id, siteAdmin: false }))
    expect(alone.code).toBe('CONFLICT')
    expect(alone.message).toMatch(/only site administrator/)

    expect(await setSiteAdmin(ctxOf(db, admin), { personId: clerk.id, siteAdmin: true })).toEqual({
      isSiteAdmin: true,
    })
    expect((await searchAccounts(ctxOf(db, admin), { q: '' })).map((a) => a.name)).toEqual([
      'Ada Admin',
      'Carl Clerk',
    ])
    // With two, either may step down; then the one left is the last again.
    await setSiteAdmin(ctxOf(db, admin), { personId: admin.id, siteAdmin: false })
    const clerkNow = { ...clerk, isSiteAdmin: true }
    expect(
      (await refusal(setSiteAdmin(ctxOf(db, clerkNow), { personId: clerk.id, siteAdmin: false }))).code,
    ).toBe('CONFLICT')
    expect(await actions(db)).toEqual([
      { action: 'people.site_admin_granted', actor_id: admin.id, item_id: clerk.id },
      { action: 'people.site_admin_revoked', actor_id: admin.id, item_id: admin.id },
    ])
  })

  it('refuses anyone but a site administrator, and a person without an account', async () => {
    const db = await target.fresh()
    const admin = await account(db, 'Ada Admin', true)
    const clerk = await account(db, 'Carl Clerk')
    for (const attempt of [
      setSiteAdmin(ctxOf(db, clerk), { personId: clerk.id, siteAdmin: true }),
      endSignIns(ctxOf(db, clerk), { personId: admin.id }),
      searchAccounts(ctxOf(db, clerk), { q: '' }),
    ])
      expect((await refusal(attempt)).code).toBe('FORBIDDEN')
    const listed = newPersonRow(
      { displayName: 'Lord Listed', kind: 'peer', registerKey: 'name:lord listed' },
      NOW,
    )
    await db.insertInto('person').values(listed).execute()
    expect(
      (await refusal(setSiteAdmin(ctxOf(db, admin), { personId: listed.id, siteAdmin: true }))).code,
    ).toBe('CONFLICT')
    expect((await refusal(endSignIns(ctxOf(db, admin), { personId: 'no-such-person' }))).code).toBe(
      'NOT_FOUND',
    )
    expect(await actions(db)).toEqual([])
  })

  it("ends every one of a person's sign-ins and nobody else's, audited", async () => {
    const db = await target.fresh()
    const admin = await account(db, 'Ada Admin', true)
    const clerk = await account(db, 'Carl Clerk')
    const laptop = await createSignIn({ db, clock }, clerk.id, 'laptop')
    const phone = await createSignIn({ db, clock }, clerk.id, 'phone')
    const mine = await createSignIn({ db, clock }, admin.id, 'desk')
    expect(await validateSignInToken({ db, clock }, laptop.token)).not.toBeNull()
    expect((await searchAccounts(ctxOf(db, admin), { q: 'clerk' }))[0]).toMatchObject({
      name: 'Carl Clerk',
      isSiteAdmin: false,
      signIns: 2,
    })

    expect(await endSignIns(ctxOf(db, admin), { personId: clerk.id })).toEqual({ ended: 2 })
    expect(await validateSignInToken({ db, clock }, laptop.token)).toBeNull()
    expect(await validateSignInToken({ db, clock }, phone.token)).toBeNull()
    expect((await validateSignInToken({ db, clock }, mine.token))?.person.id).toBe(admin.id)
    expect(await actions(db)).toEqual([
      { action: 'people.sign_ins_ended', actor_id: admin.id, item_id: clerk.id },
    ])
  })
})
