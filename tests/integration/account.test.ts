/**
 * A person's sign-ins and credentials (docs/architecture.md §7), and the database-held rate limits, over real
 * HTTP against the Node server with a fake clock.
 */
import {
  DAY,
  HOUR,
  hashPassword,
  MINUTE,
  recordSignInFailure,
  recordSignInSuccess,
  SIGN_IN_COOKIE,
  signInWait,
} from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { TRPCClientError } from '@trpc/client'
import { describe, expect } from 'vitest'
import { makePerson, testConfig } from '../support/fixtures'
import { httpClient } from '../support/http-client'
import { dialects, hubTest } from '../support/hub-test'

const PASSWORD = 'a good long password'

/** One person, Ada, who signs in with PASSWORD. */
async function accountWorld(db: Db) {
  const person = await makePerson(db, 'Ada Account')
  await db
    .updateTable('person')
    .set({ password_hash: await hashPassword(PASSWORD, testConfig.passwordCost) })
    .where('id', '=', person.id)
    .execute()
  return { email: person.email }
}

async function code(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise
  } catch (error) {
    if (error instanceof TRPCClientError) return error.data?.code
    throw error
  }
  return 'OK'
}

describe.each(dialects())('accounts and sign-ins on $name', (dialect) => {
  const it = hubTest(dialect, { now: new Date('2026-06-29T09:00:00.000Z'), world: accountWorld })

  async function signedIn(url: string, email: string) {
    const person = httpClient(url)
    await person.client.auth.signIn.mutate({ email, password: PASSWORD })
    return person
  }

  it('sets the sign-in cookie HttpOnly, SameSite=Lax and Secure, with an expiry', async ({
    server,
    world: { email },
  }) => {
    const response = await fetch(`${server.url}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url },
      body: JSON.stringify({ email, password: PASSWORD }),
    })
    const cookie = response.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(new RegExp(`^${SIGN_IN_COOKIE}=[a-z2-7]{32};`))
    expect(cookie).toContain('HttpOnly')
    expect(cookie).toContain('SameSite=Lax')
    expect(cookie).toContain('Secure')
    expect(cookie).toMatch(/Expires=/)
  })

  it('refuses common passwords at sign-up, reset and change, saying why', async ({
    server,
    world: { email },
  }) => {
    const anonymous = httpClient(server.url).client
    for (const password of ['1234567890', 'password12', 'qwertyuiop']) {
      const refused = await anonymous.auth.signUp
        .mutate({ email: 'new.person@example.org', password, displayName: 'New Person' })
        .catch((error: TRPCClientError<never>) => error)
      expect(refused).toBeInstanceOf(TRPCClientError)
      expect((refused as TRPCClientError<never>).message).toMatch(/too easy to guess\. .*(common|frequently)/)
    }
    const person = await signedIn(server.url, email)
    expect(
      await code(
        person.client.auth.changePassword.mutate({ currentPassword: PASSWORD, newPassword: 'password12' }),
      ),
    ).toBe('BAD_REQUEST')
  })

  it('lists my sign-ins and ends one of them', async ({ server, world: { email } }) => {
    const laptop = await signedIn(server.url, email)
    const phone = await signedIn(server.url, email)
    const signIns = await laptop.client.auth.signIns.query()
    expect(signIns).toHaveLength(2)
    expect(signIns.filter((s) => s.current)).toHaveLength(1)
    const other = signIns.find((s) => !s.current)!
    await laptop.client.auth.endSignIn.mutate({ id: other.id })
    expect(await phone.client.me.get.query()).toBeNull()
    expect(await laptop.client.me.get.query()).not.toBeNull()
  })

  it('ends every sign-in on a password change, keeping this device signed in', async ({
    db,
    server,
    world: { email },
  }) => {
    const laptop = await signedIn(server.url, email)
    const phone = await signedIn(server.url, email)
    expect(
      await code(
        laptop.client.auth.changePassword.mutate({
          currentPassword: 'wrong password!',
          newPassword: 'another long password',
        }),
      ),
    ).toBe('BAD_REQUEST')
    await laptop.client.auth.changePassword.mutate({
      currentPassword: PASSWORD,
      newPassword: 'another long password',
    })
    expect(await phone.client.me.get.query()).toBeNull()
    expect(await laptop.client.me.get.query()).not.toBeNull()
    expect(await code(httpClient(server.url).client.auth.signIn.mutate({ email, password: PASSWORD }))).toBe(
      'UNAUTHORIZED',
    )
    const mail = await db.selectFrom('email_outbox').select('subject').where('to_email', '=', email).execute()
    expect(mail.map((m) => m.subject)).toContain('Your APPG Hub password was changed')
  })

  it('asks for the password again to change the email address', async ({ db, server, world: { email } }) => {
    const person = await signedIn(server.url, email)
    expect(
      await code(
        person.client.auth.changeEmail.mutate({ password: 'not my password', newEmail: 'new@example.org' }),
      ),
    ).toBe('BAD_REQUEST')
    expect(
      await db.selectFrom('person').select('id').where('email', '=', 'new@example.org').executeTakeFirst(),
    ).toBeUndefined()
    const phone = await signedIn(server.url, email)
    await person.client.auth.changeEmail.mutate({ password: PASSWORD, newEmail: 'New@Example.org' })
    expect((await person.client.me.get.query())?.email).toBe('new@example.org')
    // Every other device is signed out, and the old address is told.
    expect(await phone.client.me.get.query()).toBeNull()
    const told = await db
      .selectFrom('email_outbox')
      .select(['subject', 'body_text'])
      .where('to_email', '=', email)
      .execute()
    expect(told.map((m) => m.subject)).toContain('Your APPG Hub email address was changed')
    expect(told.find((m) => m.subject.includes('email address'))?.body_text).toContain('new@example.org')
  })

  it('ends an idle sign-in after 14 days, and any sign-in after 60 days however busy', async ({
    clock,
    server,
    world: { email },
  }) => {
    const idle = await signedIn(server.url, email)
    clock.advance(15 * DAY)
    expect(await idle.client.me.get.query()).toBeNull()

    const busy = await signedIn(server.url, email)
    // Used every six days for 54 days: the idle expiry keeps sliding forward…
    for (let i = 0; i < 9; i++) {
      clock.advance(6 * DAY)
      expect(await busy.client.me.get.query()).not.toBeNull()
    }
    // …but not past 60 days from sign-in.
    clock.advance(7 * DAY)
    expect(await busy.client.me.get.query()).toBeNull()
  })

  it('ends the sign-in a browser held when it signs in again, with a new token', async ({
    db,
    server,
    world: { email },
  }) => {
    const person = await signedIn(server.url, email)
    const first = person.cookies.get(SIGN_IN_COOKIE)!
    await person.client.auth.signIn.mutate({ email, password: PASSWORD })
    const second = person.cookies.get(SIGN_IN_COOKIE)!
    expect(second).not.toBe(first)
    expect(await db.selectFrom('auth_session').select('id').execute()).toHaveLength(1)
    const stale = httpClient(server.url)
    stale.cookies.set(SIGN_IN_COOKIE, first)
    expect(await stale.client.me.get.query()).toBeNull()
    expect(await person.client.me.get.query()).not.toBeNull()
  })

  it('a copy of the sign-ins table signs nobody in', async ({ db, server, world: { email } }) => {
    await signedIn(server.url, email)
    const rows = await db.selectFrom('auth_session').select('id').execute()
    expect(rows).toHaveLength(1)
    const thief = httpClient(server.url)
    thief.cookies.set(SIGN_IN_COOKIE, rows[0]!.id)
    expect(await thief.client.me.get.query()).toBeNull()
    thief.cookies.set(SIGN_IN_COOKIE, rows[0]!.id.slice(0, 32))
    expect(await thief.client.me.get.query()).toBeNull()
  })

  it('slows failed sign-ins from one place by doubling waits, without locking the owner out elsewhere', async ({
    db,
    clock,
    server,
    world: { email },
  }) => {
    const attempt = (password = 'wrong password', cookie?: string) =>
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url, ...(cookie ? { cookie } : {}) },
        body: JSON.stringify({ email, password }),
      })
    // The owner's browser signed in once before: it is recognised from now on.
    const owner = await attempt(PASSWORD)
    const device = /appg_device=([a-z2-7]{32})/.exec(owner.headers.getSetCookie().join('\n'))?.[1]
    expect(device).toBeDefined()
    const ownerCookie = `appg_device=${device}`

    // A guesser from another browser: three failures free, then 1 s, 2 s, 4 s… between attempts.
    for (let i = 0; i < 3; i++) expect((await attempt()).status).toBe(401)
    const waits: number[] = []
    for (let i = 0; i < 5; i++) {
      const limited = await attempt()
      expect(limited.status).toBe(429)
      waits.push(Number(limited.headers.get('retry-after')))
      clock.advance(waits[i]! * 1000)
      expect((await attempt()).status).toBe(401)
    }
    expect(waits).toEqual([1, 2, 4, 8, 16])
    // Each failure is in the account's audit log, with nothing of the password tried.
    const failed = await db
      .selectFrom('audit_event')
      .select(['action', 'details'])
      .where('action', '=', 'account.sign_in_failed')
      .execute()
    expect(failed).toHaveLength(8)
    expect(JSON.stringify(failed)).not.toContain('wrong password')
    // Even the right password waits from there…
    expect((await attempt(PASSWORD)).status).toBe(429)
    // …but the owner's browser is not slowed by the guesser's failures.
    expect((await attempt(PASSWORD, ownerCookie)).status).toBe(200)
  })

  it('past 20 failures for an account from everywhere, lets in only devices that signed in before', async ({
    db,
    clock,
    world: { email },
  }) => {
    const source = (address: string, deviceToken: string | null = null) => ({ email, address, deviceToken })
    const device = await recordSignInSuccess({ db, clock }, source('192.0.2.1'))
    for (let i = 0; i < 20; i++) await recordSignInFailure({ db, clock }, source(`198.51.100.${i}`))
    // A new address, never seen failing: still refused, the account is under attack.
    expect(await signInWait({ db, clock }, source('203.0.113.9'))).toBeGreaterThan(0)
    // The owner's device, from any address, may try.
    expect(await signInWait({ db, clock }, source('203.0.113.9', device))).toBe(0)
    // A made-up device token is not recognised.
    expect(await signInWait({ db, clock }, source('203.0.113.9', 'a'.repeat(32)))).toBeGreaterThan(0)
    clock.advance(16 * MINUTE)
    expect(await signInWait({ db, clock }, source('203.0.113.9'))).toBe(0)
  })

  it('limits sign-in attempts per address, whichever accounts they name', async ({ server }) => {
    const attempt = (i: number) =>
      fetch(`${server.url}/trpc/auth.signIn`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: `guess${i}@example.org`, password: 'wrong password' }),
      })
    for (let i = 0; i < 50; i++) expect((await attempt(i)).status).toBe(401)
    expect((await attempt(50)).status).toBe(429)
  })

  it('resets a forgotten password by a one-time emailed link that expires, ending every sign-in', async ({
    db,
    clock,
    server,
    world: { email },
  }) => {
    const old = await signedIn(server.url, email)
    const anonymous = httpClient(server.url).client
    // The same answer for an address with no account, and no email for it.
    expect(await anonymous.auth.requestPasswordReset.mutate({ email: 'nobody@example.org' })).toEqual({
      sent: true,
    })
    expect(
      await db.selectFrom('email_outbox').select('id').where('to_email', '=', 'nobody@example.org').execute(),
    ).toEqual([])

    await anonymous.auth.requestPasswordReset.mutate({ email })
    const mail = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('subject', '=', 'Reset your APPG Hub password')
      .executeTakeFirstOrThrow()
    const token = /\/reset-password\/([a-z2-7]{32})/.exec(mail.body_text)![1]!

    const person = httpClient(server.url)
    // The page checks the link before showing the form: usable now, and a made-up one is not.
    expect(await person.client.auth.checkResetLink.query({ token })).toEqual({ usable: true })
    expect(await code(anonymous.auth.checkResetLink.query({ token: 'a'.repeat(32) }))).toBe('CONFLICT')
    expect(await code(anonymous.auth.checkResetLink.query({ token: 'not-a-token' }))).toBe('BAD_REQUEST')
    expect(await code(person.client.auth.resetPassword.mutate({ token, password: 'short' }))).toBe(
      'BAD_REQUEST',
    )
    await person.client.auth.resetPassword.mutate({ token, password: 'a fresh long password' })
    expect((await person.client.me.get.query())?.email).toBe(email)
    expect(await old.client.me.get.query()).toBeNull()
    expect(
      await code(person.client.auth.resetPassword.mutate({ token, password: 'yet another password' })),
    ).toBe('CONFLICT')
    expect(await code(anonymous.auth.checkResetLink.query({ token }))).toBe('CONFLICT')
    expect(
      await code(
        httpClient(server.url).client.auth.signIn.mutate({ email, password: 'a fresh long password' }),
      ),
    ).toBe('OK')

    await anonymous.auth.requestPasswordReset.mutate({ email })
    const later = await db
      .selectFrom('email_outbox')
      .select('body_text')
      .where('subject', '=', 'Reset your APPG Hub password')
      .orderBy('created_at', 'desc')
      .execute()
    const second = /\/reset-password\/([a-z2-7]{32})/.exec(
      later.find((m) => !m.body_text.includes(token))!.body_text,
    )![1]!
    clock.advance(2 * HOUR)
    expect(await code(anonymous.auth.checkResetLink.query({ token: second }))).toBe('CONFLICT')
    expect(
      await code(anonymous.auth.resetPassword.mutate({ token: second, password: 'too late password' })),
    ).toBe('CONFLICT')
  })

  it('limits password reset emails per address', async ({ db, server, world: { email } }) => {
    const anonymous = httpClient(server.url).client
    for (let i = 0; i < 3; i++) await anonymous.auth.requestPasswordReset.mutate({ email })
    expect(await code(anonymous.auth.requestPasswordReset.mutate({ email }))).toBe('TOO_MANY_REQUESTS')
    const sent = await db
      .selectFrom('email_outbox')
      .select('id')
      .where('subject', '=', 'Reset your APPG Hub password')
      .execute()
    expect(sent).toHaveLength(3)
  })

  it('answers sign-up the same whether or not the address has an account, and emails its owner', async ({
    db,
    server,
    world: { email },
  }) => {
    const signUp = (address: string) =>
      fetch(`${server.url}/trpc/auth.signUp`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ email: address, password: 'a fresh long password', displayName: 'Someone' }),
      })
    const fresh = await signUp('fresh@example.org')
    const taken = await signUp(email.toUpperCase())
    expect(taken.status).toBe(fresh.status)
    expect(await taken.text()).toBe(await fresh.text())
    expect(fresh.headers.getSetCookie()).toEqual([])
    expect(taken.headers.getSetCookie()).toEqual([])
    // The owner hears of it; the account is unchanged, and nobody else got one.
    const told = await db.selectFrom('email_outbox').select('subject').where('to_email', '=', email).execute()
    expect(told.map((m) => m.subject)).toEqual([
      'Someone tried to create an APPG Hub account with your address',
    ])
    expect(await db.selectFrom('person').select('id').where('email', '=', email).execute()).toHaveLength(1)
    expect(await code(httpClient(server.url).client.auth.signIn.mutate({ email, password: PASSWORD }))).toBe(
      'OK',
    )
    // The new address signs in with the password it chose.
    expect(
      await code(
        httpClient(server.url).client.auth.signIn.mutate({
          email: 'fresh@example.org',
          password: 'a fresh long password',
        }),
      ),
    ).toBe('OK')
  })

  it('limits sign-ups per address', async ({ db, server }) => {
    const anonymous = httpClient(server.url).client
    for (let i = 0; i < 10; i++) {
      await anonymous.auth.signUp.mutate({
        email: `new${i}@example.org`,
        password: PASSWORD,
        displayName: `New ${i}`,
      })
    }
    expect(
      await code(
        anonymous.auth.signUp.mutate({
          email: 'one.more@example.org',
          password: PASSWORD,
          displayName: 'One more',
        }),
      ),
    ).toBe('TOO_MANY_REQUESTS')
    expect(
      await db
        .selectFrom('person')
        .select('id')
        .where('email', '=', 'one.more@example.org')
        .executeTakeFirst(),
    ).toBeUndefined()
  })
})
