/** The import's options, its report and the rows it keeps in memory. */
import type { AppgTable, BenefitTable, MembershipTable, PersonTable } from '@appg-hub/db'
import type { Selectable } from 'kysely'
import type { RegisterProblem } from '../parse'

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
  /**
   * People found under another form of their name (a peer's short or territorial title, an alias
   * fact of the repository), one sentence each; the name is kept as their alias.
   */
  merged: string[]
  /** What could not be used, by line (0 for the file as a whole). */
  problems: RegisterProblem[]
  /** One sentence per change, e.g. "cancer: Jane Doe replaced John Roe as Chair & Registered Contact". */
  changes: string[]
  auditEvents: number
  ms: number
}

export type GroupRow = Selectable<AppgTable>
export type PersonRow = Pick<
  Selectable<PersonTable>,
  'id' | 'display_name' | 'kind' | 'party' | 'mnis_id' | 'twfy_id' | 'register_key'
>
export type MembershipRow = Pick<
  Selectable<MembershipTable>,
  'id' | 'person_id' | 'appg_id' | 'role' | 'register_title' | 'source'
>
export type BenefitRow = Omit<Selectable<BenefitTable>, 'id' | 'appg_id' | 'position'>

/** What the import knows of one group: its row, benefits, tags and memberships. */
export interface GroupState {
  row: GroupRow
  benefits: BenefitRow[]
  tags: Set<string>
  /** By person id (a person has at most one membership per group). */
  memberships: Map<string, MembershipRow>
}
