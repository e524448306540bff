/** The command line as a user runs it: settings refused by name, demo mode only when asked for. */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createDb } from '@appg-hub/db/create-db'
import { afterEach, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url))
const MAIN = join(ROOT, 'apps/server/src/cli/main.ts')

const children: ChildProcess[] = []
afterEach(async () => {
  for (const child of children.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue
    const gone = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    await gone
  }
})

function baseEnv(databaseUrl: string, extra: Record<string, string> = {}) {
  const env: Record<string, string> = {}
  for (const key of ['PATH', 'HOME', 'TMPDIR']) if (process.env[key]) env[key] = process.env[key]!
  // No Register folder, and a source that fails at once: the demo Register, offline.
  return { ...env, DATABASE_URL: databaseUrl, REGISTER_SOURCE_URL: '/no/such/register', ...extra }
}

function run(args: string[], env: Record<string, string>) {
  // One process (tsx as a loader, not its CLI's wrapper), so that stopping it stops the server.
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, cwd: ROOT })
  children.push(child)
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  return {
    child,
    output: () => output,
    exit: new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? -1))),
    async waitFor(pattern: RegExp): Promise<RegExpMatchArray> {
      for (let i = 0; i < 600; i++) {
        const match = output.match(pattern)
        if (match) return match
        if (child.exitCode !== null) break
        await new Promise((r) => setTimeout(r, 100))
      }
      throw new Error(`never printed ${pattern}:\n${output}`)
    },
  }
}

const tempDb = () => `sqlite:${join(mkdtempSync(join(tmpdir(), 'hub-cli-')), 'hub.db')}`

describe('hub command line', () => {
  it('refuses to start on an invalid setting, naming it', async () => {
    for (const value of ['maybe', 'ture']) {
      const cli = run(['start'], baseEnv(tempDb(), { DEMO_MODE: value }))
      expect(await cli.exit).toBe(2)
      expect(cli.output()).toContain(`DEMO_MODE="${value}": accepts true or false`)
    }
  })

  it('stops sync-register with a non-zero exit, naming the file, when the source is unusable', async () => {
    const url = tempDb()
    const cli = run(['sync-register', '--source', '/no/such/register'], baseEnv(url))
    expect(await cli.exit).toBe(1)
    expect(cli.output()).toContain('/no/such/register/register.csv: no such file')
  })

  it('will not create the demo accounts outside demo mode', async () => {
    const url = tempDb()
    const cli = run(['seed-demo'], baseEnv(url, { DEMO_MODE: 'Off' }))
    expect(await cli.exit).toBe(2)
    expect(cli.output()).toContain('only in demo mode')
  })

  it.each(['False', 'no', '0'])(
    'starts with DEMO_MODE=%s without demo accounts, mailbox or dev.* procedures',
    async (value) => {
      const url = tempDb()
      const cli = run(['start', '--demo'], baseEnv(url, { DEMO_MODE: value, PORT: '0' }))
      const [, address] = await cli.waitFor(/listening on (http:\/\/[\d.:]+)/)
      expect(cli.output()).toContain('Loading the DEMO Register')
      expect(cli.output()).not.toContain('Demo accounts')
      const mailbox = await fetch(`${address}/trpc/dev.mailbox?input=%7B%7D`)
      expect(mailbox.status).toBe(404)
      const accounts = await fetch(`${address}/trpc/dev.demoAccounts`)
      expect(accounts.status).toBe(404)
      expect((await fetch(`${address}/healthz`)).status).toBe(200)
      const db = await createDb(url)
      const demo = await db
        .selectFrom('person')
        .select('email')
        .where('email', 'like', '%@demo.appg-hub.test')
        .execute()
      expect(demo).toEqual([])
      await db.destroy()
    },
    60_000,
  )

  it('`start --demo` is the demo: the accounts and the mailbox', async () => {
    const url = tempDb()
    const cli = run(['start', '--demo'], baseEnv(url, { PORT: '0' }))
    const [, address] = await cli.waitFor(/listening on (http:\/\/[\d.:]+)/)
    await cli.waitFor(/Press Ctrl\+C/)
    expect(cli.output()).toContain('Demo accounts (password for all: appg-demo-2026)')
    expect((await fetch(`${address}/trpc/dev.mailbox?input=%7B%7D`)).status).toBe(200)
  }, 60_000)
})
