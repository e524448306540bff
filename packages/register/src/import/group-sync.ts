/** A group's own register entry brought in line with the file: the row, its status, benefits and tags. */
import { newId } from '@appg-hub/db'
import type { RegisterBenefit, RegisterEntry, RegisterGroupFields } from '../parse'
import type { ImportRun } from './run'
import type { BenefitRow, GroupRow, GroupState } from './types'
import type { Writes } from './writes'

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

/** A group the database does not hold yet. */
export function newGroup(
  run: ImportRun,
  w: Writes,
  entry: RegisterEntry,
  status: GroupRow['status'],
  now: string,
): GroupState {
  const row: GroupRow = {
    id: newId(),
    slug: entry.slug,
    ...entry.fields,
    status,
    created_at: now,
    updated_at: now,
  }
  const state: GroupState = { row, benefits: [], tags: new Set(), memberships: new Map() }
  run.snapshot.addGroup(state)
  w.groupInsert = { ...row }
  w.audits.push({
    actorId: null,
    action: 'register.group.created',
    appgId: row.id,
    itemType: 'appg',
    itemId: row.id,
    details: { slug: row.slug, title: row.title, status, edition: row.register_edition },
  })
  run.report.groups.created++
  return state
}

/** Brings the register entry up to date; returns whether its content (or status) changed. */
export function updateFields(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  entry: RegisterEntry,
  now: string,
): boolean {
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
  run.snapshot.assign(row, set)
  w.groupUpdate = { id: row.id, set }
  if (!content) return false
  w.audits.push({
    actorId: null,
    action: 'register.group.updated',
    appgId: row.id,
    itemType: 'appg',
    itemId: row.id,
    details: { slug: row.slug, edition: entry.fields.register_edition, changes: changed },
  })
  if (back) run.report.changes.push(`${row.slug}: back on the Register`)
  if (labels.length > 0) run.report.changes.push(`${row.slug}: register entry changed (${labels.join(', ')})`)
  return true
}

/** Makes the group's benefits those of the entry; `announce` records it (not for a new group). */
export function replaceBenefits(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  entry: RegisterEntry,
  announce: boolean,
): boolean {
  const next = entry.benefits.map(benefitRow)
  if (sameBenefits(g.benefits, next)) return false
  const previous = run.snapshot.replace(g, 'benefits', next)
  w.benefitsReplace = {
    appgId: g.row.id,
    rows: next.map((b, position) => ({ id: newId(), appg_id: g.row.id, position, ...b })),
  }
  const report = run.report
  report.benefits.groups++
  report.benefits.added += next.length
  report.benefits.removed += previous.length
  if (announce) {
    w.audits.push({
      actorId: null,
      action: 'register.benefits.replaced',
      appgId: g.row.id,
      itemType: 'appg',
      itemId: g.row.id,
      details: { slug: g.row.slug, before: previous, after: next },
    })
    report.changes.push(`${g.row.slug}: benefits changed (${previous.length} → ${next.length} entries)`)
  }
  return true
}

/** Makes the group's topic tags those of the entry. */
export function syncTags(run: ImportRun, w: Writes, g: GroupState, tags: string[]): boolean {
  // An entry without tags is an unclassified one (as in every edition), not an order to clear them.
  if (tags.length === 0) return false
  const next = new Set(tags)
  const add = tags.filter((t) => !g.tags.has(t))
  const remove = [...g.tags].filter((t) => !next.has(t))
  if (add.length === 0 && remove.length === 0) return false
  run.snapshot.replace(g, 'tags', next)
  for (const tag of add) w.tagInserts.push({ appg_id: g.row.id, tag })
  for (const tag of remove) w.tagDeletes.push({ appg_id: g.row.id, tag })
  const report = run.report
  report.tags.added += add.length
  report.tags.removed += remove.length
  w.audits.push({
    actorId: null,
    action: 'register.tags.changed',
    appgId: g.row.id,
    itemType: 'appg',
    itemId: g.row.id,
    details: { added: add, removed: remove },
  })
  report.changes.push(
    `${g.row.slug}: topic tags ${[add.length ? `added ${add.join('; ')}` : '', remove.length ? `removed ${remove.join('; ')}` : ''].filter(Boolean).join(', ')}`,
  )
  return true
}

/** A group the edition no longer lists: kept, as deregistered. */
export function deregister(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  edition: string | null,
  now: string,
): void {
  const row = g.row
  const lastEdition = row.register_edition
  run.snapshot.assign(row, { status: 'deregistered', updated_at: now })
  w.groupUpdate = { id: row.id, set: { status: 'deregistered', updated_at: now } }
  w.audits.push({
    actorId: null,
    action: 'register.group.deregistered',
    appgId: row.id,
    itemType: 'appg',
    itemId: row.id,
    details: { slug: row.slug, last_edition: lastEdition, edition },
  })
  run.report.groups.deregistered++
  run.report.changes.push(`${row.slug}: deregistered (not in edition ${edition ?? 'imported'})`)
}
