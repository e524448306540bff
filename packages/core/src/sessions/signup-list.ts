import type { ServiceContext } from '../context'
import { forbidden } from '../errors'
import { requireActor } from '../memberships/access'
import { can } from '../policy'
import { csvCell } from '../text/csv'
import { readableSession } from './guards'
import { toLondon } from './london'
import type { SignupStatus } from './signups'

export interface SignupEntry {
  id: string
  name: string
  email: string | null
  organisation: string | null
  status: SignupStatus
  /** Whether the person has an account (else they registered interest by email). */
  hasAccount: boolean
  createdAt: string
  updatedAt: string
}

const STATUS_ORDER: SignupStatus[] = [
  'going',
  'waitlist',
  'maybe',
  'interest',
  'interest_unconfirmed',
  'not_going',
]

/** The sign-up list, for the hosts: the chair, officers and secretariat of every host group. */
export async function listSignups(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ title: string; startsAt: string; capacity: number | null; signups: SignupEntry[] }> {
  requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, input.id)
  if (!can(item.access, 'item.edit'))
    throw forbidden('Only the chair, officers and secretariat of the host groups can see who signed up.')
  const rows = await ctx.db
    .selectFrom('signup')
    .leftJoin('person', 'person.id', 'signup.person_id')
    .select([
      'signup.id',
      'signup.status',
      'signup.name',
      'signup.email',
      'signup.created_at',
      'signup.updated_at',
      'signup.person_id',
      'person.display_name',
      'person.email as personEmail',
      'person.organisation',
      'person.erased_at',
    ])
    .where('signup.meeting_id', '=', row.id)
    .execute()
  const signups = rows
    .map((r) => ({
      id: r.id,
      name: r.erased_at ? 'Former member' : (r.display_name ?? r.name ?? ''),
      email: r.erased_at ? null : (r.personEmail ?? r.email ?? null),
      organisation: r.erased_at ? null : (r.organisation ?? null),
      status: r.status,
      hasAccount: r.person_id !== null,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }))
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        a.updatedAt.localeCompare(b.updatedAt) ||
        a.id.localeCompare(b.id),
    )
  return { title: row.title, startsAt: row.starts_at, capacity: row.capacity, signups }
}

const STATUS_LABEL: Record<SignupStatus, string> = {
  going: 'Going',
  maybe: 'Maybe',
  not_going: 'Not going',
  waitlist: 'Waiting list',
  interest: 'Interest (confirmed)',
  interest_unconfirmed: 'Interest (unconfirmed)',
}

/** The sign-up list as CSV (for the hosts only), with times in London time. */
export async function signupsCsv(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ filename: string; csv: string }> {
  const list = await listSignups(ctx, input)
  const lines = [
    ['Name', 'Email', 'Organisation', 'Status', 'Signed up (London time)'].map(csvCell).join(','),
  ]
  for (const s of list.signups) {
    const at = toLondon(s.createdAt)
    lines.push(
      [s.name, s.email, s.organisation, STATUS_LABEL[s.status], `${at.date} ${at.time}`]
        .map(csvCell)
        .join(','),
    )
  }
  const day = toLondon(list.startsAt).date
  return { filename: `signups-${day}-${input.id}.csv`, csv: `${lines.join('\r\n')}\r\n` }
}
