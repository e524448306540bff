import { readFileSync } from 'node:fs'
import { DATAPACKAGE_FIXTURE_DIR } from '@appg-hub/db/testing'
import { describe, expect, it } from 'vitest'
import { DATAPACKAGE_FILES, DatapackageError, type DatapackageFile, datapackageToLines } from './datapackage'
import { parseRegisterLine } from './parse'

const fixture = (): Record<DatapackageFile, string> =>
  Object.fromEntries(
    DATAPACKAGE_FILES.map((f) => [f, readFileSync(DATAPACKAGE_FIXTURE_DIR + f, 'utf8')]),
  ) as Record<DatapackageFile, string>

const entries = (lines: string[]) => lines.map((l, i) => parseRegisterLine(l, i + 1))

describe('the data package as Register lines', () => {
  it('keeps UK groups only, the newest edition as the edition file and every UK group in the members file', () => {
    const out = datapackageToLines(fixture())
    expect(out.edition).toBe('260629')
    expect(out.groups).toBe(3)
    expect(out.leftOut).toBe(2)
    const edition = entries(out.editionLines)
    expect(edition.flatMap((p) => p.problems)).toEqual([])
    expect(edition.map((p) => p.entry!.slug)).toEqual(['alpha-health', 'beta-rivers'])
    expect(entries(out.memberLines).map((p) => p.entry!.slug)).toEqual([
      'alpha-health',
      'beta-rivers',
      'gamma-former',
    ])
  })

  it('reads a group as an edition line would give it: fields, tags, benefits, officers, list', () => {
    const alpha = entries(datapackageToLines(fixture()).memberLines)[0]!.entry!
    expect(alpha.fields).toMatchObject({
      title: 'All-Party Parliamentary Group on Alpha Health',
      purpose: 'To discuss alpha health,\nin two lines (fixture data).',
      register_edition: '260629',
      agm_date: '2026-01-02',
      agm_statement_published: 0,
      agm_next_deadline: '2027-05-02',
      website_url: 'https://example.org/alpha',
    })
    expect(alpha.tags).toEqual(['Health, Medicine & Public Health', 'Science, Technology & Innovation'])
    expect(alpha.benefits).toEqual([
      expect.objectContaining({
        source: 'Fixture Foundation',
        valueBand: '1,501-3,000',
        received: '2026-01-01',
      }),
    ])
    // The Scottish group's convener (same slug, other legislature) is not an officer of the UK group.
    expect(alpha.officers.map((o) => [o.displayName, o.role, o.mnisId])).toEqual([
      ['Ima Fixture', 'chair', null],
      ['Baroness Imaginary', 'officer', '99901'],
    ])
    // Removed entries and devolved legislatures' members are left out of the list.
    expect(alpha.membersList?.members.map((m) => [m.displayName, m.memberType])).toEqual([
      ['Ima Fixture', 'mp'],
      ['Lord Testington', 'lord'],
      ['Dr Sample Person', 'other'],
    ])
  })

  it('takes another legislature when asked', () => {
    const out = datapackageToLines(fixture(), { parliament: 'senedd-en' })
    expect(out.edition).toBeNull()
    expect(entries(out.editionLines).map((p) => p.entry!.slug)).toEqual(['delta-wales'])
  })

  it('refuses a missing column, a file cut short, a ragged row, an empty file, naming the file', () => {
    const cases: [DatapackageFile, (text: string) => string, RegExp][] = [
      [
        'register.csv',
        (t) => t.replace('parliament,', 'legislature,'),
        /^register\.csv: missing column parliament/,
      ],
      [
        'members.csv',
        (t) => t.replace(',url_source,', ',url,').replace(',source,', ',origin,'),
        /^members\.csv: missing column source/,
      ],
      [
        'register.csv',
        (t) => t.slice(0, t.indexOf('in two lines')),
        /^register\.csv: not a readable CSV file, perhaps cut short/,
      ],
      ['members.csv', (t) => `${t}only,three,fields\n`, /^members\.csv: not a readable CSV file/],
      ['categories.csv', () => '', /^categories\.csv: holds no rows/],
      [
        'register.csv',
        (t) => t.replace('[{""Source""', '[{""Source'),
        /register\.csv: alpha-health: detailed_benefits is not valid JSON/,
      ],
    ]
    for (const [file, spoil, message] of cases) {
      const texts = fixture()
      texts[file] = spoil(texts[file])
      expect(() => datapackageToLines(texts), String(message)).toThrow(DatapackageError)
      expect(() => datapackageToLines(texts)).toThrow(message)
    }
  })
})
