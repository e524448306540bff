/**
 * Reading one line of a Register of All-Party Parliamentary Groups file (JSON Lines, as compiled
 * by mySociety's `appg-membership`) into a clean, typed record.
 *
 * The Register is free text as published: stray whitespace, nulls, missing fields, honorifics in
 * names and other spellings of roles and categories. Everything here is pure: no database, no I/O.
 * What cannot be used is reported as a problem with its line number, never thrown.
 */
import { normaliseName } from '@appg-hub/core'
import type { PersonKind } from '@appg-hub/db'

export { normaliseName }

export interface RegisterProblem {
  /** 1-based line number in the file. */
  line: number
  message: string
}

export type OfficerRole = 'chair' | 'officer'
export type MemberType = 'mp' | 'lord' | 'other'

/** A person as a Register line names them, with the identity the importer matches them by. */
export interface RegisterPerson {
  /** The name cleaned for display ("Sir Andrew Mitchell"; a trailing "MP" is dropped). */
  displayName: string
  /** `mnis:<id>` when an MNIS id is known, else `name:<normalised name>`. */
  registerKey: string
  /** `normaliseName(displayName)`: what name matching compares. */
  nameKey: string
  mnisId: string | null
  twfyId: string | null
  kind: PersonKind
}

export interface RegisterOfficer extends RegisterPerson {
  role: OfficerRole
  /** The role as the Register words it ("Vice Chair", "Chair & Registered Contact"). */
  registerTitle: string | null
  party: string | null
}

export interface RegisterMember extends RegisterPerson {
  memberType: MemberType
  isOfficer: boolean
}

export interface RegisterBenefit {
  source: string | null
  description: string | null
  valueBand: string | null
  /** ISO date (YYYY-MM-DD) when the Register's dd/mm/yyyy could be read, else the text as given. */
  received: string | null
  registered: string | null
  benefitType: string | null
}

/** The register fields of a group, named as the `appg` table names them. */
export interface RegisterGroupFields {
  title: string
  purpose: string | null
  category: string | null
  registered_contact_name: string | null
  registered_contact_address: string | null
  registered_contact_email: string | null
  public_enquiry_point_name: string | null
  public_enquiry_point_email: string | null
  secretariat: string | null
  website_url: string | null
  agm_date: string | null
  agm_statement_published: number | null
  agm_reporting_year: string | null
  agm_next_deadline: string | null
  registrable_benefits: string | null
  register_edition: string | null
  source_url: string | null
}

export interface RegisterEntry {
  slug: string
  fields: RegisterGroupFields
  /** Topic tags (`categories`), cleaned and de-duplicated. */
  tags: string[]
  benefits: RegisterBenefit[]
  /** Current officers (entries marked `removed` are left out), one per person. */
  officers: RegisterOfficer[]
  /** Null when the line carries no `members_list`; `members` then says nothing about membership. */
  membersList: { sourceMethod: string | null; members: RegisterMember[] } | null
}

export interface ParsedLine {
  line: number
  /** Null for a blank line and for a line that cannot be used (see `problems`). */
  entry: RegisterEntry | null
  /** The slug, when one could be read even from a broken line (so that its group is not mistaken as gone). */
  slug: string | null
  problems: RegisterProblem[]
}

// Column sizes of the migration (0001-initial): longer values are cut and reported rather than
// left to fail on MySQL, which refuses what SQLite would silently store.
const LIMITS = {
  slug: 200,
  title: 400,
  category: 100,
  name: 300,
  email: 300,
  url: 500,
  short: 40,
  reportingYear: 100,
  text: 16_000,
  valueBand: 100,
  benefitType: 100,
  tag: 100,
  registerTitle: 100,
  displayName: 200,
  party: 100,
  twfy: 100,
  registerKey: 200,
} as const

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g

/** Trims and collapses runs of spaces within lines; keeps paragraph breaks; '' becomes null. */
export function cleanText(value: unknown): string | null {
  if (typeof value === 'number' || typeof value === 'bigint') value = String(value)
  if (typeof value !== 'string') return null
  const text = value
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
  return text === '' ? null : text
}

/** As `cleanText`, on one line. */
export function cleanLine(value: unknown): string | null {
  const text = cleanText(value)
  return text === null ? null : text.replace(/\n+/g, ' ')
}

/** Maps a Register officer role to the hub's role: the chair ("Chair & Registered Contact", "Acting Chair") or an officer. */
export function mapOfficerRole(title: string | null | undefined): OfficerRole {
  const t = (title ?? '')
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim()
  if (/\bchair(man|woman|person)?\b/.test(t) && /\bregistered contact\b/.test(t)) return 'chair'
  if (/^(acting |interim )?chair(man|woman|person)?$/.test(t)) return 'chair'
  return 'officer'
}

/** "Subject Group" or "Country, Area or Region Group", whatever the spelling; other values as given. */
export function normaliseCategory(value: unknown): string | null {
  const text = cleanLine(value)
  if (!text) return null
  const t = text.toLowerCase()
  if (/\bsubject\b/.test(t)) return 'Subject Group'
  if (/\b(country|countries|area|region|regional)\b/.test(t)) return 'Country, Area or Region Group'
  return text
}

const PEER =
  /^(lord|baroness|viscount|viscountess|earl|countess|marquess|marquis|marchioness|duke|duchess|bishop|archbishop)\b/

/** Whether a (normalised) name is a peer's style: Lord, Baroness, Viscount, Earl, Bishop… */
export function isPeerName(name: string): boolean {
  return PEER.test(normaliseName(name))
}

/** `peer` for peers' styles, member type "lord" or the Lords-only parties; `mp` for other officers and member type "mp"; else `other`. */
export function personKindOf(input: {
  name: string
  memberType?: MemberType | null
  isOfficer?: boolean
  party?: string | null
}): PersonKind {
  if (isPeerName(input.name) || input.memberType === 'lord') return 'peer'
  const party = (input.party ?? '').toLowerCase()
  if (party === 'crossbench' || party === 'bishops' || party === 'lord speaker') return 'peer'
  if (input.memberType === 'mp' || input.isOfficer) return 'mp'
  return 'other'
}

/** `mnis:<id>` when the MNIS id is known, else `name:<normalised name>`. */
export function registerKeyOf(name: string, mnisId: string | null | undefined): string {
  return mnisId ? `mnis:${mnisId}` : `name:${normaliseName(name)}`.slice(0, LIMITS.registerKey)
}

/**
 * A name as the hub shows it: whitespace tidied, list numbering ("22."), a leading role
 * ("Co-Chair: …"), a trailing remark in brackets or after a dash ("(Lab)", "\- member") and a
 * trailing "MP" removed. Null when what is left is not a person's or organisation's name
 * (a URL, a heading such as "Non-parliamentary members:", "n/a", "Member").
 */
export function cleanPersonName(raw: unknown): string | null {
  let s = cleanLine(raw)
  if (!s) return null
  if (/:\/\/|^www\.|@|\.(com|org|uk|net|co)(\/|$)/i.test(s)) return null
  if (/:\s*$/.test(s)) return null
  s = s
    .replace(/^\d+\s*[.)]\s*/, '')
    .replace(
      /^(co-?\s?chair|vice[\s-]?chair|chair|treasurer|(hon(orary|\.)?\s+)?secretary|officer|president|member)\s*:\s*/i,
      '',
    )
    .replace(/\s*\\?[-–]\s*(member|officer)\s*$/i, '')
    .replace(/(\s*\([^()]*\))+\s*$/, '')
    .replace(/[\s,]+n\/a\b.*$/i, '')
    .replace(/[\s,.;]+$/, '')
    .replace(/\s+MP\.?$/i, '')
    .trim()
  if (!s || s.length > 120 || !/\p{L}/u.test(s)) return null
  if (
    /^(n\/?a|none|nil|tbc|tba|vacant|unknown|members?|peers?|mps?|officers?|lords?|baroness|other)$/i.test(s)
  )
    return null
  return s
}

function idText(value: unknown, max: number): string | null {
  const text = cleanLine(value)
  return text ? text.slice(0, max) : null
}

function flag(value: unknown): boolean {
  if (typeof value === 'string') return /^(true|yes|y|1)$/i.test(value.trim())
  return value === true || value === 1
}

function flagOrNull(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null
  return flag(value) ? 1 : 0
}

/** dd/mm/yyyy (or d/m/yyyy) becomes YYYY-MM-DD; ISO dates pass; other text is kept as given. */
export function registerDate(value: unknown): string | null {
  const text = cleanLine(value)
  if (!text) return null
  const uk = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text)
  if (uk) {
    const [, d, m, y] = uk
    const day = Number(d)
    const month = Number(m)
    if (month >= 1 && month <= 12 && day >= 1 && day <= 31)
      return `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`
  }
  const iso = /^(\d{4}-\d{2}-\d{2})(T.*)?$/.exec(text)
  if (iso) return iso[1]!
  return text
}

function asObject(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {}
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}

/** Reads a key whatever its case and spacing ("Value £s", "value_£s In bands…"). */
function pick(record: Record<string, unknown>, test: (normalisedKey: string) => boolean): unknown {
  for (const [key, value] of Object.entries(record)) {
    if (
      test(
        key
          .toLowerCase()
          .replace(/[^a-z]+/g, ' ')
          .trim(),
      )
    )
      return value
  }
  return undefined
}

/**
 * The slug as the Register gives it (its page is `<edition>/<slug>.htm`, so even "a---b" stays);
 * only a slug with spaces or other characters is made into one.
 */
export function normaliseSlug(value: unknown): string | null {
  const text = cleanLine(value)?.toLowerCase()
  if (!text) return null
  if (/^[a-z0-9][a-z0-9-]*$/.test(text)) return text
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? null : slug
}

/** Parses one line of a Register file. Never throws. */
export function parseRegisterLine(text: string, line: number): ParsedLine {
  const problems: RegisterProblem[] = []
  const report = (message: string) => problems.push({ line, message })
  const trimmed = text.replace(INVISIBLE, '').trim()
  if (trimmed === '') return { line, entry: null, slug: null, problems }

  let raw: unknown
  try {
    raw = JSON.parse(trimmed)
  } catch (error) {
    const hint = /"slug"\s*:\s*"([^"\\]+)"/.exec(trimmed)
    const slug = hint ? normaliseSlug(hint[1]) : null
    report(`not valid JSON (${(error as Error).message})${slug ? ` — group "${slug}" left as it was` : ''}`)
    return { line, entry: null, slug, problems }
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    report('not a JSON object')
    return { line, entry: null, slug: null, problems }
  }
  const record = raw as Record<string, unknown>
  const slug = normaliseSlug(record.slug)
  const title = cleanLine(record.title)
  if (!slug) {
    report(`no slug${title ? ` (title "${title.slice(0, 80)}")` : ''}`)
    return { line, entry: null, slug: null, problems }
  }
  if (!title) {
    report(`${slug}: no title`)
    return { line, entry: null, slug, problems }
  }
  if (slug.length > LIMITS.slug) {
    report(`slug longer than ${LIMITS.slug} characters`)
    return { line, entry: null, slug: null, problems }
  }

  const fit = (field: string, value: string | null, max: number): string | null => {
    if (value === null || value.length <= max) return value
    report(`${slug}: ${field} cut to ${max} characters`)
    return value.slice(0, max)
  }

  const contact = asObject(record.contact_details)
  const website = contact.website
  let websiteUrl: string | null = null
  if (typeof website === 'string') websiteUrl = cleanLine(website)
  else {
    const site = asObject(website)
    // 'bad_search' marks a URL that mySociety's search found and then judged wrong.
    if (site.status !== 'bad_search') websiteUrl = cleanLine(site.url)
  }
  if (websiteUrl && websiteUrl.length > LIMITS.url) {
    report(`${slug}: website URL longer than ${LIMITS.url} characters left out`)
    websiteUrl = null
  }
  const agm = asObject(record.agm)
  const edition = cleanLine(record.index_date)

  const fields: RegisterGroupFields = {
    title: fit('title', title, LIMITS.title)!,
    purpose: fit('purpose', cleanText(record.purpose), LIMITS.text),
    category: fit('category', normaliseCategory(record.category), LIMITS.category),
    registered_contact_name: fit(
      'registered contact',
      cleanLine(contact.registered_contact_name),
      LIMITS.name,
    ),
    registered_contact_address: fit(
      'registered contact address',
      cleanText(contact.registered_contact_address),
      LIMITS.text,
    ),
    registered_contact_email: fit(
      'registered contact email',
      cleanLine(contact.registered_contact_email),
      LIMITS.email,
    ),
    public_enquiry_point_name: fit(
      'public enquiry point',
      cleanLine(contact.public_enquiry_point_name),
      LIMITS.name,
    ),
    public_enquiry_point_email: fit(
      'public enquiry email',
      cleanLine(contact.public_enquiry_point_email),
      LIMITS.email,
    ),
    secretariat: fit('secretariat', cleanText(contact.secretariat), LIMITS.text),
    website_url: websiteUrl,
    agm_date: fit('AGM date', registerDate(agm.date_of_most_recent_agm), LIMITS.short),
    agm_statement_published: flagOrNull(agm.published_income_expenditure_statement),
    agm_reporting_year: fit('reporting year', cleanLine(agm.reporting_year), LIMITS.reportingYear),
    agm_next_deadline: fit(
      'next reporting deadline',
      registerDate(agm.next_reporting_deadline),
      LIMITS.short,
    ),
    registrable_benefits: fit('registrable benefits', cleanText(record.registrable_benefits), LIMITS.text),
    register_edition: fit('edition', edition, LIMITS.short),
    source_url: fit('source URL', cleanLine(record.source_url), LIMITS.url),
  }

  const tags: string[] = []
  const rawTags =
    typeof record.categories === 'string' ? record.categories.split(/[;|]/) : asArray(record.categories)
  for (const t of rawTags) {
    const tag = fit('tag', cleanLine(t), LIMITS.tag)
    if (tag && !tags.includes(tag)) tags.push(tag)
  }

  const benefits: RegisterBenefit[] = []
  for (const b of asArray(record.detailed_benefits)) {
    const item = asObject(b)
    const benefit: RegisterBenefit = {
      source: fit('benefit source', cleanText(pick(item, (k) => k === 'source')), LIMITS.text),
      description: fit('benefit description', cleanText(pick(item, (k) => k === 'description')), LIMITS.text),
      valueBand: fit('benefit value', cleanLine(pick(item, (k) => k.startsWith('value'))), LIMITS.valueBand),
      received: fit('benefit received', registerDate(pick(item, (k) => k === 'received')), LIMITS.short),
      registered: fit(
        'benefit registered',
        registerDate(pick(item, (k) => k === 'registered')),
        LIMITS.short,
      ),
      benefitType: fit(
        'benefit type',
        cleanLine(pick(item, (k) => k === 'benefit type' || k === 'type')),
        LIMITS.benefitType,
      ),
    }
    if (Object.values(benefit).every((v) => v === null)) continue
    benefits.push(benefit)
  }

  const officers: RegisterOfficer[] = []
  for (const o of asArray(record.officers)) {
    const item = asObject(o)
    if (flag(item.removed)) continue
    const displayName = cleanPersonName(item.name)
    if (!displayName) {
      report(`${slug}: officer without a usable name left out (${JSON.stringify(item.name ?? null)})`)
      continue
    }
    const registerTitle = fit('officer role', cleanLine(item.role), LIMITS.registerTitle)
    const mnisId = idText(item.mnis_id, LIMITS.short)
    const party = fit('party', cleanLine(item.party), LIMITS.party)
    const officer: RegisterOfficer = {
      displayName: displayName.slice(0, LIMITS.displayName),
      registerKey: registerKeyOf(displayName, mnisId),
      nameKey: normaliseName(displayName),
      mnisId,
      twfyId: idText(item.twfy_id, LIMITS.twfy),
      kind: personKindOf({ name: displayName, isOfficer: true, party }),
      role: mapOfficerRole(registerTitle),
      registerTitle,
      party,
    }
    const twin = officers.findIndex((other) => other.registerKey === officer.registerKey)
    if (twin >= 0) {
      report(`${slug}: ${displayName} is listed twice among the officers; the higher role is kept`)
      if (officers[twin]!.role === 'officer' && officer.role === 'chair') officers[twin] = officer
      continue
    }
    officers.push(officer)
  }

  let membersList: RegisterEntry['membersList'] = null
  if (record.members_list !== null && typeof record.members_list === 'object') {
    const list = asObject(record.members_list)
    const members: RegisterMember[] = []
    const seen = new Set<string>()
    let unusable = 0
    for (const m of asArray(list.members)) {
      const item = asObject(m)
      if (flag(item.removed)) continue
      const displayName = cleanPersonName(item.name)
      if (!displayName) {
        unusable++
        continue
      }
      const type = cleanLine(item.member_type)?.toLowerCase()
      const memberType: MemberType =
        type === 'mp' || type === 'commons'
          ? 'mp'
          : type === 'lord' || type === 'peer' || type === 'lords'
            ? 'lord'
            : 'other'
      const mnisId = idText(item.mnis_id, LIMITS.short)
      const isOfficer = flag(item.is_officer)
      const member: RegisterMember = {
        displayName: displayName.slice(0, LIMITS.displayName),
        registerKey: registerKeyOf(displayName, mnisId),
        nameKey: normaliseName(displayName),
        mnisId,
        twfyId: idText(item.twfy_id, LIMITS.twfy),
        kind: personKindOf({ name: displayName, memberType }),
        memberType,
        isOfficer,
      }
      if (seen.has(member.registerKey)) continue
      seen.add(member.registerKey)
      members.push(member)
    }
    if (unusable > 0)
      report(
        `${slug}: ${unusable} membership list entr${unusable === 1 ? 'y is' : 'ies are'} not a name and left out`,
      )
    membersList = { sourceMethod: cleanLine(list.source_method), members }
  }

  return { line, entry: { slug, fields, tags, benefits, officers, membersList }, slug, problems }
}
