/**
 * mySociety's data package `appg_groups_and_memberships` (resources `register`, `members`,
 * `categories`, as CSV) turned into the lines of a Register edition and of a members file, so that
 * it is imported exactly as those files are (see import.ts). Pure: no I/O.
 *
 * What the package holds and how it maps:
 * - `register.csv`: one row per group and legislature (`parliament`: `uk`, `scottish-parliament`,
 *   `senedd-en`, …); slugs repeat across legislatures. Only `uk` rows are kept by default. The
 *   edition a group was last listed in is in its `source_url` (`…/cmallparty/260629/cancer.htm`):
 *   the newest of these is the current edition, and the groups listed in it are the edition file;
 *   every UK group goes into the members file (groups gone from the Register are kept as such).
 * - `members.csv`: officers (`source` = `parliament`, `officer_role`), tied to their group's row by
 *   `url_source` = the row's `source_url`; and entries of published membership lists (other
 *   sources), tied by slug to the UK group, leaving out the devolved legislatures' member types.
 * - `categories.csv`: topic tags by slug; the register row's own `categories` (`|`-separated)
 *   are used, as slugs repeat across legislatures. The file is still read and checked.
 */
import { CsvError, parse } from 'csv-parse/sync'

export const DATAPACKAGE_FILES = ['register.csv', 'members.csv', 'categories.csv'] as const
export type DatapackageFile = (typeof DATAPACKAGE_FILES)[number]

const REQUIRED_COLUMNS: Record<DatapackageFile, string[]> = {
  'register.csv': [
    'slug',
    'title',
    'purpose',
    'category',
    'parliament',
    'registrable_benefits',
    'source_url',
    'categories',
    'registered_contact_name',
    'registered_contact_address',
    'registered_contact_email',
    'public_enquiry_point_name',
    'public_enquiry_point_email',
    'secretariat',
    'website',
    'website_status',
    'detailed_benefits',
    'date_of_most_recent_agm',
    'published_income_expenditure_statement',
    'reporting_year',
    'next_reporting_deadline',
  ],
  'members.csv': [
    'name',
    'officer_role',
    'twfy_id',
    'mnis_id',
    'appg',
    'is_officer',
    'member_type',
    'source',
    'removed',
  ],
  'categories.csv': ['appg_slug', 'category_name'],
}

/** A file of the package that cannot be used: says which file and why. */
export class DatapackageError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`)
  }
}

type Row = Record<string, string>

/** Parses one CSV file strictly: every row as wide as the header, quotes closed, the columns we read present. */
export function parseDatapackageCsv(file: DatapackageFile, text: string): Row[] {
  let rows: Row[]
  try {
    rows = parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Row[]
  } catch (error) {
    const detail = error instanceof CsvError ? error.message : String(error)
    throw new DatapackageError(file, `not a readable CSV file, perhaps cut short (${detail})`)
  }
  if (rows.length === 0) throw new DatapackageError(file, 'holds no rows')
  const missing = REQUIRED_COLUMNS[file].filter((column) => !(column in rows[0]!))
  if (missing.length)
    throw new DatapackageError(file, `missing column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`)
  return rows
}

export interface DatapackageLines {
  /** The current edition (YYMMDD), from the newest `source_url`; null for a legislature without editions. */
  edition: string | null
  /** Lines of a Register edition: the groups listed in `edition`. */
  editionLines: string[]
  /** Lines of a members file: every group of the legislature, with tags and membership lists. */
  memberLines: string[]
  groups: number
  /** Rows of other legislatures left out. */
  leftOut: number
}

const EDITION_IN_URL = /\/cmallparty\/(\d{6})\//
const DEVOLVED_MEMBER_TYPES = new Set(['msp', 'ms', 'mla'])

const blank = (value: string | undefined) => {
  const text = value?.trim()
  return text ? text : null
}

/** The three files' text → the lines of an edition and of a members file, for one legislature. */
export function datapackageToLines(
  texts: Record<DatapackageFile, string>,
  options: { parliament?: string } = {},
): DatapackageLines {
  const parliament = options.parliament ?? 'uk'
  const register = parseDatapackageCsv('register.csv', texts['register.csv'])
  const members = parseDatapackageCsv('members.csv', texts['members.csv'])
  parseDatapackageCsv('categories.csv', texts['categories.csv'])

  const rows = register.filter((r) => r.parliament === parliament)
  if (rows.length === 0)
    throw new DatapackageError('register.csv', `no group of the legislature "${parliament}"`)
  const bySource = new Map<string, Row[]>()
  const listsBySlug = new Map<string, Row[]>()
  for (const m of members) {
    if (m.removed?.trim().toLowerCase() === 'true') continue
    if (m.source === 'parliament') {
      const key = m.url_source ?? ''
      bySource.set(key, [...(bySource.get(key) ?? []), m])
    } else if (!DEVOLVED_MEMBER_TYPES.has(m.member_type ?? '')) {
      listsBySlug.set(m.appg!, [...(listsBySlug.get(m.appg!) ?? []), m])
    }
  }

  const editionOf = (row: Row) => EDITION_IN_URL.exec(row.source_url ?? '')?.[1] ?? null
  const edition = rows
    .map(editionOf)
    .filter((e): e is string => e !== null)
    .sort()
    .at(-1)
  // The Commons Register has editions; the devolved legislatures' lists have none (all rows are current).
  if (!edition && parliament === 'uk')
    throw new DatapackageError('register.csv', 'no row names the Register edition it comes from (source_url)')

  const editionLines: string[] = []
  const memberLines: string[] = []
  for (const row of rows) {
    let benefits: unknown = []
    if (blank(row.detailed_benefits)) {
      try {
        benefits = JSON.parse(row.detailed_benefits!)
      } catch {
        throw new DatapackageError('register.csv', `${row.slug}: detailed_benefits is not valid JSON`)
      }
    }
    const officers = (bySource.get(row.source_url ?? '') ?? []).map((m) => ({
      role: blank(m.officer_role),
      name: m.name,
      party: null,
      twfy_id: blank(m.twfy_id),
      mnis_id: blank(m.mnis_id),
      removed: false,
    }))
    const list = listsBySlug.get(row.slug!) ?? []
    const entry = {
      slug: row.slug,
      title: row.title,
      purpose: row.purpose,
      category: row.category,
      parliament: row.parliament,
      officers,
      contact_details: {
        registered_contact_name: row.registered_contact_name,
        registered_contact_address: row.registered_contact_address,
        registered_contact_email: row.registered_contact_email,
        public_enquiry_point_name: row.public_enquiry_point_name,
        public_enquiry_point_email: row.public_enquiry_point_email,
        secretariat: row.secretariat,
        website: { status: row.website_status, url: row.website },
      },
      agm: {
        date_of_most_recent_agm: row.date_of_most_recent_agm,
        published_income_expenditure_statement: row.published_income_expenditure_statement,
        reporting_year: row.reporting_year,
        next_reporting_deadline: row.next_reporting_deadline,
      },
      registrable_benefits: row.registrable_benefits,
      detailed_benefits: benefits,
      index_date: editionOf(row),
      source_url: row.source_url,
      categories: (row.categories ?? '').split('|').filter((t) => t.trim()),
      ...(list.length
        ? {
            members_list: {
              source_method: list[0]!.source,
              members: list.map((m) => ({
                name: m.name,
                is_officer: m.is_officer,
                member_type: m.member_type,
                mnis_id: blank(m.mnis_id),
                twfy_id: blank(m.twfy_id),
                removed: false,
              })),
            },
          }
        : {}),
    }
    // The edition file carries no membership list (as a real edition does not): lists are the members file's.
    const { members_list: _list, ...editionEntry } = entry as typeof entry & { members_list?: unknown }
    if (!edition || entry.index_date === edition) editionLines.push(JSON.stringify(editionEntry))
    memberLines.push(JSON.stringify(entry))
  }
  return {
    edition: edition ?? null,
    editionLines,
    memberLines,
    groups: rows.length,
    leftOut: register.length - rows.length,
  }
}
