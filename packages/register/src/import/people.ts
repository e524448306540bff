/**
 * The people of the Register as the import knows them, and how an entry finds (or becomes) one:
 * by MNIS id, then by register key, then by name; a person found is given the ids, kind and party
 * the entry adds.
 */
import { newPersonRow } from '@appg-hub/core'
import type { PersonKind } from '@appg-hub/db'
import { normaliseName, type RegisterPerson } from '../parse'
import type { Journal } from './journal'
import type { ImportRun } from './run'
import type { PersonRow } from './types'
import type { Writes } from './writes'

/** The people the import knows (those with a register key or an MNIS id), indexed three ways. */
export class PeopleIndex {
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
  const found = people.find(person, prefer)
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
