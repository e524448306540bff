/**
 * What the hub knows about people of the Register, checked for duplicates: the same MNIS id on
 * two people (never expected: the import matches on it first), and peers named in the short and
 * the territorial form of one title ("Baroness Bennett", "Baroness Bennett of Manor Castle"),
 * which the import keeps apart because a name alone cannot settle it. Read-only: it lists, for a
 * person to decide with ids or an alias; it merges nothing.
 */
import type { Db } from '@appg-hub/db'
import { normaliseName } from './parse'

export interface ReportPerson {
  id: string
  name: string
  mnisId: string | null
  groups: number
}

export interface PeopleReport {
  people: number
  /** People sharing an MNIS id: each list is one real person held more than once. */
  sameMnis: { mnisId: string; people: ReportPerson[] }[]
  /** A short title and exactly one territorial title of it, at most one of them with an MNIS id. */
  likelySame: { short: ReportPerson; territorial: ReportPerson; reason: string }[]
  /** A short title that several people's titles could be: only an id or an alias can say which. */
  ambiguous: { short: ReportPerson; candidates: ReportPerson[]; reason: string }[]
}

/** A peer's style, a name, then "of" and a place; "Lord Bishop of Durham" has no short form. */
const TERRITORIAL =
  /^((?:the )?(?:lord|lady|baroness|baron|viscount|viscountess|earl|countess|marquess|duke)\s(?!bishop\b).+?)\s+of\s+.+$/

/** "baroness bennett of manor castle" → "baroness bennett"; null when the name has no territorial part. */
export function shortTitle(name: string): string | null {
  const m = TERRITORIAL.exec(normaliseName(name))
  return m ? m[1]! : null
}

export function buildPeopleReport(rows: ReportPerson[]): PeopleReport {
  const byMnis = new Map<string, ReportPerson[]>()
  for (const row of rows) {
    if (!row.mnisId) continue
    const list = byMnis.get(row.mnisId) ?? []
    list.push(row)
    byMnis.set(row.mnisId, list)
  }
  const sameMnis = [...byMnis]
    .filter(([, people]) => people.length > 1)
    .map(([mnisId, people]) => ({ mnisId, people }))

  const byShortName = new Map<string, ReportPerson[]>()
  const territorialByShort = new Map<string, ReportPerson[]>()
  for (const row of rows) {
    const short = shortTitle(row.name)
    if (short) {
      const list = territorialByShort.get(short) ?? []
      list.push(row)
      territorialByShort.set(short, list)
    } else {
      const key = normaliseName(row.name)
      const list = byShortName.get(key) ?? []
      list.push(row)
      byShortName.set(key, list)
    }
  }
  const likelySame: PeopleReport['likelySame'] = []
  const ambiguous: PeopleReport['ambiguous'] = []
  for (const [key, shorts] of byShortName) {
    const territorial = territorialByShort.get(key)
    if (!territorial) continue
    for (const short of shorts) {
      const withOtherIds = territorial.filter((t) => t.mnisId && short.mnisId && t.mnisId !== short.mnisId)
      const open = territorial.filter((t) => !withOtherIds.includes(t))
      if (open.length === 1 && shorts.length === 1) {
        likelySame.push({
          short,
          territorial: open[0]!,
          reason: `the only peer titled "${open[0]!.name}" for "${short.name}"${short.mnisId || open[0]!.mnisId ? ', one MNIS id between them' : ', neither has an MNIS id'}`,
        })
      } else if (open.length > 0) {
        ambiguous.push({
          short,
          candidates: open,
          reason:
            shorts.length > 1
              ? `${shorts.length} people are called "${short.name}"`
              : `${open.length} peers' titles begin "${short.name} of"`,
        })
      }
    }
  }
  const byName = (a: { short: ReportPerson }, b: { short: ReportPerson }) =>
    a.short.name.localeCompare(b.short.name)
  return {
    people: rows.length,
    sameMnis,
    likelySame: likelySame.sort(byName),
    ambiguous: ambiguous.sort(byName),
  }
}

/** The report over every person of the Register in the database (two queries' worth: one). */
export async function peopleReport(db: Db): Promise<PeopleReport> {
  const rows = await db
    .selectFrom('person')
    .leftJoin('membership', 'membership.person_id', 'person.id')
    .select((eb) => [
      'person.id',
      'person.display_name as name',
      'person.mnis_id as mnisId',
      eb.fn.count<number>('membership.id').as('groups'),
    ])
    .where('person.erased_at', 'is', null)
    .where((eb) => eb.or([eb('person.register_key', 'is not', null), eb('person.mnis_id', 'is not', null)]))
    .groupBy(['person.id', 'person.display_name', 'person.mnis_id'])
    .execute()
  return buildPeopleReport(rows.map((r) => ({ ...r, groups: Number(r.groups) })))
}
