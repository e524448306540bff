import { readFileSync } from 'node:fs'
import { NEEDS_REAL_REGISTER, REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { describe, expect, it } from 'vitest'
import { DEMO_REGISTER_EDITION, DEMO_REGISTER_FILE } from './demo/demo-register'
import {
  cleanPersonName,
  mapOfficerRole,
  normaliseCategory,
  normaliseName,
  normaliseSlug,
  parseRegisterLine,
  personKindOf,
  registerDate,
  registerKeyOf,
} from './parse'

function fileLines(name: string): string[] {
  return readFileSync(`${REAL_REGISTER_DIR}${name}`, 'utf8').split('\n')
}

describe('mapOfficerRole', () => {
  it.each([
    'Chair & Registered Contact',
    'Chair and Registered Contact',
    '  chair &  registered   contact ',
    'Chair & Registered contact',
    'Chair/Registered Contact',
    'Acting Chair',
    'Chair',
    'chair ',
  ])('%j is the chair', (title) => {
    expect(mapOfficerRole(title)).toBe('chair')
  })

  it.each([
    'Co-Chair',
    'Vice Chair',
    'Co-Vice-Chair',
    'Co-Vice Chair',
    'Senior Vice Chair',
    'Deputy Chair',
    'Treasurer',
    'Secretary',
    'Hon. Secretary',
    'Officer',
    'President',
    'Honorary President',
    '',
  ])('%j is an officer', (title) => {
    expect(mapOfficerRole(title)).toBe('officer')
  })

  it('treats a missing role as an officer', () => {
    expect(mapOfficerRole(null)).toBe('officer')
    expect(mapOfficerRole(undefined)).toBe('officer')
  })
})

describe('normaliseName', () => {
  it.each([
    ['Sir Andrew Mitchell', 'andrew mitchell'],
    ['  Sir   Andrew  Mitchell  MP ', 'andrew mitchell'],
    ['Andrew Mitchell MP.', 'andrew mitchell'],
    ['The Rt Hon the Lord Mendelsohn', 'lord mendelsohn'],
    ['Rt Hon Lord McNally', 'lord mcnally'],
    ['Lord MCNALLY', 'lord mcnally'],
    ['Dr. Neil Shastri-Hurst MP', 'neil shastri-hurst'],
    ['Dr Rupa Huq', 'rupa huq'],
    ['Dame Caroline Dinenage MP', 'caroline dinenage'],
    ['Mr Calvin Bailey', 'calvin bailey'],
    ['Mrs Sharon Hodgson', 'sharon hodgson'],
    ['Tony Vaughan KC', 'tony vaughan'],
    ['Baroness Coffey', 'baroness coffey'],
    ['Baroness Smith of Basildon', 'baroness smith of basildon'],
    ['Lord Hunt of King’s Heath', "lord hunt of king's heath"],
    ['The Earl of Clancarty', 'earl of clancarty'],
    ['Josh Fenton – Glynn', 'josh fenton-glynn'],
  ])('%j → %j', (name, expected) => {
    expect(normaliseName(name)).toBe(expected)
  })

  it('keeps peers distinct from the commoners of the same surname', () => {
    expect(normaliseName('Lord Coffey')).not.toBe(normaliseName('Baroness Coffey'))
    expect(normaliseName('Baroness Coffey')).not.toBe(normaliseName('Coffey'))
  })
})

describe('registerKeyOf', () => {
  it('prefers the MNIS id and falls back to the normalised name', () => {
    expect(registerKeyOf('Sir Andrew Mitchell', '1211')).toBe('mnis:1211')
    expect(registerKeyOf('Sir Andrew Mitchell MP', null)).toBe('name:andrew mitchell')
    expect(registerKeyOf('Andrew Mitchell', undefined)).toBe('name:andrew mitchell')
  })
})

describe('personKindOf', () => {
  it.each([
    [{ name: 'Lord Polak', isOfficer: true }, 'peer'],
    [{ name: 'Baroness Coffey', isOfficer: true }, 'peer'],
    [{ name: 'Viscount Trenchard', isOfficer: true }, 'peer'],
    [{ name: 'The Earl of Clancarty', isOfficer: true }, 'peer'],
    [{ name: 'The Lord Bishop of Southwark', isOfficer: true }, 'peer'],
    [{ name: 'Kennedy', memberType: 'lord' as const }, 'peer'],
    [{ name: 'Jane Doe', isOfficer: true, party: 'Crossbench' }, 'peer'],
    [{ name: 'Sir Andrew Mitchell', isOfficer: true }, 'mp'],
    [{ name: 'Clive Jones', memberType: 'mp' as const }, 'mp'],
    [{ name: 'Baroness Green', memberType: 'other' as const }, 'peer'],
    [{ name: 'Professor Amanda Broderick', memberType: 'other' as const }, 'other'],
    [{ name: 'RSPCA' }, 'other'],
  ])('%j is %s', (input, kind) => {
    expect(personKindOf(input)).toBe(kind)
  })
})

describe('cleanPersonName', () => {
  it.each([
    ['  Sir Andrew   Mitchell ', 'Sir Andrew Mitchell'],
    ['Navendu Mishra MP', 'Navendu Mishra'],
    ['22.Charlie Dewhirst MP', 'Charlie Dewhirst'],
    ['Co-Chair: Ian Roome MP', 'Ian Roome'],
    ['Honorary Secretary: Paul Hegarty', 'Paul Hegarty'],
    ['Bell Ribeiro-Addy (Lab)', 'Bell Ribeiro-Addy'],
    ['Baroness May of Maidenhead (Co-Chair)', 'Baroness May of Maidenhead'],
    ['Baroness Vere \\- member', 'Baroness Vere'],
    ['Lord Taylor of Warwick, N/A', 'Lord Taylor of Warwick'],
    ['Baroness (Caroline) Pidgeon', 'Baroness (Caroline) Pidgeon'],
    ['RSPCA', 'RSPCA'],
    ['Zöe Franklin', 'Zöe Franklin'],
  ])('%j → %j', (raw, expected) => {
    expect(cleanPersonName(raw)).toBe(expected)
  })

  it.each([
    'https://acso.org.uk',
    'http://beryl.cc',
    'www.example.org',
    'Non-parliamentary members:',
    'n/a',
    'N/A',
    'Member',
    'Peer',
    '',
    '   ',
    null,
    undefined,
    42,
    '12345',
    'x'.repeat(200),
  ])('%j is not a name', (raw) => {
    expect(cleanPersonName(raw)).toBeNull()
  })
})

describe('small readers', () => {
  it('keep the slug as the Register gives it, and make one from anything else', () => {
    expect(normaliseSlug('first-do-no-harm---mesh-primodos-valproate')).toBe(
      'first-do-no-harm---mesh-primodos-valproate',
    )
    expect(normaliseSlug('  Cancer ')).toBe('cancer')
    expect(normaliseSlug('Côte d’Ivoire')).toBe('cote-d-ivoire')
    expect(normaliseSlug(' -- ')).toBeNull()
    expect(normaliseSlug(null)).toBeNull()
  })

  it('normalise categories whatever their spelling', () => {
    expect(normaliseCategory('Subject Group')).toBe('Subject Group')
    expect(normaliseCategory(' subject  group ')).toBe('Subject Group')
    expect(normaliseCategory('Country, Area or Region Group')).toBe('Country, Area or Region Group')
    expect(normaliseCategory('Country Group')).toBe('Country, Area or Region Group')
    expect(normaliseCategory('Country/Area/Region')).toBe('Country, Area or Region Group')
    expect(normaliseCategory('Something else')).toBe('Something else')
    expect(normaliseCategory(null)).toBeNull()
    expect(normaliseCategory('   ')).toBeNull()
  })

  it('reads Register dates as ISO dates and keeps what is not a date', () => {
    expect(registerDate('02/12/2025')).toBe('2025-12-02')
    expect(registerDate('2/3/2026')).toBe('2026-03-02')
    expect(registerDate('2026-07-24')).toBe('2026-07-24')
    expect(registerDate(' ongoing ')).toBe('ongoing')
    expect(registerDate('31/13/2025')).toBe('31/13/2025')
    expect(registerDate(null)).toBeNull()
  })
})

describe('parseRegisterLine on the demo Register', () => {
  it('reads every line of the demo Register without a problem, labelled as demo data', () => {
    const parsed = readFileSync(DEMO_REGISTER_FILE, 'utf8')
      .split('\n')
      .map((l, i) => parseRegisterLine(l, i + 1))
    expect(parsed.flatMap((p) => p.problems)).toEqual([])
    const entries = parsed.flatMap((p) => (p.entry ? [p.entry] : []))
    expect(entries.map((e) => e.slug)).toEqual(
      expect.arrayContaining(['cancer', 'respiratory-health', 'diabetes']),
    )
    for (const e of entries) {
      expect(e.fields.registered_contact_address).toContain('Demo data')
      expect(e.fields.register_edition).toBe(DEMO_REGISTER_EDITION)
      expect(e.officers.filter((o) => o.role === 'chair')).toHaveLength(1)
    }
    expect(entries.find((e) => e.slug === 'life-sciences')!.tags).toEqual([
      'Health, Medicine & Public Health',
      'Science, Technology & Innovation',
      'Economy, Business & Industry',
    ])
    const cancer = entries.find((e) => e.slug === 'cancer')!
    expect(cancer.benefits[0]).toMatchObject({ valueBand: '15,001-16,500', received: '2019-12-02' })
    expect(cancer.membersList?.members.map((m) => m.memberType)).toContain('lord')
  })
})

describe.skipIf(!REAL_REGISTER_DIR)(`parseRegisterLine on the real Register ${NEEDS_REAL_REGISTER}`, () => {
  it('reads a real line of the 2026-06-29 edition', () => {
    const lines = fileLines('register-2026-06-29.jsonl')
    const index = lines.findIndex((l) => l.includes('"slug": "cancer"'))
    const parsed = parseRegisterLine(lines[index]!, index + 1)
    expect(parsed.problems).toEqual([])
    const entry = parsed.entry!
    expect(entry.slug).toBe('cancer')
    expect(entry.fields).toMatchObject({
      title: 'All-Party Parliamentary Group on Cancer',
      category: 'Subject Group',
      registered_contact_name: 'Navendu Mishra MP',
      registered_contact_email: 'navendu.mishra.mp@parliament.uk',
      secretariat: "Macmillan Cancer Support acts as the group's secretariat.https://www.macmillan.org.uk/",
      website_url: 'https://www.macmillan.org.uk/advocacy/our-work/government/appgc',
      agm_date: '2025-12-02',
      agm_statement_published: 0,
      agm_reporting_year: '02 Dec to 01 Dec',
      agm_next_deadline: '2027-04-02',
      registrable_benefits: 'Benefits In Kind',
      register_edition: '260629',
      source_url: 'https://publications.parliament.uk/pa/cm/cmallparty/260629/cancer.htm',
    })
    expect(entry.benefits).toEqual([
      {
        source: 'Macmillan Cancer Support',
        description: 'Secretariat From: 02/12/2025 To: 01/12/2026',
        valueBand: '15,001-16,500',
        received: '2025-12-02',
        registered: '2025-12-09',
        benefitType: 'Benefits In Kind',
      },
    ])
    expect(
      entry.officers.map((o) => [o.displayName, o.role, o.registerTitle, o.kind, o.registerKey]),
    ).toEqual([
      ['Navendu Mishra', 'chair', 'Chair & Registered Contact', 'mp', 'name:navendu mishra'],
      ['Baroness Coffey', 'officer', 'Officer', 'peer', 'name:baroness coffey'],
      ['Clive Jones', 'officer', 'Officer', 'mp', 'name:clive jones'],
      ['Josh Fenton-Glynn', 'officer', 'Officer', 'mp', 'name:josh fenton-glynn'],
    ])
    expect(entry.officers[0]!.party).toBe('Labour')
    expect(entry.tags).toEqual([])
  })

  it('collapses the stray whitespace of the Register and reads financial benefits', () => {
    const lines = fileLines('register-2026-06-29.jsonl')
    const abraham = parseRegisterLine(lines.find((l) => l.includes('"slug": "abraham-accords"'))!, 1).entry!
    // As published: two spaces before "acts".
    expect(abraham.fields.secretariat).toBe(
      "UK Abraham Accords Group acts as the group's secretariat.https://www.abraham-accords.uk",
    )
    expect(abraham.fields.website_url).toBeNull()
    const reparations = parseRegisterLine(lines.find((l) => l.includes('"slug": "afrikan-reparations"'))!, 1)
      .entry!
    const financial = reparations.benefits.find((b) => b.benefitType === 'Financial Benefits')!
    expect(financial).toMatchObject({ source: 'Common Wealth', valueBand: '2,500', received: '2025-10-18' })
  })

  it('reads every line of the three files, with problems only for unusable membership entries', () => {
    for (const file of ['register-2026-05-18.jsonl', 'register-2026-06-29.jsonl']) {
      const parsed = fileLines(file).map((l, i) => parseRegisterLine(l, i + 1))
      expect(parsed.flatMap((p) => p.problems)).toEqual([])
      expect(parsed.filter((p) => p.entry).length).toBe(file.includes('05-18') ? 562 : 571)
    }
    const members = fileLines('appgs-with-members.jsonl').map((l, i) => parseRegisterLine(l, i + 1))
    expect(members.filter((p) => p.entry).length).toBe(624)
    for (const problem of members.flatMap((p) => p.problems)) expect(problem.message).toMatch(/not a name/)
    const withLists = members.filter((p) => (p.entry?.membersList?.members.length ?? 0) > 0)
    expect(withLists.length).toBeGreaterThan(250)
    const tags = new Set(members.flatMap((p) => p.entry?.tags ?? []))
    expect(tags.size).toBe(22)
  })

  it('reads the parliamentary ids, member types and flags of the members file', () => {
    const line = fileLines('appgs-with-members.jsonl').find((l) => l.includes('"slug": "abraham-accords"'))!
    const entry = parseRegisterLine(line, 1).entry!
    expect(entry.officers[0]).toMatchObject({
      displayName: 'Sir Andrew Mitchell',
      mnisId: '1211',
      twfyId: 'uk.org.publicwhip/person/11115',
      registerKey: 'mnis:1211',
      nameKey: 'andrew mitchell',
    })
    expect(entry.tags).toEqual(['International Affairs, Development & Trade'])
  })
})

describe('parseRegisterLine', () => {
  it('accepts other spellings, nulls, missing fields and numbers where text was expected', () => {
    const line = JSON.stringify({
      slug: '  Spelling Test ',
      title: '  All-Party  Parliamentary Group on   Spelling \n',
      purpose: null,
      category: 'country group',
      officers: [
        { role: 'Chair and Registered Contact', name: ' Dr  Jane Doe MP ', party: ' Labour ', mnis_id: 123 },
        { role: 'Co-Vice-Chair', name: 'Lord Roe', party: null },
        { role: null, name: 'Sam Smith' },
        { role: 'Treasurer', name: '' },
        { role: 'Officer', name: 'Gone Person', removed: true },
        { role: 'Vice Chair', name: 'Jane Doe' },
      ],
      agm: null,
      detailed_benefits: [
        { source: 'Acme', 'value £s': '1,500', received: '01/02/2026', TYPE: 'Financial Benefits' },
        {},
      ],
      index_date: 260701,
      categories: ['  Health, Medicine & Public Health ', 'Health, Medicine & Public Health', null],
    })
    const parsed = parseRegisterLine(line, 7)
    const entry = parsed.entry!
    expect(entry.slug).toBe('spelling-test')
    expect(entry.fields.title).toBe('All-Party Parliamentary Group on Spelling')
    expect(entry.fields.category).toBe('Country, Area or Region Group')
    expect(entry.fields.registered_contact_name).toBeNull()
    expect(entry.fields.website_url).toBeNull()
    expect(entry.fields.agm_date).toBeNull()
    expect(entry.fields.agm_statement_published).toBeNull()
    expect(entry.fields.register_edition).toBe('260701')
    expect(entry.tags).toEqual(['Health, Medicine & Public Health'])
    expect(entry.benefits).toEqual([
      {
        source: 'Acme',
        description: null,
        valueBand: '1,500',
        received: '2026-02-01',
        registered: null,
        benefitType: 'Financial Benefits',
      },
    ])
    expect(
      entry.officers.map((o) => [o.displayName, o.role, o.registerTitle, o.registerKey, o.kind]),
    ).toEqual([
      ['Dr Jane Doe', 'chair', 'Chair and Registered Contact', 'mnis:123', 'mp'],
      ['Lord Roe', 'officer', 'Co-Vice-Chair', 'name:lord roe', 'peer'],
      ['Sam Smith', 'officer', null, 'name:sam smith', 'mp'],
      ['Jane Doe', 'officer', 'Vice Chair', 'name:jane doe', 'mp'],
    ])
    expect(entry.officers[0]!.party).toBe('Labour')
    expect(entry.membersList).toBeNull()
    expect(parsed.problems).toEqual([
      { line: 7, message: expect.stringMatching(/officer without a usable name/) },
    ])
  })

  it('keeps one officer per person, with the higher role', () => {
    const line = JSON.stringify({
      slug: 'twice',
      title: 'Twice',
      officers: [
        { role: 'Officer', name: 'Jane Doe' },
        { role: 'Chair & Registered Contact', name: 'Jane Doe MP' },
      ],
    })
    const parsed = parseRegisterLine(line, 3)
    expect(parsed.entry!.officers.map((o) => [o.displayName, o.role])).toEqual([['Jane Doe', 'chair']])
    expect(parsed.problems).toEqual([{ line: 3, message: expect.stringMatching(/listed twice/) }])
  })

  it('reads membership lists: removed and unusable entries out, duplicates once, types mapped', () => {
    const line = JSON.stringify({
      slug: 'club',
      title: 'Club',
      members_list: {
        source_method: 'manual',
        members: [
          { name: 'Clive Jones MP', member_type: 'mp', mnis_id: '5001', is_officer: true },
          { name: 'Clive Jones', member_type: 'mp', mnis_id: '5001' },
          { name: 'Baroness Green', member_type: 'LORD' },
          { name: 'Left Person', member_type: 'mp', removed: true },
          { name: 'https://example.org', member_type: 'other' },
          { name: 'Non-parliamentary members:', member_type: 'other' },
          { name: 'Acme Charity', member_type: 'other' },
        ],
      },
    })
    const parsed = parseRegisterLine(line, 9)
    const list = parsed.entry!.membersList!
    expect(list.sourceMethod).toBe('manual')
    expect(
      list.members.map((m) => [m.displayName, m.memberType, m.kind, m.registerKey, m.isOfficer]),
    ).toEqual([
      ['Clive Jones', 'mp', 'mp', 'mnis:5001', true],
      ['Baroness Green', 'lord', 'peer', 'name:baroness green', false],
      ['Acme Charity', 'other', 'other', 'name:acme charity', false],
    ])
    expect(parsed.problems).toEqual([
      { line: 9, message: 'club: 2 membership list entries are not a name and left out' },
    ])
  })

  it('reports a line it cannot use, with its line number, and never throws', () => {
    const broken = parseRegisterLine('{"slug": "cancer", "title": "All-Party', 12)
    expect(broken.entry).toBeNull()
    expect(broken.slug).toBe('cancer')
    expect(broken.problems).toEqual([{ line: 12, message: expect.stringMatching(/^not valid JSON/) }])

    const noSlug = parseRegisterLine('{"title": "A group without a slug"}', 13)
    expect(noSlug).toMatchObject({ entry: null, slug: null })
    expect(noSlug.problems).toEqual([{ line: 13, message: 'no slug (title "A group without a slug")' }])

    const noTitle = parseRegisterLine('{"slug": "untitled", "title": "   "}', 14)
    expect(noTitle).toMatchObject({ entry: null, slug: 'untitled' })
    expect(noTitle.problems).toEqual([{ line: 14, message: 'untitled: no title' }])

    for (const text of ['[1, 2]', 'null', '42', '"text"']) {
      const odd = parseRegisterLine(text, 15)
      expect(odd.entry).toBeNull()
      expect(odd.problems).toEqual([{ line: 15, message: 'not a JSON object' }])
    }

    expect(parseRegisterLine('   \r', 16)).toEqual({ line: 16, entry: null, slug: null, problems: [] })
    expect(parseRegisterLine('\ufeff', 17).problems).toEqual([])
  })

  it('cuts values longer than their columns and says so', () => {
    const parsed = parseRegisterLine(
      JSON.stringify({
        slug: 'long',
        title: 'T'.repeat(500),
        contact_details: { website: { status: 'register', url: `https://example.org/${'x'.repeat(600)}` } },
        officers: [{ role: `Vice Chair ${'x'.repeat(200)}`, name: 'Jane Doe' }],
      }),
      4,
    )
    expect(parsed.entry!.fields.title).toHaveLength(400)
    expect(parsed.entry!.fields.website_url).toBeNull()
    expect(parsed.entry!.officers[0]!.registerTitle).toHaveLength(100)
    expect(parsed.problems.map((p) => p.message)).toEqual([
      'long: website URL longer than 500 characters left out',
      'long: title cut to 400 characters',
      'long: officer role cut to 100 characters',
    ])
  })
})
