/**
 * Demo mode is explicit: outside it the `dev.*` procedures do not exist (404, as any unknown path);
 * in it, the mailbox is open on a loopback address and only for the site administrator elsewhere.
 */
import { createSignIn, type HubConfig, SIGN_IN_COOKIE, systemClock } from '@appg-hub/core'
import { type Db, migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { createApp } from '@appg-hub/server/app'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makePerson, testConfig } from '../support/fixtures'

let db: Db
let adminCookie: string
let personCookie: string

beforeAll(async () => {
  db = await createDb('sqlite::memory:')
  await migrateToLatest(db)
  const admin = await makePerson(db, 'Site Admin', { siteAdmin: true })
  const person = await makePerson(db, 'Some One')
  adminCookie = `${SIGN_IN_COOKIE}=${(await createSignIn({ db, clock: systemClock }, admin.id, 'test')).token}`
  personCookie = `${SIGN_IN_COOKIE}=${(await createSignIn({ db, clock: systemClock }, person.id, 'test')).token}`
  await db
    .insertInto('email_outbox')
    .values({
      id: 'mail-1',
      to_email: 'someone@example.org',
      subject: 'Reset your password',
      body_text: 'https://hub.example.org/reset/secret-token',
      kind: 'auth.reset',
      created_at: new Date().toISOString(),
      sent_at: null,
    } as never)
    .execute()
})
afterAll(() => db?.destroy())

function appWith(config: Partial<HubConfig>, clientAddress: string | null = '127.0.0.1') {
  return createApp({
    db,
    clock: systemClock,
    config: { ...testConfig, ...config },
    clientAddress: () => clientAddress,
  })
}

async function call(config: Partial<HubConfig>, procedure: string, cookie?: string, from?: string) {
  const app = appWith(config, from)
  const url = `${config.publicUrl ?? testConfig.publicUrl}/trpc/${procedure}?input=${encodeURIComponent('{}')}`
  return app.request(url, { headers: cookie ? { cookie } : {} })
}

describe('outside demo mode', () => {
  it('has no dev.* procedures at all: 404, for anyone, the site administrator included', async () => {
    for (const procedure of ['dev.mailbox', 'dev.demoAccounts']) {
      for (const cookie of [undefined, personCookie, adminCookie]) {
        const response = await call({ demoMode: false }, procedure, cookie)
        expect(response.status, `${procedure} ${cookie ? 'signed in' : 'signed out'}`).toBe(404)
        expect(await response.text()).not.toContain('secret-token')
      }
    }
  })

  it('still serves the other procedures', async () => {
    expect((await call({ demoMode: false }, 'register.list')).status).toBe(200)
  })
})

describe('in demo mode', () => {
  it('on a loopback address, the mailbox is open (how a newcomer follows invitation links)', async () => {
    for (const publicUrl of ['http://localhost:3000', 'http://127.0.0.1:8080']) {
      const response = await call({ demoMode: true, publicUrl }, 'dev.mailbox')
      expect(response.status, publicUrl).toBe(200)
      expect(await response.text()).toContain('secret-token')
    }
  })

  it('from another machine, even on a localhost address (HOST=0.0.0.0), only the site administrator reads it', async () => {
    for (const from of ['192.0.2.7', '::ffff:198.51.100.2', '2001:db8::1']) {
      const response = await call({ demoMode: true }, 'dev.mailbox', undefined, from)
      expect(response.status, from).toBe(401)
      expect(await response.text()).not.toContain('secret-token')
      expect((await call({ demoMode: true }, 'dev.mailbox', adminCookie, from)).status).toBe(200)
    }
    for (const from of ['127.0.0.1', '::1', '::ffff:127.0.0.1'])
      expect((await call({ demoMode: true }, 'dev.mailbox', undefined, from)).status, from).toBe(200)
  })

  it('on any other address, only the site administrator reads the mailbox', async () => {
    const publicUrl = 'https://hub.example.org'
    const anonymous = await call({ demoMode: true, publicUrl }, 'dev.mailbox')
    expect(anonymous.status).toBe(401)
    expect(await anonymous.text()).not.toContain('secret-token')
    const person = await call({ demoMode: true, publicUrl }, 'dev.mailbox', personCookie)
    expect(person.status).toBe(403)
    expect(await person.text()).not.toContain('secret-token')
    const admin = await call({ demoMode: true, publicUrl }, 'dev.mailbox', adminCookie)
    expect(admin.status).toBe(200)
    expect(await admin.text()).toContain('secret-token')
  })
})
