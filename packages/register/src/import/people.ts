/**
 * The people of the Register as the import knows them, and how an entry finds (or becomes) one:
 * by MNIS id, then by register key, then by name; a person found is given the ids, kind and party
 * the entry adds.
 */
import { newPersonRow } from '@appg-hub/core'
import { newId, type PersonKind } from '@appg-hub/db'
import { normaliseName, type RegisterPerson } from '../parse'
import { SAME, type SameFact } from '../people/aliases'
import { isShortTitle, shortTitle } from '../people/titles'
import type { Journal } from './journal'
import type { ImportRun } from './run'
import type { PersonRow } from './types'
import type { Writes } from './writes'

/** How a person was found under a name other than their own, and why it is believed. */
export interface TitleMatch {
  row: PersonRow
  source: 'import' | 'repository'
  reason: string
}

/** One name's facts, keyed by its normalised form; and each fact's other names, by the name they stand for. */
const SAME_BY_NAME = new Map(SAME.map((f) => [normaliseName(f.name), f]))
const SAME_BY_TARGET = new Map<string, SameFact[]>()
for (const f of SAME) if (!f.is.startsWith('mnis:')) push(SAME_BY_TARGET, normaliseName(f.is), f)

/**
 * The people the import knows (those with a register key or an MNIS id), indexed by id, key, MNIS
 * id, name and alias (`person_alias`: the other names a person is known by), and by the short
 * form of any territorial title among their names.
 */
export class PeopleIndex {
  readonly byId = new Map<string, PersonRow>()
  private byKey = new Map<string, PersonRow>()
  private byMnis = new Map<string, PersonRow>()
  private byName = new Map<string, PersonRow[]>()
  private byAlias = new Map<string, string>()
  private aliasesOf = new Map<string, string[]>()
  /** "baroness bennett" → the people one of whose names is "baroness bennett of …". */
  private byShort = new Map<string, PersonRow[]>()

  constructor(
    rows: PersonRow[],
    aliases: { name_key: string; person_id: string }[],
    private journal: Journal,
  ) {
    for (const a of aliases) {
      this.byAlias.set(a.name_key, a.person_id)
      this.aliasesOf.set(a.person_id, [...(this.aliasesOf.get(a.person_id) ?? []), a.name_key])
    }
    for (const row of rows) this.index(row)
  }

  private nameKeys(row: PersonRow): string[] {
    const keys = new Set([normaliseName(row.display_name), ...(this.aliasesOf.get(row.id) ?? [])])
    if (row.register_key?.startsWith('name:')) keys.add(row.register_key.slice('name:'.length))
    return [...keys].filter((k) => k !== '')
  }

  private index(row: PersonRow): void {
    this.byId.set(row.id, row)
    if (row.register_key) this.byKey.set(row.register_key, row)
    if (row.mnis_id) this.byMnis.set(row.mnis_id, row)
    for (const key of this.nameKeys(row)) {
      push(this.byName, key, row)
      const short = shortTitle(key)
      if (short && !this.byShort.get(short)?.includes(row)) push(this.byShort, short, row)
    }
  }

  private unindex(row: PersonRow): void {
    this.byId.delete(row.id)
    if (row.register_key && this.byKey.get(row.register_key) === row) this.byKey.delete(row.register_key)
    if (row.mnis_id && this.byMnis.get(row.mnis_id) === row) this.byMnis.delete(row.mnis_id)
    for (const key of this.nameKeys(row)) {
      pull(this.byName, key, row)
      const short = shortTitle(key)
      if (short) pull(this.byShort, short, row)
    }
  }

  hasMnis(mnisId: string): boolean {
    return this.byMnis.has(mnisId)
  }

  hasKey(key: string): boolean {
    return this.byKey.has(key)
  }

  /** A person with another MNIS id than the entry's is never the entry's person. */
  private static compatible(row: PersonRow, person: RegisterPerson): boolean {
    return !person.mnisId || !row.mnis_id || row.mnis_id === person.mnisId
  }

  /**
   * The known person a Register entry names: by MNIS id, then by alias, then by register key,
   * then by name (a person with another MNIS id is never matched by name). When several share
   * the name, one of `prefer` (the group's present members) wins, else the one known longest.
   */
  find(person: RegisterPerson, prefer?: ReadonlyMap<string, unknown>): PersonRow | undefined {
    if (person.mnisId) {
      const hit = this.byMnis.get(person.mnisId)
      if (hit) return hit
    }
    const aliased = this.byId.get(this.byAlias.get(person.nameKey) ?? '')
    if (aliased && PeopleIndex.compatible(aliased, person)) return aliased
    const byKey = this.byKey.get(person.registerKey)
    if (byKey) return byKey
    const candidates = (this.byName.get(person.nameKey) ?? []).filter((c) => !person.mnisId || !c.mnis_id)
    if (candidates.length <= 1) return candidates[0]
    const preferred = prefer ? candidates.find((c) => prefer.has(c.id)) : undefined
    if (preferred) return preferred
    // Two people of one name: a name alone cannot say which, an MNIS id says it is neither.
    return person.mnisId ? undefined : candidates[0]
  }

  /**
   * For an entry `find` does not know: the person it names under another form of the name. First
   * the repository's facts (`people/aliases.ts`); then a peer's title in its other form, when
   * exactly one known peer can be meant ("Baroness Bennett of Manor Castle" for the only
   * "Baroness Bennett", and the reverse), never across two MNIS ids.
   */
  findByTitle(person: RegisterPerson): TitleMatch | undefined {
    const key = person.nameKey
    const fact = SAME_BY_NAME.get(key)
    if (fact) {
      const target = fact.is.startsWith('mnis:')
        ? this.byMnis.get(fact.is.slice('mnis:'.length))
        : this.byAlias.has(normaliseName(fact.is))
          ? this.byId.get(this.byAlias.get(normaliseName(fact.is))!)
          : this.byName.get(normaliseName(fact.is))?.[0]
      if (target && PeopleIndex.compatible(target, person))
        return { row: target, source: 'repository', reason: fact.reason }
    }
    // The name a fact's other names stand for, met after one of them: the same person.
    for (const other of SAME_BY_TARGET.get(key) ?? []) {
      const known = this.byName.get(normaliseName(other.name))?.[0]
      if (known && PeopleIndex.compatible(known, person))
        return { row: known, source: 'repository', reason: other.reason }
    }
    const open = (rows: PersonRow[] | undefined) =>
      [...new Set(rows ?? [])].filter((r) => PeopleIndex.compatible(r, person))
    const short = shortTitle(key)
    if (short) {
      // The territorial form of a short title: the one peer of that short title, and no other
      // peer known by another territorial form of it ("Lord Smith of Hindhead" is not "Lord
      // Smith" when "Lord Smith of Finsbury" is known).
      const shorts = open(this.byName.get(short))
      const others = (this.byShort.get(short) ?? []).filter((r) => !shorts.includes(r))
      if (shorts.length === 1 && others.length === 0)
        return {
          row: shorts[0]!,
          source: 'import',
          reason: `"${person.displayName}" is a territorial title of the only peer styled "${short}" (${shorts[0]!.display_name})`,
        }
      return undefined
    }
    if (isShortTitle(key)) {
      const territorial = open(this.byShort.get(key))
      if (territorial.length === 1 && (this.byShort.get(key) ?? []).length === 1)
        return {
          row: territorial[0]!,
          source: 'import',
          reason: `"${person.displayName}" is the short title of the only peer so styled (${territorial[0]!.display_name})`,
        }
    }
    return undefined
  }

  add(row: PersonRow): void {
    this.index(row)
    this.journal.record(() => this.unindex(row))
  }

  /** `nameKey` is from now on another name of `row`. */
  addAlias(row: PersonRow, nameKey: string): void {
    this.unindex(row)
    this.byAlias.set(nameKey, row.id)
    this.aliasesOf.set(row.id, [...(this.aliasesOf.get(row.id) ?? []), nameKey])
    this.index(row)
    this.journal.record(() => {
      this.unindex(row)
      this.byAlias.delete(nameKey)
      this.aliasesOf.set(
        row.id,
        (this.aliasesOf.get(row.id) ?? []).filter((k) => k !== nameKey),
      )
      this.index(row)
    })
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

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function pull<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)?.filter((v) => v !== value)
  if (list?.length) map.set(key, list)
  else map.delete(key)
}

const KIND_RANK: Record<PersonKind, number> = { other: 0, staff: 1, secretariat: 1, mp: 2, peer: 2 }

/** Records a change to a person already on record (not one made in this same unit). */
function updated(run: ImportRun, w: Writes, row: PersonRow, details: Record<string, unknown>): void {
  if (w.personInserts.some((p) => p.id === row.id)) return
  run.report.persons.updated++
  w.audits.push({
    actorId: null,
    action: 'register.person.updated',
    appgId: null,
    itemType: 'person',
    itemId: row.id,
    details,
  })
}

/**
 * The known person an entry names under another form of their name (`PeopleIndex.findByTitle`),
 * with that name kept as their alias so that every later run finds them by it.
 */
export function merged(
  run: ImportRun,
  w: Writes,
  person: RegisterPerson,
  now: string,
): PersonRow | undefined {
  const match = run.snapshot.people.findByTitle(person)
  if (!match) return undefined
  run.snapshot.people.addAlias(match.row, person.nameKey)
  w.aliasInserts.push({
    id: newId(),
    name_key: person.nameKey,
    person_id: match.row.id,
    display_name: person.displayName,
    source: match.source,
    reason: match.reason,
    merge_id: null,
    created_at: now,
  })
  run.report.merged.push(`${person.displayName} = ${match.row.display_name}: ${match.reason}`)
  w.audits.push({
    actorId: null,
    action: 'register.person.merged',
    appgId: null,
    itemType: 'person',
    itemId: match.row.id,
    details: {
      name: person.displayName,
      display_name: match.row.display_name,
      source: match.source,
      reason: match.reason,
    },
  })
  return match.row
}

/** Gives a known person the parliamentary ids and the kind an entry adds. */
export function identify(run: ImportRun, w: Writes, row: PersonRow, person: RegisterPerson): void {
  const people = run.snapshot.people
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
  updated(run, w, row, details)
}

/** The person an entry names: found (and brought up to date), or made. */
export function findOrCreate(
  run: ImportRun,
  w: Writes,
  person: RegisterPerson & { party?: string | null },
  prefer: ReadonlyMap<string, unknown>,
  now: string,
): PersonRow {
  const people = run.snapshot.people
  const found = people.find(person, prefer) ?? merged(run, w, person, now)
  if (!found) {
    const inserted = newPersonRow(
      {
        displayName: person.displayName,
        kind: person.kind,
        party: person.party ?? null,
        mnisId: person.mnisId,
        twfyId: person.twfyId,
        registerKey: person.mnisId ? `mnis:${person.mnisId}` : person.registerKey,
      },
      now,
    )
    const row: PersonRow = {
      id: inserted.id,
      display_name: inserted.display_name,
      kind: inserted.kind,
      party: inserted.party ?? null,
      mnis_id: inserted.mnis_id ?? null,
      twfy_id: inserted.twfy_id ?? null,
      register_key: inserted.register_key ?? null,
    }
    people.add(row)
    w.personInserts.push(inserted)
    run.report.persons.created++
    if (person.party) run.partySeen.set(row.id, person.party)
    return row
  }
  identify(run, w, found, person)
  // An edition says what a person's party is now; the members file mixes older editions, so
  // there it only fills a gap.
  if (person.party && !run.partySeen.has(found.id)) {
    run.partySeen.set(found.id, person.party)
    if (found.party !== person.party && (run.mode === 'edition' || found.party === null)) {
      const from = found.party
      people.update(found, { party: person.party })
      w.updatePerson(found.id, { party: person.party })
      updated(run, w, found, { display_name: found.display_name, party: { from, to: person.party } })
    }
  }
  return found
}
