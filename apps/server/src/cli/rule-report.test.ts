import { RULE_IDS, RULES } from '@appg-hub/core'
import { migrateToLatest } from '@appg-hub/db'
import { createDb } from '@appg-hub/db/create-db'
import { DEMO_REGISTER_FILE } from '@appg-hub/register/demo/demo-register'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { importRegisterFile } from './import-register'
import { ruleReportCommand } from './rule-report'

describe('hub rule-report', () => {
  let log: ReturnType<typeof vi.spyOn>
  beforeEach(() => {
    log = vi.spyOn(console, 'log').mockImplementation(() => {})
  })
  afterEach(() => log.mockRestore())

  it('prints how many registered groups fail, then a line per rule of the Guide', async () => {
    const db = await createDb('sqlite::memory:')
    await migrateToLatest(db)
    await importRegisterFile(db, DEMO_REGISTER_FILE, 'edition', { quiet: true })
    log.mockClear()
    await ruleReportCommand(db, '2020-01-01')
    const lines: string[] = log.mock.calls.map((call: unknown[]) => String(call[0]))
    const groups = await db.selectFrom('appg').select('id').where('status', '=', 'registered').execute()
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\d+ of ${groups.length} registered groups fail at least one rule check \\(on 2020-01-01\\)$`,
      ),
    )
    expect(lines.slice(1).map((l) => l.replace(/^\s*\d+\s+/, ''))).toEqual(
      RULE_IDS.map((id) => RULES[id].name),
    )
    // A group fails at least one check, so the total is at least the largest count.
    const counts = lines.slice(1).map((l) => Number(/^\s*(\d+)/.exec(l)![1]))
    expect(Number(/^(\d+)/.exec(lines[0]!)![1])).toBeGreaterThanOrEqual(Math.max(...counts))
    await db.destroy()
  })

  it('refuses a date it cannot read', async () => {
    const db = await createDb('sqlite::memory:')
    await expect(ruleReportCommand(db, 'June')).rejects.toThrow('--at takes a date: YYYY-MM-DD')
    await db.destroy()
  })
})
