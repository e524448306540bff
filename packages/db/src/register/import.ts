/**
 * Importing the Register of All-Party Parliamentary Groups into the database.
 *
 * Two kinds of file (see /shared/data/appg-register/README.md):
 * - `edition`: one edition of the Register (`register-2026-06-29.jsonl`). It is the authority on
 *   which groups are registered, their register entry, their benefits and their officers.
 * - `members`: mySociety's compilation (`appgs-with-members.jsonl`). It adds topic tags, membership
 *   lists and parliamentary ids, and keeps groups that have left the Register (as `deregistered`).
 *
 * Everything the database already holds is read once at the start (five queries); each group's
 * writes then go out in one transaction, batched per table, and nothing is written for a group
 * that did not change — so a second run of the same file makes no writes at all. Nothing is ever
 * deleted except what the import itself made: `register` officer memberships and `members_list`
 * memberships; memberships from invitations, the demo or an admin are never touched.
 */
import type { Insertable, Selectable } from 'kysely'
import { newId } from '../ids'
import type { Db } from '../kysely'
import type { AppgTable, BenefitTable, MembershipTable, PersonKind, PersonTable, Role } from '../schema'
import { indexItem } from '../search/index-rows'
import { bumpCacheVersion } from '../sql/cache-version'
import {
  normaliseName,
  parseRegisterLine,
  type RegisterBenefit,
  type RegisterEntry,
  type RegisterGroupFields,
  type RegisterOfficer,
  type RegisterPerson,
  type RegisterProblem,
} from './parse'

export type ImportMode = 'edition' | 'members'

export interface ImportOptions {
  /** The file's lines (a line holding several lines is split). */
  lines: AsyncIterable<string> | Iterable<string>
  /** `edition` (default) for a Register edition, `members` for the file with membership lists. */
  mode?: ImportMode
  clock?: () => Date
  /** Called after each group with the number of groups done so far. */
  onProgress?: (done: number) => void
  /**
   * An edition older than the one the database already holds is refused (it would put back old
   * officers and deregister newer groups) unless this is set.
   */
  allowOlderEdition?: boolean
}

export interface ImportReport {
  mode: ImportMode
  /** The edition (the Register's `index_date`, YYMMDD) an edition file carries; null for a members file. */
  edition: string | null
  /**
   * `updated`: anything about the group changed (entry, status, benefits, officers, tags, members).
   * `unchanged`: nothing did (the edition it was last seen in is still brought up to date, silently).
   */
  groups: { created: number; updated: number; unchanged: number; deregistered: number }
  officers: { added: number; removed: number; changed: number }
  members: { added: number; removed: number; unchanged: number }
  /** `groups`: groups whose list of benefits was replaced; `added`/`removed`: benefit rows. */
  benefits: { groups: number; added: number; removed: number }
  tags: { added: number; removed: number }
  /** `updated`: party, kind or parliamentary ids filled in on people already known. */
  persons: { created: number; updated: number }
  /** What could not be used, by line (0 for the file as a whole). */
  problems: RegisterProblem[]
  /** One sentence per change, e.g. "cancer: Jane Doe replaced John Roe as Chair & Registered Contact". */
  changes: string[]
  auditEvents: number
  ms: number
}

type GroupRow = Selectable<AppgTable>
type PersonRow = Pick<
  Selectable<PersonTable>,
  'id' | 'display_name' | 'kind' | 'party' | 'mnis_id' | 'twfy_id' | 'register_key'
>
type MembershipRow = Pick<
  Selectable<MembershipTable>,
  'id' | 'person_id' | 'appg_id' | 'role' | 'register_title' | 'source'
>
type BenefitRow = Omit<Selectable<BenefitTable>, 'id' | 'appg_id' | 'position'>

interface GroupState {
  row: GroupRow
  benefits: BenefitRow[]
  tags: Set<string>
  /** By person id (a person has at most one membership per group). */
  memberships: Map<string, MembershipRow>
}

interface AuditRow {
  action: string
  appg_id: string | null
  item_type: string | null
  item_id: string | null
  details: Record<string, unknown>
}

/** Register content fields; `register_edition` and `source_url` only say where it was last seen. */
const CONTENT_FIELDS: { key: keyof RegisterGroupFields; label: string }[] = [
  { key: 'title', label: 'title' },
  { key: 'purpose', label: 'purpose' },
  { key: 'category', label: 'category' },
  { key: 'registered_contact_name', label: 'registered contact' },
  { key: 'registered_contact_address', label: 'registered contact address' },
  { key: 'registered_contact_email', label: 'registered contact email' },
  { key: 'public_enquiry_point_name', label: 'public enquiry point' },
  { key: 'public_enquiry_point_email', label: 'public enquiry email' },
  { key: 'secretariat', label: 'secretariat' },
  { key: 'website_url', label: 'website' },
  { key: 'agm_date', label: 'AGM date' },
  { key: 'agm_statement_published', label: 'income and expenditure statement' },
  { key: 'agm_reporting_year', label: 'reporting year' },
  { key: 'agm_next_deadline', label: 'next reporting deadline' },
  { key: 'registrable_benefits', label: 'registrable benefits' },
]
const BOOKKEEPING_FIELDS = ['register_edition', 'source_url'] as const

const CHUNK = 500
const EDITION = /^\d{6}$/

/** Undo log for the in-memory picture, so that a group whose transaction fails leaves no trace in it. */
class Journal {
  private undos: (() => void)[] = []
  record(undo: () => void): void {
    this.undos.push(undo)
  }
  rollback(): void {
    for (let i = this.undos.length - 1; i >= 0; i--) this.undos[i]!()
    this.undos = []
  }
  clear(): void {
    this.undos = []
  }
}

/** The people the import knows (those with a register key or an MNIS id), indexed three ways. */
class People {
  readonly byId = new Map<string, PersonRow>()
  private byKey = new Map<string, PersonRow>()
  private byMnis = new Map<string, PersonRow>()
  private byName = new Map<string, PersonRow[]>()

  constructor(
    rows: PersonRow[],
    private journal: Journal,
  ) {
    for (const row of rows) this.index(row)
  }

  private nameKeys(row: PersonRow): string[] {
    const keys = new Set([normaliseName(row.display_name)])
    if (row.register_key?.startsWith('name:')) keys.add(row.register_key.slice('name:'.length))
    return [...keys].filter((k) => k !== '')
  }

  private index(row: PersonRow): void {
    this.byId.set(row.id, row)
    if (row.register_key) this.byKey.set(row.register_key, row)
    if (row.mnis_id) this.byMnis.set(row.mnis_id, row)
    for (const key of this.nameKeys(row)) {
      const list = this.byName.get(key)
      if (list) list.push(row)
      else this.byName.set(key, [row])
    }
  }

  private unindex(row: PersonRow): void {
    this.byId.delete(row.id)
    if (row.register_key && this.byKey.get(row.register_key) === row) this.byKey.delete(row.register_key)
    if (row.mnis_id && this.byMnis.get(row.mnis_id) === row) this.byMnis.delete(row.mnis_id)
    for (const key of this.nameKeys(row)) {
      const list = this.byName.get(key)?.filter((r) => r !== row)
      if (list?.length) this.byName.set(key, list)
      else this.byName.delete(key)
    }
  }

  hasMnis(mnisId: string): boolean {
    return this.byMnis.has(mnisId)
  }

  hasKey(key: string): boolean {
    return this.byKey.has(key)
  }

  /**
   * The known person a Register entry names: by MNIS id, then by register key, then by name (a
   * person with another MNIS id is never matched by name). When several share the name, one of
   * `prefer` (the group's present members) wins, else the one known longest.
   */
  find(person: RegisterPerson, prefer?: ReadonlyMap<string, unknown>): PersonRow | undefined {
    if (person.mnisId) {
      const hit = this.byMnis.get(person.mnisId)
      if (hit) return hit
    }
    const byKey = this.byKey.get(person.registerKey)
    if (byKey) return byKey
    const candidates = (this.byName.get(person.nameKey) ?? []).filter((c) => !person.mnisId || !c.mnis_id)
    if (candidates.length <= 1) return candidates[0]
    const preferred = prefer ? candidates.find((c) => prefer.has(c.id)) : undefined
    if (preferred) return preferred
    // Two people of one name: a name alone cannot say which, an MNIS id says it is neither.
    return person.mnisId ? undefined : candidates[0]
  }

  add(row: PersonRow): void {
    this.index(row)
    this.journal.record(() => this.unindex(row))
  }

  update(row: PersonRow, changes: Partial<PersonRow>): void {
    const before = { ...row }
    this.unindex(row)
    Object.assign(row, changes)
    this.index(row)
    this.journal.record(() => {
      this.unindex(row)
      Object.assign(row, before)
      this.index(row)
    })
  }
}

/** One group's writes, sent in one transaction. */
class Writes {
  personInserts: Insertable<PersonTable>[] = []
  personUpdates = new Map<string, Partial<PersonRow> & { updated_at: string }>()
  groupInsert: Insertable<AppgTable> | null = null
  groupUpdate: { id: string; set: Partial<GroupRow> } | null = null
  benefitsReplace: { appgId: string; rows: Insertable<BenefitTable>[] } | null = null
  membershipInserts: Insertable<MembershipTable>[] = []
  membershipUpdates: { id: string; set: Partial<MembershipRow> & { updated_at: string } }[] = []
  membershipDeletes: string[] = []
  tagInserts: { appg_id: string; tag: string }[] = []
  tagDeletes: { appg_id: string; tag: string }[] = []
  audits: AuditRow[] = []

  constructor(private now: string) {}

  updatePerson(id: string, set: Partial<PersonRow>): void {
    const pending = this.personInserts.find((p) => p.id === id)
    if (pending) {
      Object.assign(pending, set)
      return
    }
    this.personUpdates.set(id, { ...this.personUpdates.get(id), ...set, updated_at: this.now })
  }

  get empty(): boolean {
    return (
      this.personInserts.length === 0 &&
      this.personUpdates.size === 0 &&
      !this.groupInsert &&
      !this.groupUpdate &&
      !this.benefitsReplace &&
      this.membershipInserts.length === 0 &&
      this.membershipUpdates.length === 0 &&
      this.membershipDeletes.length === 0 &&
      this.tagInserts.length === 0 &&
      this.tagDeletes.length === 0 &&
      this.audits.length === 0
    )
  }

  async flush(db: Db): Promise<void> {
    if (this.empty) return
    const now = this.now
    await db.transaction().execute(async (trx) => {
      for (const rows of chunks(this.personInserts)) await trx.insertInto('person').values(rows).execute()
      for (const [id, set] of this.personUpdates)
        await trx.updateTable('person').set(set).where('id', '=', id).execute()
      if (this.groupInsert) await trx.insertInto('appg').values(this.groupInsert).execute()
      if (this.groupUpdate)
        await trx
          .updateTable('appg')
          .set(this.groupUpdate.set)
          .where('id', '=', this.groupUpdate.id)
          .execute()
      // The group's title and purpose are searchable: the index changes with them.
      if (this.groupInsert) await indexItem(trx, 'group', this.groupInsert.id, { isNew: true })
      else if (this.groupUpdate) await indexItem(trx, 'group', this.groupUpdate.id)
      if (this.benefitsReplace) {
        // A group made in this same transaction has no benefits to delete.
        if (!this.groupInsert)
          await trx.deleteFrom('benefit').where('appg_id', '=', this.benefitsReplace.appgId).execute()
        for (const rows of chunks(this.benefitsReplace.rows))
          await trx.insertInto('benefit').values(rows).execute()
      }
      for (const ids of chunks(this.membershipDeletes))
        await trx.deleteFrom('membership').where('id', 'in', ids).execute()
      for (const { id, set } of this.membershipUpdates)
        await trx.updateTable('membership').set(set).where('id', '=', id).execute()
      for (const rows of chunks(this.membershipInserts))
        await trx.insertInto('membership').values(rows).execute()
      for (const { appg_id, tag } of this.tagDeletes)
        await trx.deleteFrom('appg_tag').where('appg_id', '=', appg_id).where('tag', '=', tag).execute()
      for (const rows of chunks(this.tagInserts)) await trx.insertInto('appg_tag').values(rows).execute()
      const audits = this.audits.map((a) => ({
        id: newId(),
        at: now,
        actor_id: null,
        action: a.action,
        appg_id: a.appg_id,
        item_type: a.item_type,
        item_id: a.item_id,
        details: JSON.stringify(a.details),
      }))
      for (const rows of chunks(audits)) await trx.insertInto('audit_event').values(rows).execute()
      // Answers cached from the Register (its groups and their tags) are stale from this commit on.
      if (this.groupInsert || this.groupUpdate || this.tagInserts.length > 0 || this.tagDeletes.length > 0)
        await bumpCacheVersion(trx, 'register')
    })
  }
}

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

async function* splitLines(source: AsyncIterable<string> | Iterable<string>): AsyncIterable<string> {
  for await (const chunk of source as AsyncIterable<string>) {
    if (chunk.includes('\n')) {
      const parts = chunk.split('\n')
      // A trailing newline is the end of the last line, not an empty line of its own.
      if (parts[parts.length - 1] === '') parts.pop()
      yield* parts
    } else yield chunk
  }
}

function sameTitle(a: string | null, b: string | null): boolean {
  const norm = (t: string | null) =>
    (t ?? '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z]+/g, ' ')
      .trim()
  return norm(a) === norm(b)
}

function benefitRow(b: RegisterBenefit): BenefitRow {
  return {
    source: b.source,
    description: b.description,
    value_band: b.valueBand,
    received: b.received,
    registered: b.registered,
    benefit_type: b.benefitType,
  }
}

function sameBenefits(a: BenefitRow[], b: BenefitRow[]): boolean {
  if (a.length !== b.length) return false
  return a.every(
    (x, i) =>
      x.source === b[i]!.source &&
      x.description === b[i]!.description &&
      x.value_band === b[i]!.value_band &&
      x.received === b[i]!.received &&
      x.registered === b[i]!.registered &&
      x.benefit_type === b[i]!.benefit_type,
  )
}

const KIND_RANK: Record<PersonKind, number> = { other: 0, staff: 1, secretariat: 1, mp: 2, peer: 2 }

/**
 * Imports one Register file. Never throws for bad data: what it cannot use is in `problems`.
 * Each group's changes are one transaction; a group whose transaction fails is reported and left
 * as it was, and the import carries on.
 */
export async function importRegister(db: Db, options: ImportOptions): Promise<ImportReport> {
  const started = performance.now()
  const mode = options.mode ?? 'edition'
  const clock = options.clock ?? (() => new Date())
  const report: ImportReport = {
    mode,
    edition: null,
    groups: { created: 0, updated: 0, unchanged: 0, deregistered: 0 },
    officers: { added: 0, removed: 0, changed: 0 },
    members: { added: 0, removed: 0, unchanged: 0 },
    benefits: { groups: 0, added: 0, removed: 0 },
    tags: { added: 0, removed: 0 },
    persons: { created: 0, updated: 0 },
    problems: [],
    changes: [],
    auditEvents: 0,
    ms: 0,
  }
  const done = () => {
    report.problems.sort((a, b) => a.line - b.line)
    report.ms = Math.round(performance.now() - started)
    return report
  }

  // 1. Read the whole file (a few MB at most): deregistration needs to know every slug it lists.
  const entries: { line: number; entry: RegisterEntry }[] = []
  const listed = new Set<string>()
  let unidentified = 0
  let lineNumber = 0
  for await (const text of splitLines(options.lines)) {
    lineNumber++
    const parsed = parseRegisterLine(text, lineNumber)
    report.problems.push(...parsed.problems)
    if (parsed.slug) {
      if (parsed.entry && listed.has(parsed.slug)) {
        report.problems.push({
          line: lineNumber,
          message: `${parsed.slug}: listed again; this line is left out`,
        })
        continue
      }
      listed.add(parsed.slug)
    } else if (parsed.problems.length > 0) unidentified++
    if (parsed.entry) entries.push({ line: lineNumber, entry: parsed.entry })
  }

  // 2. Everything the import compares against, in five queries.
  const [groupRows, benefitRows, tagRows, membershipRows, personRows] = await Promise.all([
    db.selectFrom('appg').selectAll().execute(),
    db.selectFrom('benefit').selectAll().orderBy('appg_id').orderBy('position').execute(),
    db.selectFrom('appg_tag').selectAll().execute(),
    db
      .selectFrom('membership')
      .select(['id', 'person_id', 'appg_id', 'role', 'register_title', 'source'])
      .orderBy('id')
      .execute(),
    db
      .selectFrom('person')
      .select(['id', 'display_name', 'kind', 'party', 'mnis_id', 'twfy_id', 'register_key'])
      .where((eb) => eb.or([eb('register_key', 'is not', null), eb('mnis_id', 'is not', null)]))
      .orderBy('id')
      .execute(),
  ])
  const groups = new Map<string, GroupState>()
  const groupsById = new Map<string, GroupState>()
  for (const row of groupRows) {
    const state: GroupState = { row, benefits: [], tags: new Set(), memberships: new Map() }
    groups.set(row.slug, state)
    groupsById.set(row.id, state)
  }
  for (const { id: _id, appg_id, position: _position, ...b } of benefitRows)
    groupsById.get(appg_id)?.benefits.push(b)
  for (const t of tagRows) groupsById.get(t.appg_id)?.tags.add(t.tag)
  for (const m of membershipRows) groupsById.get(m.appg_id)?.memberships.set(m.person_id, m)
  const journal = new Journal()
  const people = new People(personRows, journal)
  /** Party as this run first saw it per person, so that two groups disagreeing cannot flip it on every run. */
  const partySeen = new Map<string, string>()

  const nameOf = (personId: string) =>
    people.byId.get(personId)?.display_name ?? 'a person no longer on record'

  // --- people ---------------------------------------------------------------------------------

  const identify = (w: Writes, row: PersonRow, person: RegisterPerson): void => {
    const set: Partial<PersonRow> = {}
    if (!row.mnis_id && person.mnisId && !people.hasMnis(person.mnisId)) {
      set.mnis_id = person.mnisId
      const key = `mnis:${person.mnisId}`
      if (!people.hasKey(key)) set.register_key = key
    }
    if (!row.twfy_id && person.twfyId && (row.mnis_id ?? set.mnis_id) === person.mnisId)
      set.twfy_id = person.twfyId
    if (KIND_RANK[person.kind] > KIND_RANK[row.kind]) set.kind = person.kind
    if (Object.keys(set).length === 0) return
    const details = { ...set, display_name: row.display_name }
    people.update(row, set)
    w.updatePerson(row.id, set)
    if (!w.personInserts.some((p) => p.id === row.id)) {
      report.persons.updated++
      w.audits.push({
        action: 'register.person.updated',
        appg_id: null,
        item_type: 'person',
        item_id: row.id,
        details,
      })
    }
  }

  const findOrCreate = (
    w: Writes,
    person: RegisterPerson & { party?: string | null },
    prefer: ReadonlyMap<string, unknown>,
    now: string,
  ): PersonRow => {
    let row = people.find(person, prefer)
    if (!row) {
      row = {
        id: newId(),
        display_name: person.displayName,
        kind: person.kind,
        party: person.party ?? null,
        mnis_id: person.mnisId,
        twfy_id: person.twfyId,
        register_key: person.mnisId ? `mnis:${person.mnisId}` : person.registerKey,
      }
      people.add(row)
      w.personInserts.push({
        ...row,
        email: null,
        organisation: null,
        password_hash: null,
        is_site_admin: 0,
        email_preference: 'immediate',
        created_at: now,
        updated_at: now,
        erased_at: null,
      })
      report.persons.created++
      if (person.party) partySeen.set(row.id, person.party)
      return row
    }
    identify(w, row, person)
    // An edition says what a person's party is now; the members file mixes older editions, so
    // there it only fills a gap.
    if (person.party && !partySeen.has(row.id)) {
      partySeen.set(row.id, person.party)
      if (row.party !== person.party && (mode === 'edition' || row.party === null)) {
        const from = row.party
        people.update(row, { party: person.party })
        w.updatePerson(row.id, { party: person.party })
        if (!w.personInserts.some((p) => p.id === row!.id)) {
          report.persons.updated++
          w.audits.push({
            action: 'register.person.updated',
            appg_id: null,
            item_type: 'person',
            item_id: row.id,
            details: { display_name: row.display_name, party: { from, to: person.party } },
          })
        }
      }
    }
    return row
  }

  // --- groups ---------------------------------------------------------------------------------

  const newGroup = (w: Writes, entry: RegisterEntry, status: GroupRow['status'], now: string): GroupState => {
    const row: GroupRow = {
      id: newId(),
      slug: entry.slug,
      ...entry.fields,
      status,
      created_at: now,
      updated_at: now,
    }
    const state: GroupState = { row, benefits: [], tags: new Set(), memberships: new Map() }
    groups.set(row.slug, state)
    groupsById.set(row.id, state)
    journal.record(() => {
      groups.delete(row.slug)
      groupsById.delete(row.id)
    })
    w.groupInsert = { ...row }
    w.audits.push({
      action: 'register.group.created',
      appg_id: row.id,
      item_type: 'appg',
      item_id: row.id,
      details: { slug: row.slug, title: row.title, status, edition: row.register_edition },
    })
    report.groups.created++
    return state
  }

  /** Brings the register entry up to date; returns whether its content (or status) changed. */
  const updateFields = (w: Writes, g: GroupState, entry: RegisterEntry, now: string): boolean => {
    const row = g.row
    const set: Partial<GroupRow> = {}
    const changed: Record<string, { from: unknown; to: unknown }> = {}
    const labels: string[] = []
    for (const { key, label } of CONTENT_FIELDS) {
      if (row[key] !== entry.fields[key]) {
        ;(set as Record<string, unknown>)[key] = entry.fields[key]
        changed[key] = { from: row[key], to: entry.fields[key] }
        labels.push(label)
      }
    }
    const back = row.status !== 'registered'
    if (back) {
      set.status = 'registered'
      changed.status = { from: row.status, to: 'registered' }
    }
    const content = labels.length > 0 || back
    if (content) set.updated_at = now
    for (const key of BOOKKEEPING_FIELDS) if (row[key] !== entry.fields[key]) set[key] = entry.fields[key]
    if (Object.keys(set).length === 0) return false
    const before = { ...row }
    Object.assign(row, set)
    journal.record(() => Object.assign(row, before))
    w.groupUpdate = { id: row.id, set }
    if (!content) return false
    w.audits.push({
      action: 'register.group.updated',
      appg_id: row.id,
      item_type: 'appg',
      item_id: row.id,
      details: { slug: row.slug, edition: entry.fields.register_edition, changes: changed },
    })
    if (back) report.changes.push(`${row.slug}: back on the Register`)
    if (labels.length > 0) report.changes.push(`${row.slug}: register entry changed (${labels.join(', ')})`)
    return true
  }

  const replaceBenefits = (w: Writes, g: GroupState, entry: RegisterEntry, announce: boolean): boolean => {
    const next = entry.benefits.map(benefitRow)
    if (sameBenefits(g.benefits, next)) return false
    const previous = g.benefits
    g.benefits = next
    journal.record(() => {
      g.benefits = previous
    })
    w.benefitsReplace = {
      appgId: g.row.id,
      rows: next.map((b, position) => ({ id: newId(), appg_id: g.row.id, position, ...b })),
    }
    report.benefits.groups++
    report.benefits.added += next.length
    report.benefits.removed += previous.length
    if (announce) {
      w.audits.push({
        action: 'register.benefits.replaced',
        appg_id: g.row.id,
        item_type: 'appg',
        item_id: g.row.id,
        details: { slug: g.row.slug, before: previous, after: next },
      })
      report.changes.push(`${g.row.slug}: benefits changed (${previous.length} → ${next.length} entries)`)
    }
    return true
  }

  const setMembership = (g: GroupState, m: MembershipRow | null, personId: string): void => {
    const before = g.memberships.get(personId)
    if (m) g.memberships.set(personId, m)
    else g.memberships.delete(personId)
    journal.record(() => {
      if (before) g.memberships.set(personId, before)
      else g.memberships.delete(personId)
    })
  }

  /** Makes the group's `register` memberships those of the entry's officers. Returns whether any changed. */
  const syncOfficers = (
    w: Writes,
    g: GroupState,
    officers: RegisterOfficer[],
    now: string,
    announce: boolean,
  ) => {
    const slug = g.row.slug
    const wanted = new Map<string, { person: PersonRow; officer: RegisterOfficer }>()
    for (const officer of officers) {
      const person = findOrCreate(w, officer, g.memberships, now)
      if (wanted.has(person.id)) continue
      wanted.set(person.id, { person, officer })
    }
    const added: { membership: MembershipRow; previousTitle?: string | null }[] = []
    const changed: { membership: MembershipRow; previousTitle: string | null; previousRole: Role }[] = []
    const removed: MembershipRow[] = []
    for (const { person, officer } of wanted.values()) {
      const existing = g.memberships.get(person.id)
      if (!existing) {
        const membership: MembershipRow = {
          id: newId(),
          person_id: person.id,
          appg_id: g.row.id,
          role: officer.role,
          register_title: officer.registerTitle,
          source: 'register',
        }
        w.membershipInserts.push({ ...membership, created_at: now, updated_at: now })
        setMembership(g, membership, person.id)
        added.push({ membership })
      } else if (existing.source === 'register' || existing.source === 'members_list') {
        if (
          existing.source === 'register' &&
          // "Chair and Registered Contact" for "Chair & Registered Contact" is a spelling, not a change.
          // The same title keeps the hub role as it is: an officer who claimed their entry may hold
          // another role on the hub (the Register title and the hub role are distinct).
          sameTitle(existing.register_title, officer.registerTitle)
        )
          continue
        const set = { role: officer.role, register_title: officer.registerTitle, source: 'register' }
        const membership = { ...existing, ...set }
        w.membershipUpdates.push({ id: existing.id, set: { ...set, updated_at: now } })
        setMembership(g, membership, person.id)
        // A member of the group's list who is now an officer is a new officer.
        if (existing.source === 'members_list') added.push({ membership })
        else changed.push({ membership, previousTitle: existing.register_title, previousRole: existing.role })
      }
      // Memberships from invitations, the demo or an admin are the hub's own: left as they are.
    }
    for (const m of [...g.memberships.values()]) {
      if (m.source !== 'register' || wanted.has(m.person_id)) continue
      w.membershipDeletes.push(m.id)
      setMembership(g, null, m.person_id)
      removed.push(m)
    }
    report.officers.added += added.length
    report.officers.changed += changed.length
    report.officers.removed += removed.length

    const audit = (action: string, membership: MembershipRow, details: Record<string, unknown>) =>
      w.audits.push({ action, appg_id: g.row.id, item_type: 'membership', item_id: membership.id, details })
    const person = (m: MembershipRow) => ({ person_id: m.person_id, name: nameOf(m.person_id) })

    // A removed officer whose title someone else now holds was replaced by them.
    const arrivals = [
      ...added.map((a) => ({
        kind: 'added' as const,
        membership: a.membership,
        previousTitle: null as string | null,
      })),
      ...changed.map((c) => ({
        kind: 'changed' as const,
        membership: c.membership,
        previousTitle: c.previousTitle,
      })),
    ]
    const paired = new Set<string>()
    for (const gone of removed) {
      const successor = arrivals.find(
        (a) => !paired.has(a.membership.id) && sameTitle(a.membership.register_title, gone.register_title),
      )
      if (successor) {
        paired.add(successor.membership.id)
        audit('register.officer.replaced', successor.membership, {
          title: successor.membership.register_title,
          role: successor.membership.role,
          from: { ...person(gone), membership_id: gone.id },
          to: person(successor.membership),
          ...(successor.kind === 'changed' ? { previous_title: successor.previousTitle } : {}),
        })
        if (announce)
          report.changes.push(
            `${slug}: ${nameOf(successor.membership.person_id)} replaced ${nameOf(gone.person_id)} as ${successor.membership.register_title ?? 'officer'}` +
              (successor.kind === 'changed' ? ` (was ${successor.previousTitle ?? 'an officer'})` : ''),
          )
      } else {
        audit('register.officer.removed', gone, {
          ...person(gone),
          title: gone.register_title,
          role: gone.role,
        })
        if (announce)
          report.changes.push(
            `${slug}: officer ${nameOf(gone.person_id)} removed (was ${gone.register_title ?? 'an officer'})`,
          )
      }
    }
    for (const a of added) {
      if (paired.has(a.membership.id)) continue
      audit('register.officer.added', a.membership, {
        ...person(a.membership),
        title: a.membership.register_title,
        role: a.membership.role,
      })
      if (announce)
        report.changes.push(
          `${slug}: officer ${nameOf(a.membership.person_id)} added (${a.membership.register_title ?? 'officer'})`,
        )
    }
    for (const c of changed) {
      if (paired.has(c.membership.id)) continue
      audit('register.officer.changed', c.membership, {
        ...person(c.membership),
        title: { from: c.previousTitle, to: c.membership.register_title },
        role: { from: c.previousRole, to: c.membership.role },
      })
      if (announce)
        report.changes.push(
          `${slug}: ${nameOf(c.membership.person_id)} is now ${c.membership.register_title ?? 'an officer'} (was ${c.previousTitle ?? 'an officer'})`,
        )
    }
    return added.length + changed.length + removed.length > 0
  }

  const syncTags = (w: Writes, g: GroupState, tags: string[]): boolean => {
    // An entry without tags is an unclassified one (as in every edition), not an order to clear them.
    if (tags.length === 0) return false
    const next = new Set(tags)
    const add = tags.filter((t) => !g.tags.has(t))
    const remove = [...g.tags].filter((t) => !next.has(t))
    if (add.length === 0 && remove.length === 0) return false
    const previous = g.tags
    g.tags = next
    journal.record(() => {
      g.tags = previous
    })
    for (const tag of add) w.tagInserts.push({ appg_id: g.row.id, tag })
    for (const tag of remove) w.tagDeletes.push({ appg_id: g.row.id, tag })
    report.tags.added += add.length
    report.tags.removed += remove.length
    w.audits.push({
      action: 'register.tags.changed',
      appg_id: g.row.id,
      item_type: 'appg',
      item_id: g.row.id,
      details: { added: add, removed: remove },
    })
    report.changes.push(
      `${g.row.slug}: topic tags ${[add.length ? `added ${add.join('; ')}` : '', remove.length ? `removed ${remove.join('; ')}` : ''].filter(Boolean).join(', ')}`,
    )
    return true
  }

  const syncMembers = (w: Writes, g: GroupState, entry: RegisterEntry, now: string): boolean => {
    const list = entry.membersList
    // "empty" and "not_found" mean nobody found a list, not that the group has no members.
    if (!list || (list.members.length === 0 && ['empty', 'not_found', null].includes(list.sourceMethod)))
      return false
    const wanted = new Set<string>()
    const added: MembershipRow[] = []
    for (const member of list.members) {
      const person = findOrCreate(w, member, g.memberships, now)
      if (wanted.has(person.id)) continue
      wanted.add(person.id)
      if (g.memberships.has(person.id)) {
        // Already a member, or an officer, secretariat…: never downgraded.
        report.members.unchanged++
        continue
      }
      const membership: MembershipRow = {
        id: newId(),
        person_id: person.id,
        appg_id: g.row.id,
        role: 'member',
        register_title: null,
        source: 'members_list',
      }
      w.membershipInserts.push({ ...membership, created_at: now, updated_at: now })
      setMembership(g, membership, person.id)
      added.push(membership)
    }
    const removed: MembershipRow[] = []
    for (const m of [...g.memberships.values()]) {
      if (m.source !== 'members_list' || wanted.has(m.person_id)) continue
      w.membershipDeletes.push(m.id)
      setMembership(g, null, m.person_id)
      removed.push(m)
    }
    if (added.length === 0 && removed.length === 0) return false
    report.members.added += added.length
    report.members.removed += removed.length
    const who = (m: MembershipRow) => ({ person_id: m.person_id, name: nameOf(m.person_id) })
    w.audits.push({
      action: 'register.members.changed',
      appg_id: g.row.id,
      item_type: 'appg',
      item_id: g.row.id,
      details: { source_method: list.sourceMethod, added: added.map(who), removed: removed.map(who) },
    })
    const parts = [
      added.length ? `${added.length} added` : '',
      removed.length ? `${removed.length} removed` : '',
    ]
    report.changes.push(`${g.row.slug}: membership list: ${parts.filter(Boolean).join(', ')}`)
    return true
  }

  type Counters = Pick<ImportReport, 'groups' | 'officers' | 'members' | 'benefits' | 'tags' | 'persons'>
  const counters = (): Counters =>
    structuredClone({
      groups: report.groups,
      officers: report.officers,
      members: report.members,
      benefits: report.benefits,
      tags: report.tags,
      persons: report.persons,
    })

  /**
   * Runs one unit of work (a group; the parliamentary ids) as one transaction. Should anything
   * fail, its writes, its changes to the in-memory picture, its counts and its sentences are all
   * taken back, the failure is reported against its line, and the import carries on.
   * `work` says whether the group changed (true), did not (false) or is counted otherwise (null).
   */
  const unit = async (line: number, label: string, work: (w: Writes, now: string) => boolean | null) => {
    const now = clock().toISOString()
    const w = new Writes(now)
    const saved = counters()
    const sentences = report.changes.length
    try {
      const outcome = work(w, now)
      await w.flush(db)
      journal.clear()
      report.auditEvents += w.audits.length
      if (outcome === true) report.groups.updated++
      else if (outcome === false) report.groups.unchanged++
    } catch (error) {
      journal.rollback()
      Object.assign(report, saved)
      report.changes.length = sentences
      report.problems.push({ line, message: `${label}: not saved (${(error as Error).message})` })
    }
  }

  // --- the two modes ----------------------------------------------------------------------------

  if (mode === 'edition') {
    const editions = entries
      .map((e) => e.entry.fields.register_edition)
      .filter((e): e is string => !!e && EDITION.test(e))
    const edition = editions.sort().at(-1) ?? null
    report.edition = edition
    if (edition) {
      const newest = groupRows
        .filter((g) => g.status === 'registered' && g.register_edition && EDITION.test(g.register_edition))
        .map((g) => g.register_edition!)
        .sort()
        .at(-1)
      if (newest && newest > edition && !options.allowOlderEdition) {
        report.problems.push({
          line: 0,
          message: `edition ${edition} is older than edition ${newest} already imported; nothing imported (allowOlderEdition to force)`,
        })
        return done()
      }
    }
    let count = 0
    for (const { line, entry } of entries) {
      const own = entry.fields.register_edition
      if (edition && own && own !== edition) {
        report.problems.push({
          line,
          message: `${entry.slug}: from edition ${own}, not ${edition}; left out`,
        })
        listed.delete(entry.slug)
        continue
      }
      if (!own) entry.fields.register_edition = edition
      await unit(line, entry.slug, (w, now) => {
        let g = groups.get(entry.slug)
        if (!g) {
          g = newGroup(w, entry, 'registered', now)
          replaceBenefits(w, g, entry, false)
          syncOfficers(w, g, entry.officers, now, false)
          report.changes.push(
            `${entry.slug}: new on the Register — ${entry.fields.title} (${entry.officers.length} officer${entry.officers.length === 1 ? '' : 's'})`,
          )
          return null
        }
        const fields = updateFields(w, g, entry, now)
        const benefits = replaceBenefits(w, g, entry, true)
        const officers = syncOfficers(w, g, entry.officers, now, true)
        return fields || benefits || officers
      })
      options.onProgress?.(++count)
    }

    // Groups the edition does not list have left the Register. Only groups that came from an
    // edition are considered (not the demo group, not groups made in the hub), and not at all when
    // the file had lines that could not be tied to a group: one of them might be a listed group.
    if (entries.length === 0) {
      report.problems.push({ line: 0, message: 'the file lists no groups; no group deregistered' })
    } else if (unidentified > 0) {
      report.problems.push({
        line: 0,
        message: `${unidentified} line${unidentified === 1 ? '' : 's'} could not be tied to a group; no group deregistered`,
      })
    } else {
      for (const g of [...groups.values()]) {
        const row = g.row
        if (row.status !== 'registered' || listed.has(row.slug)) continue
        if (!row.register_edition || !EDITION.test(row.register_edition)) continue
        await unit(0, row.slug, (w, now) => {
          const before = { ...row }
          Object.assign(row, { status: 'deregistered', updated_at: now })
          journal.record(() => Object.assign(row, before))
          w.groupUpdate = { id: row.id, set: { status: 'deregistered', updated_at: now } }
          w.audits.push({
            action: 'register.group.deregistered',
            appg_id: row.id,
            item_type: 'appg',
            item_id: row.id,
            details: { slug: row.slug, last_edition: before.register_edition, edition },
          })
          report.groups.deregistered++
          report.changes.push(`${row.slug}: deregistered (not in edition ${edition ?? 'imported'})`)
          return null
        })
      }
    }
    return done()
  }

  // Members file. First the parliamentary ids: people already known by name (officers from an
  // edition carry none) get their MNIS and TheyWorkForYou ids, before any membership list is
  // read, so that a differently spelt list entry with the same id finds the same person.
  await unit(0, 'parliamentary ids', (w) => {
    for (const { entry } of entries) {
      for (const person of [...entry.officers, ...(entry.membersList?.members ?? [])]) {
        if (!person.mnisId && !person.twfyId) continue
        const row = people.find(person)
        if (row) identify(w, row, person)
      }
    }
    if (w.personUpdates.size > 0) {
      const identified = [...w.personUpdates.values()].filter((u) => u.mnis_id).length
      report.changes.push(
        `${w.personUpdates.size} people matched by name to their parliamentary records (${identified} MNIS ids)`,
      )
    }
    return null
  })
  let count = 0
  for (const { line, entry } of entries) {
    await unit(line, entry.slug, (w, now) => {
      let g = groups.get(entry.slug)
      if (!g) {
        // Gone from the Register before the newest edition imported here: kept, as deregistered.
        g = newGroup(w, entry, 'deregistered', now)
        replaceBenefits(w, g, entry, false)
        syncOfficers(w, g, entry.officers, now, false)
        syncTags(w, g, entry.tags)
        syncMembers(w, g, entry, now)
        report.changes.push(
          `${entry.slug}: added as a former group — ${entry.fields.title} (last listed in edition ${entry.fields.register_edition ?? 'unknown'})`,
        )
        return null
      }
      const tags = syncTags(w, g, entry.tags)
      const members = syncMembers(w, g, entry, now)
      return tags || members
    })
    options.onProgress?.(++count)
  }
  return done()
}
