import { readFileSync } from 'node:fs'
import { newPersonRow } from '@appg-hub/core'
import { type Db, newId, type Role } from '@appg-hub/db'
import { NEEDS_REAL_REGISTER, REAL_REGISTER_DIR, testDatabases } from '@appg-hub/db/testing'
import type { KyselyPlugin, OperationNode } from 'kysely'
import { afterAll, describe, expect, it } from 'vitest'
import { DEMO_REGISTER_FILE } from '../demo/demo-register'
import { importRegister, normaliseName, readLines } from '../index'
import { at, entry, jsonl, type Raw } from '../testing'

const DATA_DIR = REAL_REGISTER_DIR ?? ''
const MAY = 'register-2026-05-18.jsonl'
const JUNE = 'register-2026-06-29.jsonl'
const MEMBERS = 'appgs-with-members.jsonl'
/** The whole real Register, on MariaDB, on a machine shared with other runs: more than the default 30 s. */
const SLOW = { timeout: 600_000 }

const fileLines = (name: string) => readFileSync(DATA_DIR + name, 'utf8').split('\n')
const rawEntries = (name: string): Raw[] =>
  fileLines(name)
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l))

/** Records the kind of every query sent through the returned db. */
function counting(db: Db): { db: Db; kinds: string[] } {
  const kinds: string[] = []
  const plugin: KyselyPlugin = {
    transformQuery: ({ node }) => {
      kinds.push(node.kind)
      return node
    },
    transformResult: async ({ result }) => result,
  }
  return { db: db.withPlugin(plugin), kinds }
}

function tableOf(node: OperationNode): string | undefined {
  return (node as { into?: { table?: { identifier?: { name?: string } } } }).into?.table?.identifier?.name
}

async function count(
  db: Db,
  table: 'appg' | 'benefit' | 'membership' | 'person' | 'audit_event' | 'appg_tag',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

async function slugsWithStatus(db: Db, status: 'registered' | 'deregistered') {
  const rows = await db
    .selectFrom('appg')
    .select('slug')
    .where('status', '=', status)
    .orderBy('slug')
    .execute()
  return rows.map((r) => r.slug)
}

/** [name, role, register_title, source] of a group's memberships, by name. */
async function membershipsOf(db: Db, slug: string) {
  const rows = await db
    .selectFrom('membership')
    .innerJoin('appg', 'appg.id', 'membership.appg_id')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select(['person.display_name', 'membership.role', 'membership.register_title', 'membership.source'])
    .where('appg.slug', '=', slug)
    .execute()
  return rows
    .map((r) => [r.display_name, r.role, r.register_title, r.source])
    .sort((a, b) => String(a[0]).localeCompare(String(b[0])))
}

async function auditOf(db: Db, action: string) {
  const rows = await db
    .selectFrom('audit_event')
    .leftJoin('appg', 'appg.id', 'audit_event.appg_id')
    .select([
      'audit_event.action',
      'audit_event.at',
      'audit_event.actor_id',
      'audit_event.details',
      'appg.slug',
    ])
    .where('audit_event.action', '=', action)
    .execute()
  return rows.map((r) => ({ ...r, details: JSON.parse(r.details) }))
}

async function addPerson(db: Db, fields: { display_name: string; email?: string; register_key?: string }) {
  const row = newPersonRow(
    { displayName: fields.display_name, kind: 'mp', email: fields.email, registerKey: fields.register_key },
    '2026-06-01T00:00:00.000Z',
  )
  await db.insertInto('person').values(row).execute()
  return row.id
}

async function addMembership(db: Db, personId: string, slug: string, role: Role, source: string) {
  const group = await db.selectFrom('appg').select('id').where('slug', '=', slug).executeTakeFirstOrThrow()
  const now = '2026-06-01T00:00:00.000Z'
  await db
    .insertInto('membership')
    .values({
      id: newId(),
      person_id: personId,
      appg_id: group.id,
      role,
      register_title: null,
      source,
      created_at: now,
      updated_at: now,
    })
    .execute()
}

describe.each(testDatabases())('register import on $name', (target) => {
  afterAll(() => target.close())

  it('imports the demo Register as an edition and for its tags and lists; re-runs write nothing', async () => {
    const db = await target.fresh()
    const lines = readFileSync(DEMO_REGISTER_FILE, 'utf8').split('\n')
    const groups = lines.filter((l) => l.trim()).length
    const edition = await importRegister(db, { lines })
    expect(edition.problems).toEqual([])
    expect(edition.groups).toEqual({ created: groups, updated: 0, unchanged: 0, deregistered: 0 })
    const members = await importRegister(db, { lines, mode: 'members' })
    expect(members.problems).toEqual([])
    expect(members.tags.added).toBeGreaterThanOrEqual(groups)
    // The officers are members through the edition already: the lists add the others.
    const listedNonOfficers = lines
      .filter((l) => l.trim())
      .flatMap((l) => JSON.parse(l).members_list?.members ?? [])
      .filter((m: { is_officer: boolean }) => !m.is_officer)
    expect(members.members.added).toBe(listedNonOfficers.length)
    expect(listedNonOfficers).toHaveLength(7)
    expect(await slugsWithStatus(db, 'registered')).toHaveLength(groups)
    const again = await importRegister(db, { lines })
    expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: groups, deregistered: 0 })
    expect((await importRegister(db, { lines, mode: 'members' })).changes).toEqual([])
  })

  describe.skipIf(!REAL_REGISTER_DIR)(`the whole real Register ${NEEDS_REAL_REGISTER}`, SLOW, () => {
    it('imports the 2026-06-29 edition whole, and a second run writes nothing', async () => {
      const db = await target.fresh()
      const raw = rawEntries(JUNE)
      const officers = raw.flatMap((e) => e.officers)
      const benefits = raw.flatMap((e) => e.detailed_benefits)
      const chairs = officers.filter((o) => o.role === 'Chair & Registered Contact')
      const progress: number[] = []
      const { db: counted, kinds } = counting(db)

      const report = await importRegister(counted, {
        lines: fileLines(JUNE),
        clock: at('2026-06-29T12:00:00.000Z'),
        onProgress: (n) => progress.push(n),
      })

      expect(report.problems).toEqual([])
      expect(report.edition).toBe('260629')
      expect(report.groups).toEqual({ created: 571, updated: 0, unchanged: 0, deregistered: 0 })
      expect(report.officers).toEqual({ added: officers.length, removed: 0, changed: 0 })
      expect(report.benefits.added).toBe(benefits.length)
      expect(progress).toHaveLength(571)
      expect(progress.at(-1)).toBe(571)
      expect(await slugsWithStatus(db, 'registered')).toEqual(raw.map((e) => e.slug).sort())
      expect(await count(db, 'benefit')).toBe(benefits.length)
      expect(await count(db, 'membership')).toBe(officers.length)
      expect(await count(db, 'person')).toBe(report.persons.created)
      expect(await count(db, 'audit_event')).toBe(report.auditEvents)
      // One event per group and per officer, and one per peer the edition names in both title forms.
      expect(report.merged.length).toBeLessThan(10)
      expect(report.auditEvents).toBe(571 + officers.length + report.merged.length)
      const roles = await db
        .selectFrom('membership')
        .select(['role', 'source', (eb) => eb.fn.countAll<number>().as('n')])
        .groupBy(['role', 'source'])
        .orderBy('role')
        .execute()
      expect(roles.map((r) => [r.role, r.source, Number(r.n)])).toEqual([
        ['chair', 'register', chairs.length],
        ['officer', 'register', officers.length - chairs.length],
      ])
      // Round trips: six reads, then a handful of batched inserts per group (one of them its
      // search index entry) and the bump of the Register's cache version that ends each group's
      // transaction.
      expect(kinds.slice(0, 6)).toEqual(Array(6).fill('SelectQueryNode'))
      expect(kinds.slice(6).every((k) => k === 'InsertQueryNode' || k === 'UpdateQueryNode')).toBe(true)
      expect(kinds.filter((k) => k === 'UpdateQueryNode')).toHaveLength(571)
      expect(kinds.length).toBeLessThanOrEqual(6 + 7 * 571)
      expect(
        await db.selectFrom('search_index').select('doc_id').where('doc_type', '=', 'group').execute(),
      ).toHaveLength(571)

      const cancer = await db
        .selectFrom('appg')
        .selectAll()
        .where('slug', '=', 'cancer')
        .executeTakeFirstOrThrow()
      expect(cancer).toMatchObject({
        title: 'All-Party Parliamentary Group on Cancer',
        category: 'Subject Group',
        status: 'registered',
        register_edition: '260629',
        secretariat: "Macmillan Cancer Support acts as the group's secretariat.https://www.macmillan.org.uk/",
        public_enquiry_point_email: 'appgc@macmillan.org.uk',
        agm_date: '2025-12-02',
        agm_statement_published: 0,
        created_at: '2026-06-29T12:00:00.000Z',
      })
      expect(await membershipsOf(db, 'cancer')).toEqual([
        ['Baroness Coffey', 'officer', 'Officer', 'register'],
        ['Clive Jones', 'officer', 'Officer', 'register'],
        ['Josh Fenton-Glynn', 'officer', 'Officer', 'register'],
        ['Navendu Mishra', 'chair', 'Chair & Registered Contact', 'register'],
      ])
      const coffey = await db
        .selectFrom('person')
        .selectAll()
        .where('display_name', '=', 'Baroness Coffey')
        .executeTakeFirstOrThrow()
      expect(coffey).toMatchObject({
        kind: 'peer',
        party: 'Conservative',
        register_key: 'name:baroness coffey',
        email: null,
      })
      const created = await auditOf(db, 'register.group.created')
      expect(created).toHaveLength(571)
      expect(created[0]).toMatchObject({ actor_id: null, at: '2026-06-29T12:00:00.000Z' })

      const rerun = counting(db)
      const again = await importRegister(rerun.db, {
        lines: fileLines(JUNE),
        clock: at('2026-06-30T12:00:00.000Z'),
      })
      expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: 571, deregistered: 0 })
      expect(again.officers).toEqual({ added: 0, removed: 0, changed: 0 })
      expect(again.benefits).toEqual({ groups: 0, added: 0, removed: 0 })
      expect(again.persons).toEqual({ created: 0, updated: 0 })
      expect(again.changes).toEqual([])
      expect(again.problems).toEqual([])
      expect(again.auditEvents).toBe(0)
      // No writes at all: only the six reads of the start.
      expect(rerun.kinds).toEqual(Array(6).fill('SelectQueryNode'))
    })

    it('records what changed from 2026-05-18 to 2026-06-29 as audit events and sentences, deleting no group', async () => {
      const db = await target.fresh()
      const may = rawEntries(MAY)
      const june = rawEntries(JUNE)
      const first = await importRegister(db, { lines: fileLines(MAY), clock: at('2026-05-18T12:00:00.000Z') })
      expect(first.groups).toEqual({ created: 562, updated: 0, unchanged: 0, deregistered: 0 })
      expect(await slugsWithStatus(db, 'registered')).toHaveLength(562)
      const auditBefore = await count(db, 'audit_event')

      const report = await importRegister(db, {
        lines: fileLines(JUNE),
        clock: at('2026-06-29T12:00:00.000Z'),
      })
      expect(report.problems).toEqual([])

      const juneSlugs = new Set(june.map((e) => e.slug))
      const maySlugs = new Map(may.map((e) => [e.slug, e]))
      const gone = may.filter((e) => !juneSlugs.has(e.slug)).map((e) => e.slug)
      const fresh = june.filter((e) => !maySlugs.has(e.slug))
      expect(gone).toHaveLength(12)
      expect(report.groups.created).toBe(fresh.length)
      expect(report.groups.deregistered).toBe(12)
      expect(report.groups.created + report.groups.updated + report.groups.unchanged).toBe(571)
      expect(await slugsWithStatus(db, 'registered')).toEqual([...juneSlugs].sort())
      expect(await slugsWithStatus(db, 'deregistered')).toEqual(gone.sort())
      expect(await count(db, 'appg')).toBe(562 + fresh.length)

      // What the two files say about officers, by name, group by group. (Names are compared as the
      // importer compares them: "Peter Prinsley" became "Dr Peter Prinsley" in four groups.)
      let removed = 0
      let added = fresh.reduce((n, e) => n + e.officers.length, 0)
      for (const e of june) {
        const before = maySlugs.get(e.slug)
        if (!before) continue
        const was = new Set(before.officers.map((o: Raw) => normaliseName(o.name)))
        const is = new Set(e.officers.map((o: Raw) => normaliseName(o.name)))
        added += [...is].filter((n) => !was.has(n)).length
        removed += [...was].filter((n) => !is.has(n)).length
      }
      expect(report.officers.added).toBe(added)
      expect(report.officers.removed).toBe(removed)
      expect(report.officers.changed).toBeGreaterThan(0)

      expect(report.changes).toContain(
        'central-south: Richard Quigley replaced Luke Murphy as Chair & Registered Contact',
      )
      expect(report.changes).toContain(
        'anti-corruption-and-responsible-tax: officer Rachel Blake removed (was Officer)',
      )
      expect(report.changes).toContain(
        'genetic-haemochromatosis: Torcuil Crichton is now Chair & Registered Contact (was Officer)',
      )
      expect(report.changes).toContain('pubs: deregistered (not in edition 260629)')

      const replaced = await auditOf(db, 'register.officer.replaced')
      const centralSouth = replaced.find((e) => e.slug === 'central-south')!
      expect(centralSouth).toMatchObject({
        actor_id: null,
        at: '2026-06-29T12:00:00.000Z',
        details: {
          title: 'Chair & Registered Contact',
          role: 'chair',
          from: { name: 'Luke Murphy' },
          to: { name: 'Richard Quigley' },
        },
      })
      const deregistered = await auditOf(db, 'register.group.deregistered')
      expect(deregistered.map((e) => e.slug).sort()).toEqual(gone.sort())
      expect(deregistered[0]!.details).toMatchObject({ last_edition: '260518', edition: '260629' })
      expect(await count(db, 'audit_event')).toBe(auditBefore + report.auditEvents)
      const officerEvents = [
        ...(await auditOf(db, 'register.officer.removed')),
        ...(await auditOf(db, 'register.officer.changed')),
        ...replaced,
      ]
      expect(officerEvents.length).toBeGreaterThan(0)

      expect(await membershipsOf(db, 'genetic-haemochromatosis')).toEqual(
        expect.arrayContaining([
          ['Torcuil Crichton', 'chair', 'Chair & Registered Contact', 'register'],
          ['Sir John Hayes', 'officer', 'Vice Chair', 'register'],
        ]),
      )
      expect((await membershipsOf(db, 'anti-corruption-and-responsible-tax')).map((m) => m[0])).not.toContain(
        'Rachel Blake',
      )
      // A deregistered group keeps its entry and its officers.
      const pubs = maySlugs.get('pubs')
      expect(await membershipsOf(db, 'pubs')).toHaveLength(pubs.officers.length)
      const pubsRow = await db
        .selectFrom('appg')
        .selectAll()
        .where('slug', '=', 'pubs')
        .executeTakeFirstOrThrow()
      expect(pubsRow).toMatchObject({ status: 'deregistered', register_edition: '260518', title: pubs.title })

      // The same edition again: nothing.
      const again = await importRegister(db, { lines: fileLines(JUNE) })
      expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: 571, deregistered: 0 })
      expect(again.auditEvents).toBe(0)
    })

    it('refuses an edition older than the one imported, unless told to', async () => {
      const db = await target.fresh()
      await importRegister(db, { lines: fileLines(JUNE) })
      const older = await importRegister(db, { lines: fileLines(MAY) })
      expect(older.problems).toEqual([
        { line: 0, message: expect.stringMatching(/edition 260518 is older than edition 260629/) },
      ])
      expect(older.groups).toEqual({ created: 0, updated: 0, unchanged: 0, deregistered: 0 })
      expect(older.auditEvents).toBe(0)
      expect(await slugsWithStatus(db, 'registered')).toHaveLength(571)

      const forced = await importRegister(db, { lines: fileLines(MAY), allowOlderEdition: true })
      expect(forced.problems).toEqual([])
      expect(forced.groups.deregistered).toBe(21)
      expect(await slugsWithStatus(db, 'registered')).toHaveLength(562)
    })

    it('imports the members file: tags, membership lists, ids, former groups; a re-run of either file is a no-op', async () => {
      const db = await target.fresh()
      const raw = rawEntries(MEMBERS)
      await importRegister(db, { lines: fileLines(JUNE) })
      const officersBefore = await count(db, 'membership')

      const report = await importRegister(db, { lines: readLines(DATA_DIR + MEMBERS), mode: 'members' })
      expect(report.groups.created).toBe(624 - 571)
      expect(report.groups.deregistered).toBe(0)
      expect(await slugsWithStatus(db, 'registered')).toHaveLength(571)
      expect(await slugsWithStatus(db, 'deregistered')).toHaveLength(53)
      for (const p of report.problems) expect(p.message).toMatch(/not a name/)

      const tags = raw.reduce((n, e) => n + new Set(e.categories).size, 0)
      expect(report.tags).toEqual({ added: tags, removed: 0 })
      expect(await count(db, 'appg_tag')).toBe(tags)
      const cancerTags = await db
        .selectFrom('appg_tag')
        .innerJoin('appg', 'appg.id', 'appg_tag.appg_id')
        .select('tag')
        .where('slug', '=', 'cancer')
        .execute()
      expect(cancerTags.map((t) => t.tag)).toEqual(['Health, Medicine & Public Health'])

      // Officers known by name from the edition now carry their parliamentary ids.
      const rawCancer = raw.find((e) => e.slug === 'cancer')
      const mishra = await db
        .selectFrom('person')
        .selectAll()
        .where('display_name', '=', 'Navendu Mishra')
        .execute()
      expect(mishra).toHaveLength(1)
      expect(mishra[0]).toMatchObject({
        mnis_id: rawCancer.officers[0].mnis_id,
        twfy_id: rawCancer.officers[0].twfy_id,
        register_key: `mnis:${rawCancer.officers[0].mnis_id}`,
      })
      expect((await auditOf(db, 'register.person.updated')).length).toBe(report.persons.updated)

      // Membership lists: members added, officers never downgraded.
      const officerRows = await db
        .selectFrom('membership')
        .select(['role'])
        .where('source', '=', 'register')
        .execute()
      expect(officerRows.every((r) => r.role === 'chair' || r.role === 'officer')).toBe(true)
      const formerOfficers = raw
        .filter((e) => e.index_date !== '260629')
        .reduce((n, e) => n + e.officers.length, 0)
      expect(officerRows.length).toBe(officersBefore + formerOfficers)
      const listed = await db
        .selectFrom('membership')
        .select(['role', (eb) => eb.fn.countAll<number>().as('n')])
        .where('source', '=', 'members_list')
        .groupBy('role')
        .execute()
      expect(listed.map((r) => [r.role, Number(r.n)])).toEqual([['member', report.members.added]])
      expect(report.members.added).toBeGreaterThan(8000)
      const diabetes = await membershipsOf(db, 'diabetes')
      expect(diabetes).toContainEqual(['Tom Gordon', 'chair', 'Chair & Registered Contact', 'register'])
      expect(diabetes.filter((m) => m[3] === 'members_list').length).toBeGreaterThan(20)

      // A group the Register no longer lists is kept with its data.
      const former = raw.find(
        (e) => e.index_date !== '260629' && e.detailed_benefits.length > 0 && e.officers.length > 0,
      )
      const formerRow = await db
        .selectFrom('appg')
        .selectAll()
        .where('slug', '=', former.slug)
        .executeTakeFirstOrThrow()
      expect(formerRow).toMatchObject({
        status: 'deregistered',
        register_edition: former.index_date,
        title: former.title,
      })
      expect(await membershipsOf(db, former.slug)).toEqual(
        expect.arrayContaining([expect.arrayContaining(['register'])]),
      )

      const membersAgain = counting(db)
      const again = await importRegister(membersAgain.db, { lines: fileLines(MEMBERS), mode: 'members' })
      expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: 624, deregistered: 0 })
      expect(again.members.added + again.members.removed).toBe(0)
      expect(again.persons).toEqual({ created: 0, updated: 0 })
      expect(again.changes).toEqual([])
      expect(membersAgain.kinds).toEqual(Array(6).fill('SelectQueryNode'))

      const editionAgain = counting(db)
      const edition = await importRegister(editionAgain.db, { lines: fileLines(JUNE) })
      expect(edition.groups).toEqual({ created: 0, updated: 0, unchanged: 571, deregistered: 0 })
      expect(edition.changes).toEqual([])
      expect(editionAgain.kinds).toEqual(Array(6).fill('SelectQueryNode'))
    })
  })

  it('accepts other spellings and broken lines, reports them by line, and then deregisters nothing', async () => {
    const db = await target.fresh()
    await importRegister(db, { lines: jsonl(entry('alpha'), entry('beta')) })

    const alpha = entry('alpha', {
      edition: '260701',
      officers: [
        ['Chair and Registered Contact', '  Jane   Doe '],
        ['Co-Vice-Chair', 'Lord Roe'],
      ],
    })
    delete alpha.contact_details
    const gamma = entry('gamma', {
      edition: '260701',
      officers: [['Chair', 'Kim Lee']],
      extra: { category: ' Country Group ' },
    })
    delete gamma.agm
    const report = await importRegister(db, {
      lines: jsonl(
        alpha,
        '{"slug": "beta", "title": "All-Party Parl',
        '{"title": "A group without a slug"}',
        '',
        gamma,
        '{"slug": "delta"}',
      ),
    })

    expect(report.problems).toEqual([
      { line: 0, message: '1 line could not be tied to a group; no group deregistered' },
      { line: 2, message: expect.stringMatching(/^not valid JSON .*group "beta" left as it was/) },
      { line: 3, message: 'no slug (title "A group without a slug")' },
      { line: 6, message: 'delta: no title' },
    ])
    expect(report.groups).toEqual({ created: 1, updated: 1, unchanged: 0, deregistered: 0 })
    expect(await slugsWithStatus(db, 'registered')).toEqual(['alpha', 'beta', 'gamma'])
    // "Chair and Registered Contact" is the chair's title spelt another way: no change.
    expect(await membershipsOf(db, 'alpha')).toEqual([
      ['Jane Doe', 'chair', 'Chair & Registered Contact', 'register'],
      ['Lord Roe', 'officer', 'Co-Vice-Chair', 'register'],
    ])
    expect(report.changes).toEqual([
      'alpha: register entry changed (registered contact, registered contact address, registered contact email)',
      'alpha: officer Lord Roe added (Co-Vice-Chair)',
      'gamma: new on the Register — All-Party Parliamentary Group on gamma (1 officer)',
    ])
    const alphaRow = await db
      .selectFrom('appg')
      .selectAll()
      .where('slug', '=', 'alpha')
      .executeTakeFirstOrThrow()
    expect(alphaRow).toMatchObject({ registered_contact_name: null, register_edition: '260701' })
    const gammaRow = await db
      .selectFrom('appg')
      .selectAll()
      .where('slug', '=', 'gamma')
      .executeTakeFirstOrThrow()
    expect(gammaRow).toMatchObject({ category: 'Country, Area or Region Group', agm_date: null })
    expect(await membershipsOf(db, 'gamma')).toEqual([['Kim Lee', 'chair', 'Chair', 'register']])
    const beta = await db
      .selectFrom('appg')
      .select('register_edition')
      .where('slug', '=', 'beta')
      .executeTakeFirstOrThrow()
    expect(beta.register_edition).toBe('260601')

    // A clean edition without beta: now it has left the Register.
    const clean = await importRegister(db, {
      lines: jsonl(
        entry('alpha', {
          edition: '260801',
          officers: [
            ['Chair & Registered Contact', 'Jane Doe'],
            ['Co-Vice-Chair', 'Lord Roe'],
          ],
        }),
        {
          ...gamma,
          index_date: '260801',
        },
      ),
    })
    expect(clean.problems).toEqual([])
    expect(clean.groups.deregistered).toBe(1)
    expect(await slugsWithStatus(db, 'deregistered')).toEqual(['beta'])
  })

  it('pairs replacements, and never touches memberships from invitations, the demo or an admin', async () => {
    const db = await target.fresh()
    await importRegister(db, {
      lines: jsonl(
        entry('g', {
          officers: [
            ['Chair & Registered Contact', 'Jane Doe'],
            ['Vice Chair', 'John Roe'],
            ['Officer', 'Ann Lee'],
          ],
        }),
      ),
    })
    const invited = await addPerson(db, { display_name: 'Invited Person', email: 'invited@example.org' })
    await addMembership(db, invited, 'g', 'officer', 'invitation')
    const sam = await addPerson(db, { display_name: 'Sam Smith', register_key: 'name:sam smith' })
    await addMembership(db, sam, 'g', 'member', 'admin')

    const report = await importRegister(db, {
      lines: jsonl(
        entry('g', {
          edition: '260701',
          officers: [
            ['Chair & Registered Contact', 'John Roe'],
            ['Vice Chair', 'Sam Smith MP'],
            ['Officer', 'Bob Ray'],
          ],
        }),
      ),
    })
    expect(report.officers).toEqual({ added: 1, removed: 2, changed: 1 })
    expect([...report.changes].sort()).toEqual([
      'g: Bob Ray replaced Ann Lee as Officer',
      'g: John Roe replaced Jane Doe as Chair & Registered Contact (was Vice Chair)',
    ])
    expect(await membershipsOf(db, 'g')).toEqual([
      ['Bob Ray', 'officer', 'Officer', 'register'],
      ['Invited Person', 'officer', null, 'invitation'],
      ['John Roe', 'chair', 'Chair & Registered Contact', 'register'],
      ['Sam Smith', 'member', null, 'admin'],
    ])
    expect(await count(db, 'person')).toBe(6)
    const replaced = await auditOf(db, 'register.officer.replaced')
    expect(replaced.map((e) => [e.details.from.name, e.details.to.name, e.details.title])).toEqual(
      expect.arrayContaining([
        ['Jane Doe', 'John Roe', 'Chair & Registered Contact'],
        ['Ann Lee', 'Bob Ray', 'Officer'],
      ]),
    )
    expect(replaced.find((e) => e.details.to.name === 'John Roe')!.details.previous_title).toBe('Vice Chair')
  })

  it('leaves no trace of a group whose transaction fails, and carries on with the others', async () => {
    const db = await target.fresh()
    let fail = true
    const failing = db.withPlugin({
      transformQuery: ({ node }) => {
        if (fail && node.kind === 'InsertQueryNode' && tableOf(node) === 'benefit')
          throw new Error('disk full')
        return node
      },
      transformResult: async ({ result }) => result,
    })
    const benefit = {
      Source: 'Acme',
      Description: 'Secretariat',
      'Value £s In bands of £1,500': '1,501-3,000',
      Received: '01/01/2026',
      Registered: '02/01/2026',
      benefit_type: 'Benefits In Kind',
    }
    const lines = jsonl(
      entry('alpha', { officers: [['Chair & Registered Contact', 'Jane Doe']] }),
      entry('beta', {
        officers: [
          ['Chair & Registered Contact', 'Jane Doe'],
          ['Officer', 'Kim Lee'],
        ],
        extra: { detailed_benefits: [benefit], registrable_benefits: 'Benefits In Kind' },
      }),
      entry('gamma', { officers: [['Chair & Registered Contact', 'Kim Lee']] }),
    )
    const report = await importRegister(failing, { lines })
    expect(report.problems).toEqual([{ line: 2, message: 'beta: not saved (disk full)' }])
    expect(report.groups).toEqual({ created: 2, updated: 0, unchanged: 0, deregistered: 0 })
    expect(report.officers.added).toBe(2)
    expect(report.benefits).toEqual({ groups: 0, added: 0, removed: 0 })
    expect(report.changes.map((c) => c.split(':')[0])).toEqual(['alpha', 'gamma'])
    expect(await slugsWithStatus(db, 'registered')).toEqual(['alpha', 'gamma'])
    expect(await count(db, 'person')).toBe(2)
    expect(await count(db, 'audit_event')).toBe(report.auditEvents)

    fail = false
    const again = await importRegister(failing, { lines })
    expect(again.problems).toEqual([])
    expect(again.groups).toEqual({ created: 1, updated: 0, unchanged: 2, deregistered: 0 })
    expect(await count(db, 'person')).toBe(2)
    expect(await count(db, 'benefit')).toBe(1)
    expect(await membershipsOf(db, 'beta')).toEqual([
      ['Jane Doe', 'chair', 'Chair & Registered Contact', 'register'],
      ['Kim Lee', 'officer', 'Officer', 'register'],
    ])
  })

  it('sets tags and membership lists from the members file, fills in ids, and keeps former groups', async () => {
    const db = await target.fresh()
    const edition = jsonl(entry('g', { officers: [['Chair & Registered Contact', 'Jane Doe']] }))
    await importRegister(db, { lines: edition })
    const invited = await addPerson(db, { display_name: 'Invited Person', email: 'invited@example.org' })
    await addMembership(db, invited, 'g', 'member', 'invitation')

    const list = (members: Raw[]) => ({
      source_method: 'manual',
      source_url: [],
      last_updated: null,
      members,
    })
    const jane = {
      name: 'Jane Doe MP',
      member_type: 'mp',
      mnis_id: '111',
      twfy_id: 'uk.org.publicwhip/person/1',
      is_officer: true,
      removed: false,
    }
    const bob = {
      name: 'Rt Hon Sir Bob Smith MP',
      member_type: 'mp',
      mnis_id: '222',
      twfy_id: null,
      is_officer: false,
      removed: false,
    }
    const green = {
      name: 'Baroness Green',
      member_type: 'lord',
      mnis_id: null,
      twfy_id: null,
      is_officer: false,
      removed: false,
    }
    const acme = {
      name: 'Acme Charity',
      member_type: 'other',
      mnis_id: null,
      twfy_id: null,
      is_officer: false,
      removed: false,
    }
    const url = {
      name: 'https://example.org',
      member_type: 'other',
      mnis_id: null,
      twfy_id: null,
      is_officer: false,
      removed: false,
    }
    const left = {
      name: 'Left Person',
      member_type: 'mp',
      mnis_id: '999',
      twfy_id: null,
      is_officer: false,
      removed: true,
    }
    const officers = [
      {
        role: 'Chair & Registered Contact',
        name: 'Jane Doe',
        party: 'Labour',
        mnis_id: '111',
        twfy_id: 'uk.org.publicwhip/person/1',
        removed: false,
      },
    ]
    const health = 'Health, Medicine & Public Health'
    const science = 'Science, Technology & Innovation'
    const membersFile = (gMembers: Raw[], gTags: string[]) =>
      jsonl(
        entry('g', { extra: { officers, members_list: list(gMembers), categories: gTags } }),
        entry('h', {
          edition: '260112',
          officers: [['Chair & Registered Contact', 'Kim Lee']],
          extra: { members_list: list([{ ...bob, name: 'Bob Smith' }]), categories: ['Country Group'] },
        }),
      )

    const report = await importRegister(db, {
      lines: membersFile([jane, bob, green, acme, url, left], [health, science]),
      mode: 'members',
    })
    expect(report.problems).toEqual([
      { line: 1, message: 'g: 1 membership list entry is not a name and left out' },
    ])
    expect(report.groups).toEqual({ created: 1, updated: 1, unchanged: 0, deregistered: 0 })
    expect(report.members).toEqual({ added: 4, removed: 0, unchanged: 1 })
    const janeRow = await db
      .selectFrom('person')
      .selectAll()
      .where('display_name', '=', 'Jane Doe')
      .executeTakeFirstOrThrow()
    expect(janeRow).toMatchObject({
      mnis_id: '111',
      twfy_id: 'uk.org.publicwhip/person/1',
      register_key: 'mnis:111',
    })
    expect(await membershipsOf(db, 'g')).toEqual([
      ['Acme Charity', 'member', null, 'members_list'],
      ['Baroness Green', 'member', null, 'members_list'],
      ['Invited Person', 'member', null, 'invitation'],
      ['Jane Doe', 'chair', 'Chair & Registered Contact', 'register'],
      ['Rt Hon Sir Bob Smith', 'member', null, 'members_list'],
    ])
    const kinds = await db
      .selectFrom('person')
      .select(['display_name', 'kind', 'register_key'])
      .orderBy('display_name')
      .execute()
    expect(kinds).toEqual([
      { display_name: 'Acme Charity', kind: 'other', register_key: 'name:acme charity' },
      { display_name: 'Baroness Green', kind: 'peer', register_key: 'name:baroness green' },
      { display_name: 'Invited Person', kind: 'mp', register_key: null },
      { display_name: 'Jane Doe', kind: 'mp', register_key: 'mnis:111' },
      { display_name: 'Kim Lee', kind: 'mp', register_key: 'name:kim lee' },
      { display_name: 'Rt Hon Sir Bob Smith', kind: 'mp', register_key: 'mnis:222' },
    ])
    const h = await db.selectFrom('appg').selectAll().where('slug', '=', 'h').executeTakeFirstOrThrow()
    expect(h).toMatchObject({ status: 'deregistered', register_edition: '260112' })
    // One Bob, however the two lists spell him.
    expect(await membershipsOf(db, 'h')).toEqual([
      ['Kim Lee', 'chair', 'Chair & Registered Contact', 'register'],
      ['Rt Hon Sir Bob Smith', 'member', null, 'members_list'],
    ])
    const tagsOf = async (slug: string) =>
      (
        await db
          .selectFrom('appg_tag')
          .innerJoin('appg', 'appg.id', 'appg_tag.appg_id')
          .select('tag')
          .where('slug', '=', slug)
          .orderBy('tag')
          .execute()
      ).map((t) => t.tag)
    expect(await tagsOf('g')).toEqual([health, science])
    expect(await tagsOf('h')).toEqual(['Country Group'])

    // The next members file drops Bob and Acme from g's list and one tag.
    const next = await importRegister(db, { lines: membersFile([jane, green], [health]), mode: 'members' })
    expect(next.members).toEqual({ added: 0, removed: 2, unchanged: 3 })
    expect(next.tags).toEqual({ added: 0, removed: 1 })
    expect(next.changes).toEqual([
      'g: topic tags removed Science, Technology & Innovation',
      'g: membership list: 2 removed',
    ])
    expect((await membershipsOf(db, 'g')).map((m) => m[0])).toEqual([
      'Baroness Green',
      'Invited Person',
      'Jane Doe',
    ])
    expect(await tagsOf('g')).toEqual([health])
    const changed = await auditOf(db, 'register.members.changed')
    expect(
      changed
        .at(-1)!
        .details.removed.map((p: Raw) => p.name)
        .sort(),
    ).toEqual(['Acme Charity', 'Rt Hon Sir Bob Smith'])

    // The edition again: Jane is found by her name although her key is now her MNIS id.
    const rerun = counting(db)
    const again = await importRegister(rerun.db, { lines: edition })
    expect(again.groups).toEqual({ created: 0, updated: 0, unchanged: 1, deregistered: 0 })
    expect(rerun.kinds).toEqual(Array(6).fill('SelectQueryNode'))
    // An empty or missing list ("empty", "not_found") says nothing: members are kept.
    const silent = await importRegister(db, {
      lines: jsonl(entry('g', { extra: { officers, categories: [] } })),
      mode: 'members',
    })
    expect(silent.groups).toEqual({ created: 0, updated: 0, unchanged: 1, deregistered: 0 })
    expect(await tagsOf('g')).toEqual([health])
  })
})
