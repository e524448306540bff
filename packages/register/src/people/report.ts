/**
 * What the hub knows about people of the Register: every merge (a name kept as another person's
 * alias, by the import's title rules, the repository's alias facts or a site administrator), and
 * what is left to settle: the same MNIS id on two people (never expected: the import matches on it
 * first), and peers still held in the short and the territorial form of one title ("Baroness
 * Bennett", "Baroness Bennett of Manor Castle") because more than one peer could be meant.
 * Read-only: it lists, for a person to decide with an alias fact or a merge; it merges nothing.
 */
import type { Db } from '@appg-hub/db'
import { normaliseName } from '../parse'
import { shortTitle } from './titles'

export interface ReportPerson {
  id: string
  name: string
  mnisId: string | null
  groups: number
}

export interface ReportMerge {
  /** The name as written where it was met. */
  name: string
  person: ReportPerson
  source: string
  reason: string
}

export interface PeopleReport {
  people: number
  /** Names kept as the alias of a person under another name, by name. */
  merges: ReportMerge[]
  /** People sharing an MNIS id: each list is one real person held more than once. */
  sameMnis: { mnisId: string; people: ReportPerson[] }[]
  /** A short title and exactly one territorial title of it, at most one of them with an MNIS id. */
  likelySame: { short: ReportPerson; territorial: ReportPerson; reason: string }[]
  /** A short title that several people's titles could be: only an id or an alias can say which. */
  ambiguous: { short: ReportPerson; candidates: ReportPerson[]; reason: string }[]
}

export function buildPeopleReport(rows: ReportPerson[], merges: ReportMerge[] = []): PeopleReport {
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
    merges: [...merges].sort((a, b) => a.name.localeCompare(b.name)),
    sameMnis,
    likelySame: likelySame.sort(byName),
    ambiguous: ambiguous.sort(byName),
  }
}

/** The report over every person of the Register in the database (two queries). */
export async function peopleReport(db: Db): Promise<PeopleReport> {
  const aliases = db
    .selectFrom('person_alias')
    .select(['person_id', 'display_name as name', 'source', 'reason'])
    .execute()
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
  const people = new Map(rows.map((r) => [r.id, { ...r, groups: Number(r.groups) }]))
  const merges = (await aliases).flatMap((a) => {
    const person = people.get(a.person_id)
    return person ? [{ name: a.name, person, source: a.source, reason: a.reason }] : []
  })
  return buildPeopleReport([...people.values()], merges)
}
