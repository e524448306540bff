import type { AddressInfo } from 'node:net'
import { deliverOutbox, MAX_ATTEMPTS, noMailTransport, queueEmail } from '@appg-hub/core'
import type { Db } from '@appg-hub/db'
import { sendDigestsCommand } from '@appg-hub/server/cli/send-digests'
import { readSettings } from '@appg-hub/server/config'
import { createSmtpTransport, smtpSettingsFrom } from '@appg-hub/server/mail-smtp'
import { SMTPServer } from 'smtp-server'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, vi } from 'vitest'
import { callers } from '../support/fixtures'
import { dialects, type FakeClock, hubTest } from '../support/hub-test'
import { type JointWorld, makeJointWorld, makeTopic } from '../support/joint-work'

interface Received {
  from: string
  to: string[]
  user: string | null
  raw: string
}

/** A real SMTP server on a free local port, keeping what it receives; it refuses mail to @refused.example. */
async function startSmtpServer() {
  const received: Received[] = []
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    authOptional: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === 'hub' && auth.password === 's3cret') callback(null, { user: auth.username })
      else callback(new Error('Invalid username or password'))
    },
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.example')) callback(new Error('Mailbox unavailable'))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: (session.user as string | undefined) ?? null,
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return { received, port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe.each(dialects())('sending the outbox on $name', (dialect) => {
  // An empty database per test; the digest test makes its own world.
  const it = hubTest(dialect, { world: null })
  // One SMTP server for the suite, emptied before each test.
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>
  beforeAll(async () => {
    smtp = await startSmtpServer()
  })
  beforeEach(() => {
    smtp.received.length = 0
  })
  afterEach(() => vi.restoreAllMocks())
  afterAll(() => smtp.close())

  const queue = (db: Db, clock: FakeClock, to: string, subject = 'Hello') =>
    queueEmail(db, clock, { to, subject, body: `Body for ${to}\nwith “quotes”`, kind: 'test' })
  const outbox = (db: Db) => db.selectFrom('email_outbox').selectAll().orderBy('to_email').execute()

  it('keeps control characters out of plain-text email, keeping tabs and line ends', async ({
    db,
    clock,
  }) => {
    const esc = String.fromCharCode(27)
    const bell = String.fromCharCode(7)
    await queueEmail(db, clock, {
      to: 'c@example.org',
      subject: `Invited\r\nBcc: x@evil.example${esc}[2J`,
      body: `Dear${bell} Ada,\r\n\tsee ${esc}[31mthis${String.fromCharCode(0)}\u007f\rnow`,
      kind: 'test',
    })
    const [mail] = await outbox(db)
    expect(mail!.subject).toBe('InvitedBcc: x@evil.example[2J')
    expect(mail!.body_text).toBe('Dear Ada,\n\tsee [31mthis\nnow')
  })

  it('delivers queued emails over SMTP, with authentication, and marks them sent', async ({ db, clock }) => {
    await queue(db, clock, 'a@example.org', 'First')
    await queue(db, clock, 'b@example.org', 'Second')
    const transport = createSmtpTransport({
      url: `smtp://hub:s3cret@127.0.0.1:${smtp.port}`,
      from: 'APPG Hub <hub@example.org>',
    })
    try {
      expect(await deliverOutbox(db, transport)).toEqual({ sent: 2, failed: 0 })
    } finally {
      transport.close()
    }
    // Two emails queued in the same millisecond may go in either order.
    const received = [...smtp.received].sort((x, y) => x.to[0]!.localeCompare(y.to[0]!))
    expect(received.map((m) => [m.from, m.to, m.user])).toEqual([
      ['hub@example.org', ['a@example.org'], 'hub'],
      ['hub@example.org', ['b@example.org'], 'hub'],
    ])
    expect(received[0]!.raw).toContain('Subject: First')
    expect(received[0]!.raw).toMatch(/Body for a@example.org/)
    // Plain text and, beside it, the same words as HTML.
    expect(received[0]!.raw).toMatch(/Content-Type: multipart\/alternative/i)
    expect(received[0]!.raw).toMatch(/Content-Type: text\/plain/i)
    expect(received[0]!.raw).toMatch(/Content-Type: text\/html/i)
    expect(received[0]!.raw).toContain('<html lang=3D"en-GB">')
    for (const row of await outbox(db))
      expect(row).toMatchObject({ attempts: 1, last_error: null, sent_at: expect.any(String) })
    // Sent rows are not sent again.
    const again = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'hub@example.org' })
    expect(await deliverOutbox(db, again)).toEqual({ sent: 0, failed: 0 })
    again.close()
  })

  it('records failures and tries again later, up to a limit', async ({ db, clock }) => {
    await queue(db, clock, 'nobody@refused.example')
    await queue(db, clock, 'c@example.org')
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${smtp.port}`, from: 'hub@example.org' })
    try {
      expect(await deliverOutbox(db, transport)).toEqual({ sent: 1, failed: 1 })
      const [ok, refused] = await outbox(db)
      expect(ok).toMatchObject({ to_email: 'c@example.org', attempts: 1 })
      expect(refused).toMatchObject({ to_email: 'nobody@refused.example', attempts: 1, sent_at: null })
      expect(refused!.last_error).toContain('Mailbox unavailable')
      for (let i = 1; i < MAX_ATTEMPTS + 2; i++) await deliverOutbox(db, transport)
      expect((await outbox(db))[1]).toMatchObject({ attempts: MAX_ATTEMPTS, sent_at: null })
    } finally {
      transport.close()
    }
  })

  it('a server that cannot be reached leaves the rows to try again', async ({ db, clock }) => {
    await queue(db, clock, 'd@example.org')
    const closed = await startSmtpServer()
    await closed.close()
    const transport = createSmtpTransport({ url: `smtp://127.0.0.1:${closed.port}`, from: 'hub@example.org' })
    expect(await deliverOutbox(db, transport)).toEqual({ sent: 0, failed: 1 })
    transport.close()
    expect((await outbox(db))[0]).toMatchObject({
      attempts: 1,
      sent_at: null,
      last_error: expect.stringMatching(/ECONNREFUSED|connect/i),
    })
  })

  it('with no transport ("none") the rows stay in the outbox for the mailbox page', async ({ db, clock }) => {
    await queue(db, clock, 'e@example.org')
    const before = await outbox(db)
    expect(await deliverOutbox(db, noMailTransport)).toEqual({ sent: 0, failed: 0 })
    expect(await outbox(db)).toEqual(before)
  })

  it('reads its settings from SMTP_URL and MAIL_FROM', () => {
    expect(smtpSettingsFrom(readSettings({}))).toBeNull()
    expect(
      smtpSettingsFrom(
        readSettings({
          SMTP_URL: 'smtp://u:p@mail.example.org:587',
          PUBLIC_URL: 'https://hub.example.org',
        }),
      ),
    ).toEqual({
      url: 'smtp://u:p@mail.example.org:587',
      from: 'APPG Hub <no-reply@hub.example.org>',
    })
    expect(
      smtpSettingsFrom(
        readSettings({ SMTP_URL: 'smtp://mail.example.org', MAIL_FROM: 'Clerk <clerk@example.org>' }),
      )?.from,
    ).toBe('Clerk <clerk@example.org>')
    expect(() => readSettings({ SMTP_URL: 'http://mail.example.org' })).toThrow(/SMTP_URL.*smtp:\/\//)
  })

  it('`pnpm hub send-digests` queues the digests and delivers them by SMTP', async ({ db }) => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const world: JointWorld = await makeJointWorld(db)
    const calls = callers(db)
    const topicId = await makeTopic(calls, world)
    await (await calls.as(world.people.officer.id)).notifications.setPreferences({ email: 'digest' })
    await (await calls.as(world.people.member.id)).comments.add({
      itemType: 'topic',
      itemId: topicId,
      body: 'For the digest',
    })
    await sendDigestsCommand(
      db,
      readSettings({ SMTP_URL: `smtp://hub:s3cret@127.0.0.1:${smtp.port}`, MAIL_FROM: 'hub@example.org' }),
    )
    const digest = smtp.received.find((m) => m.to.includes(world.people.officer.email))
    expect(digest?.raw).toContain('For the digest')
    expect(await db.selectFrom('email_outbox').select('id').where('sent_at', 'is', null).execute()).toEqual(
      [],
    )
  })
})
