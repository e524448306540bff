import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { DATAPACKAGE_FIXTURE_DIR } from '@appg-hub/db/testing'
import { DEMO_REGISTER_FILE } from '@appg-hub/register/demo/demo-register'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { loadFirstRegister, registerFilesIn } from './first-register'

async function emptyDb() {
  const db = await createDb('sqlite::memory:')
  await migrateToLatest(db)
  return db
}

async function slugs(db: Awaited<ReturnType<typeof emptyDb>>) {
  return (await db.selectFrom('appg').select('slug').orderBy('slug').execute()).map((r) => r.slug)
}

describe('the Register a new hub starts with', () => {
  let log: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    log = vi.spyOn(console, 'log').mockImplementation(() => {})
  })
  afterEach(() => log.mockRestore())

  it('is the demo Register when no folder is given, saying so and how to load the real one', async () => {
    const db = await emptyDb()
    expect(await loadFirstRegister(db, {})).toBe('demo')
    expect(await slugs(db)).toEqual(expect.arrayContaining(['cancer', 'diabetes', 'respiratory-health']))
    const tags = await db
      .selectFrom('appg_tag')
      .innerJoin('appg', 'appg.id', 'appg_tag.appg_id')
      .select('appg_tag.tag')
      .where('appg.slug', '=', 'dementia')
      .orderBy('appg_tag.tag')
      .execute()
    expect(tags.map((t) => t.tag)).toEqual([
      'Health, Medicine & Public Health',
      'Social Care, Welfare & Family Support',
    ])
    const printed = log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n')
    expect(printed).toContain('DEMO Register')
    expect(printed).toContain('hub sync-register')
    // A summary line per import, not the change-by-change details.
    expect(printed).toMatch(/demo-register\.jsonl \(edition\): 11 groups created.*no problems/)
    expect(printed).not.toContain('changes recorded in the audit log')
    await db.destroy()
  })

  it('is the data package at REGISTER_SOURCE_URL when it answers, and the demo when it does not', async () => {
    const db = await emptyDb()
    expect(await loadFirstRegister(db, { REGISTER_SOURCE_URL: DATAPACKAGE_FIXTURE_DIR })).toBe('source')
    expect(await slugs(db)).toEqual(['alpha-health', 'beta-rivers', 'gamma-former'])
    await db.destroy()

    const offline = await emptyDb()
    expect(await loadFirstRegister(offline, { REGISTER_SOURCE_URL: 'http://127.0.0.1:9/' })).toBe('demo')
    const printed = log.mock.calls.map((c: unknown[]) => String(c[0])).join('\n')
    expect(printed).toMatch(
      /Could not get the Register: http:\/\/127\.0\.0\.1:9\/register\.csv: could not be reached/,
    )
    expect(printed).toContain('DEMO Register')
    expect(await slugs(offline)).toContain('cancer')
    await offline.destroy()
  })

  it('takes a REGISTER_DATA_DIR holding the data package as the data package', async () => {
    const db = await emptyDb()
    expect(await loadFirstRegister(db, { REGISTER_DATA_DIR: DATAPACKAGE_FIXTURE_DIR })).toBe('folder')
    expect(await slugs(db)).toEqual(['alpha-health', 'beta-rivers', 'gamma-former'])
    await db.destroy()
  })

  it('is the newest edition of REGISTER_DATA_DIR, with its members file, when given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'register-'))
    copyFileSync(DEMO_REGISTER_FILE, join(dir, 'register-2019-01-01.jsonl'))
    writeFileSync(
      join(dir, 'register-2020-01-01.jsonl'),
      `${'{"slug":"only-one","title":"Only One","index_date":"200101"}'}\n`,
    )
    expect(registerFilesIn(dir)).toEqual({ edition: join(dir, 'register-2020-01-01.jsonl'), members: null })
    const db = await emptyDb()
    expect(await loadFirstRegister(db, { REGISTER_DATA_DIR: dir })).toBe('folder')
    expect(await slugs(db)).toEqual(['only-one'])
    await db.destroy()
  })

  it('refuses a REGISTER_DATA_DIR that does not exist or holds no edition, naming the setting', async () => {
    const db = await emptyDb()
    await expect(loadFirstRegister(db, { REGISTER_DATA_DIR: '/no/such/folder' })).rejects.toThrow(
      /REGISTER_DATA_DIR: the folder \/no\/such\/folder does not exist/,
    )
    const empty = mkdtempSync(join(tmpdir(), 'register-'))
    await expect(loadFirstRegister(db, { REGISTER_DATA_DIR: empty })).rejects.toThrow(
      /REGISTER_DATA_DIR: .* holds no Register edition/,
    )
    expect(await slugs(db)).toEqual([])
    await db.destroy()
  })
})
