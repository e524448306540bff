import { readFileSync } from 'node:fs'
import { NEEDS_REAL_REGISTER, REAL_REGISTER_DIR, testDatabases } from '@appg-hub/db/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { importRegister } from './import'
import { buildPeopleReport, peopleReport, type ReportPerson, shortTitle } from './people-report'

const person = (name: string, mnisId: string | null = null, id = name): ReportPerson => ({
  id,
  name,
  mnisId,
  groups: 1,
})

describe('the people report', () => {
  it('knows the short form of a territorial title, and only of a title', () => {
    expect(shortTitle('Baroness Bennett of Manor Castle')).toBe('baroness bennett')
    expect(shortTitle('Lord Smith of Finsbury')).toBe('lord smith')
    expect(shortTitle('The Lord Bishop of Durham')).toBeNull()
    expect(shortTitle('Baroness Bennett')).toBeNull()
    expect(shortTitle('Jo Smith of Counsel')).toBeNull()
  })

  it('pairs a short title with its one territorial form, and says which cannot be settled', () => {
    const report = buildPeopleReport([
      person('Baroness Bennett', '4210'),
      person('Baroness Bennett of Manor Castle'),
      person('Lord Smith', '100'),
      person('Lord Smith of Finsbury'),
      person('Lord Smith of Hindhead'),
      person('Lord Jones', '7'),
      person('Lord Jones of Cheltenham', '8'),
      person('Ada Quill', '55', 'a'),
      person('Ada Quill', '55', 'b'),
    ])
    expect(report.likelySame.map((p) => [p.short.name, p.territorial.name])).toEqual([
      ['Baroness Bennett', 'Baroness Bennett of Manor Castle'],
    ])
    expect(report.ambiguous.map((a) => [a.short.name, a.candidates.map((c) => c.name)])).toEqual([
      ['Lord Smith', ['Lord Smith of Finsbury', 'Lord Smith of Hindhead']],
    ])
    // Two MNIS ids say two people: Lord Jones is neither merged nor ambiguous.
    expect(JSON.stringify(report)).not.toContain('Lord Jones')
    expect(report.sameMnis).toEqual([
      { mnisId: '55', people: [person('Ada Quill', '55', 'a'), person('Ada Quill', '55', 'b')] },
    ])
  })
})

describe.each(testDatabases())('the people report on $name', (target) => {
  afterAll(() => target.close())

  it.skipIf(!REAL_REGISTER_DIR)(
    `on the real Register: no crash, nobody twice by MNIS id ${NEEDS_REAL_REGISTER}`,
    async () => {
      const db = await target.fresh()
      const lines = (name: string) => readFileSync(`${REAL_REGISTER_DIR}${name}`, 'utf8').split('\n')
      for (const [file, mode] of [
        ['register-2026-05-18.jsonl', 'edition'],
        ['register-2026-06-29.jsonl', 'edition'],
        ['appgs-with-members.jsonl', 'members'],
      ] as const)
        await importRegister(db, { lines: lines(file), mode })
      const report = await peopleReport(db)
      expect(report.people).toBeGreaterThan(500)
      expect(report.sameMnis).toEqual([])
      console.log(
        `people report on ${target.name}: ${report.people} people, ${report.likelySame.length} likely the same (short and territorial title), ${report.ambiguous.length} ambiguous`,
      )
    },
    600_000,
  )
})
