/**
 * Reading one line of a Register of All-Party Parliamentary Groups file (JSON Lines, as compiled
 * by mySociety's `appg-membership`) into a clean, typed record.
 *
 * The Register is free text as published: stray whitespace, nulls, missing fields, honorifics in
 * names and other spellings of roles and categories. Everything here is pure: no database, no I/O.
 * What cannot be used is reported as a problem with its line number, never thrown.
 */
import { normaliseName } from '@appg-hub/core'
import {
  asArray,
  asObject,
  cleanLine,
  cleanPersonName,
  cleanText,
  flag,
  flagOrNull,
  INVISIBLE,
  idText,
  LIMITS,
  mapOfficerRole,
  normaliseCategory,
  normaliseSlug,
  personKindOf,
  pick,
  registerDate,
  registerKeyOf,
} from './clean'
import type {
  MemberType,
  ParsedLine,
  RegisterBenefit,
  RegisterEntry,
  RegisterGroupFields,
  RegisterMember,
  RegisterOfficer,
  RegisterProblem,
} from './register-entry'

export {
  cleanLine,
  cleanPersonName,
  cleanText,
  isPeerName,
  mapOfficerRole,
  normaliseCategory,
  normaliseSlug,
  personKindOf,
  registerDate,
  registerKeyOf,
} from './clean'
export type * from './register-entry'
export { normaliseName }

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
