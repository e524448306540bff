import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { DEFAULTS, hubConfigOf, parseSettings, SETTING_NAMES, SettingsError } from './settings'

describe('settings', () => {
  it('has safe defaults: demo mode off, the embedded database, loopback only', () => {
    const s = parseSettings({})
    expect(s).toMatchObject({
      DEMO_MODE: false,
      DATABASE_URL: 'sqlite:./data/appg-hub.db',
      HOST: '127.0.0.1',
      PORT: 3000,
      GROUP_INVITE_TTL_DAYS: 7,
      HANDSHAKE_TTL_DAYS: 14,
    })
    expect(hubConfigOf(s, 'http://localhost:3000')).toMatchObject({
      publicUrl: 'http://localhost:3000',
      demoMode: false,
      groupInviteTtlMs: 7 * 24 * 3600 * 1000,
    })
  })

  it('reads yes/no settings in every accepted spelling, in any case; blank is unset', () => {
    for (const yes of ['true', 'TRUE', 'True', '1', 'yes', 'Yes', 'on', 'ON', ' true '])
      expect(parseSettings({ DEMO_MODE: yes }).DEMO_MODE, yes).toBe(true)
    for (const no of ['false', 'False', 'FALSE', '0', 'no', 'NO', 'off', 'Off'])
      expect(parseSettings({ DEMO_MODE: no }).DEMO_MODE, no).toBe(false)
    expect(parseSettings({ DEMO_MODE: '' }).DEMO_MODE).toBe(false)
  })

  it('lets a command change a default but never what the environment says', () => {
    expect(parseSettings({}, { DEMO_MODE: 'true' }).DEMO_MODE).toBe(true)
    expect(parseSettings({ DEMO_MODE: 'False' }, { DEMO_MODE: 'true' }).DEMO_MODE).toBe(false)
  })

  it('refuses an invalid value, naming the variable and what it accepts', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ DEMO_MODE: 'maybe' }, /DEMO_MODE="maybe": accepts true or false \(also 1\/0, yes\/no, on\/off/],
      [{ DEMO_MODE: 'flase' }, /DEMO_MODE="flase"/],
      [{ PORT: 'eighty' }, /PORT="eighty": accepts a port number/],
      [{ PORT: '70000' }, /PORT="70000"/],
      [{ GROUP_INVITE_TTL_DAYS: '0' }, /GROUP_INVITE_TTL_DAYS="0": accepts a number of days/],
      [{ HANDSHAKE_TTL_DAYS: '2.5' }, /HANDSHAKE_TTL_DAYS/],
      [{ PUBLIC_URL: 'hub.example.org' }, /PUBLIC_URL="hub.example.org": accepts an http:\/\/ or https:\/\//],
      [{ MYSQL_POOL_SIZE: '-1' }, /MYSQL_POOL_SIZE/],
    ]
    for (const [env, message] of cases) {
      expect(() => parseSettings(env)).toThrow(SettingsError)
      expect(() => parseSettings(env)).toThrow(message)
    }
  })

  it('names every invalid variable at once, and never repeats a connection address', () => {
    let message = ''
    try {
      parseSettings({ DATABASE_URL: 'postgres://u:hunter2@db', SMTP_URL: 'http://u:pw2@mail', PORT: 'x' })
    } catch (error) {
      message = (error as Error).message
    }
    expect(message).toMatch(/DATABASE_URL=\(value not shown\): accepts sqlite:<path>/)
    expect(message).toMatch(/SMTP_URL=\(value not shown\): accepts smtp:\/\//)
    expect(message).toMatch(/PORT="x"/)
    expect(message).not.toContain('hunter2')
    expect(message).not.toContain('pw2')
  })

  it("is what README.md's configuration table lists, with the same defaults", () => {
    const readme = readFileSync(fileURLToPath(new URL('../../../README.md', import.meta.url)), 'utf8')
    const section = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('Tests and benchmarks read'),
    )
    const rows = section
      .split('\n')
      .filter((line) => /^\| `[A-Z_]+`/.test(line))
      .map((line) => line.split('|').map((cell) => cell.trim()))
      .map(([, name, defaultCell]) => ({ name: name!.replace(/`/g, ''), defaultCell: defaultCell! }))
    expect(rows.map((r) => r.name).sort()).toEqual([...SETTING_NAMES].sort())
    for (const { name, defaultCell } of rows) {
      const value = DEFAULTS[name as keyof typeof DEFAULTS]
      if (value === undefined) expect(defaultCell, name).toMatch(/^—/)
      else expect(defaultCell, name).toBe(`\`${value}\``)
    }
  })
})
