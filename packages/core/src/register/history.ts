/**
 * A group's history across editions of the Register: what changed between editions (officers,
 * benefits, the entry's fields such as purpose and secretariat, topic tags, the membership list,
 * its status), read from the audit events the Register import records, newest first. For the
 * people of the group and the site administrator; the public sees the Register as published.
 */
import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { requireActor } from '../memberships/access'
import { groupIdOf, groupWithRows } from '../memberships/group-rows'
import { can } from '../policy'

export type RegisterHistoryKind = 'entry' | 'status' | 'officers' | 'benefits' | 'tags' | 'members'

export interface RegisterHistoryEntry {
  at: string
  kind: RegisterHistoryKind
  /** One sentence, e.g. "Jo White replaced Sam Green as Chair & Registered Contact". */
  summary: string
}

const ACTIONS: Record<string, RegisterHistoryKind> = {
  'register.group.created': 'status',
  'register.group.deregistered': 'status',
  'register.group.updated': 'entry',
  'register.benefits.replaced': 'benefits',
  'register.officer.added': 'officers',
  'register.officer.removed': 'officers',
  'register.officer.replaced': 'officers',
  'register.officer.changed': 'officers',
  'register.tags.changed': 'tags',
  'register.members.changed': 'members',
}

/** The register entry's fields as the page names them (the import's `changes` keys). */
const FIELD_LABELS: Record<string, string> = {
  title: 'title',
  purpose: 'purpose',
  category: 'category',
  registered_contact_name: 'registered contact',
  registered_contact_address: 'registered contact address',
  registered_contact_email: 'registered contact email',
  public_enquiry_point_name: 'public enquiry point',
  public_enquiry_point_email: 'public enquiry email',
  secretariat: 'secretariat',
  website_url: 'website',
  agm_date: 'AGM date',
  agm_statement_published: 'income and expenditure statement',
  agm_reporting_year: 'reporting year',
  agm_next_deadline: 'next reporting deadline',
  registrable_benefits: 'registrable benefits',
}

type Details = Record<string, unknown>
const str = (v: unknown, fallback: string) => (typeof v === 'string' && v ? v : fallback)
const nameIn = (v: unknown) => str((v as Details | null)?.name, 'a person no longer on record')
const edition = (v: unknown) => {
  const e = str(v, '')
  return /^\d{6}$/.test(e) ? `20${e.slice(0, 2)}-${e.slice(2, 4)}-${e.slice(4)}` : 'an edition'
}

function summarise(action: string, d: Details): string {
  switch (action) {
    case 'register.group.created':
      return d.status === 'deregistered'
        ? `Known as a former group (last listed in ${edition(d.edition)})`
        : `Listed on the Register (edition of ${edition(d.edition)})`
    case 'register.group.deregistered':
      return `Left the Register: not in the edition of ${edition(d.edition)}`
    case 'register.group.updated': {
      const changes = Object.keys((d.changes as Details | undefined) ?? {})
      const back = changes.includes('status') ? 'Back on the Register' : ''
      const fields = changes.filter((k) => k !== 'status').map((k) => FIELD_LABELS[k] ?? k)
      const changed = fields.length > 0 ? `Register entry changed: ${fields.join(', ')}` : ''
      return [back, changed].filter(Boolean).join('; ') || 'Register entry changed'
    }
    case 'register.benefits.replaced': {
      const count = (v: unknown) => (Array.isArray(v) ? v.length : 0)
      return `Benefits changed (${count(d.before)} → ${count(d.after)} entries)`
    }
    case 'register.officer.added':
      return `${nameIn(d)} became ${str(d.title, 'an officer')}`
    case 'register.officer.removed':
      return `${nameIn(d)} is no longer ${str(d.title, 'an officer')}`
    case 'register.officer.replaced':
      return `${nameIn(d.to)} replaced ${nameIn(d.from)} as ${str(d.title, 'officer')}`
    case 'register.officer.changed': {
      const title = (d.title as { from?: unknown; to?: unknown } | undefined) ?? {}
      return `${nameIn(d)} is now ${str(title.to, 'an officer')} (was ${str(title.from, 'an officer')})`
    }
    case 'register.tags.changed': {
      const list = (v: unknown) => (Array.isArray(v) ? (v as string[]) : [])
      const parts = [
        list(d.added).length ? `added ${list(d.added).join('; ')}` : '',
        list(d.removed).length ? `removed ${list(d.removed).join('; ')}` : '',
      ]
      return `Topic tags ${parts.filter(Boolean).join(', ')}`
    }
    default: {
      const n = (v: unknown) => (Array.isArray(v) ? v.length : 0)
      return `Membership list: ${n(d.added)} added, ${n(d.removed)} removed`
    }
  }
}

/** The group's Register history, newest first: one query after the session check, with the group's. */
export async function groupHistory(
  ctx: ServiceContext,
  input: { slug: string },
): Promise<RegisterHistoryEntry[]> {
  const actor = requireActor(ctx.actor)
  const { group, rows } = await groupWithRows(
    ctx.db,
    actor,
    input.slug,
    'item.read',
    ctx.db
      .selectFrom('audit_event')
      .select(['id', 'at', 'action', 'details'])
      .where('appg_id', '=', groupIdOf(input.slug))
      .where('action', 'in', Object.keys(ACTIONS))
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(500),
    [
      ['at', 'desc'],
      ['id', 'desc'],
    ],
    (r) => r.id != null,
  )
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'item.read'))
    throw forbidden(`Only the people of ${group.title} can see its history on the Register.`)
  return rows.map((r) => ({
    at: r.at,
    kind: ACTIONS[r.action]!,
    summary: summarise(r.action, JSON.parse(r.details) as Details),
  }))
}
