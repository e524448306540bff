import type { Database, Db } from '@appg-hub/db'
import type { Expression, ExpressionBuilder, SqlBool } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { itemFromRow, participantsOf } from '../items/load'
import { requireActor } from '../memberships/access'
import { can, rolesAllowed } from '../policy'
import { csvCell } from '../text/csv'
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

/**
 * One query: the session with its host groups and the actor's role in each (what `loadSession`
 * reads for the access check), left-joined to its sign-ups with their people; a row for each
 * sign-up, or one row without a sign-up when there is none. No row: no such session.
 */
function sessionWithSignups(db: Db, actor: Actor, id: string) {
  // LIMIT 1 keeps the session a table of its own, read once (not merged into the join, which
  // would read its host groups, and ask whether the caller may list, again for every sign-up).
  const session = db
    .selectFrom('meeting')
    .select([
      'meeting.id',
      'meeting.title',
      'meeting.visibility',
      'meeting.status',
      'meeting.starts_at',
      'meeting.capacity',
      participantsOf(db, 'meeting', 'meeting.id', actor).as('participants'),
      (eb) =>
        eb
          .case()
          .when(hostedBy(eb as never, actor, 'meeting.id'))
          .then(1)
          .else(0)
          .end()
          .as('listed'),
    ])
    .where('meeting.id', '=', id)
    .limit(1)
  return db
    .selectFrom(session.as('s'))
    .leftJoin('signup', (join) => join.onRef('signup.meeting_id', '=', 's.id').on('s.listed', '=', 1))
    .leftJoin('person', 'person.id', 'signup.person_id')
    .select([
      's.id as sessionId',
      's.title',
      's.visibility',
      's.status as sessionStatus',
      's.starts_at',
      's.capacity',
      's.participants',
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
}

/**
 * Whether the actor may see the sign-ups of the session at `idColumn` (`can(access, 'item.edit')`
 * in SQL). The refusal itself is decided on the session's row; this keeps the list from being read
 * at all for a caller who is refused.
 */
function hostedBy(
  eb: ExpressionBuilder<Database, keyof Database>,
  actor: Actor,
  idColumn: string,
): Expression<SqlBool> {
  if (actor.isSiteAdmin) return eb.lit(true) as unknown as Expression<SqlBool>
  return eb.exists(
    eb
      .selectFrom('participant as hp')
      .innerJoin('membership as hm', 'hm.appg_id', 'hp.appg_id')
      .select('hp.appg_id')
      .where('hp.item_type', '=', 'meeting')
      .whereRef('hp.item_id', '=', eb.ref(idColumn as 'meeting.id'))
      .where('hm.person_id', '=', actor.id)
      .where('hm.role', 'in', [...rolesAllowed('item.edit')]),
  )
}

/** The sign-up list, for the hosts: the chair, officers and secretariat of every host group. */
export async function listSignups(
  ctx: ServiceContext,
  input: { id: string },
): Promise<{ title: string; startsAt: string; capacity: number | null; signups: SignupEntry[] }> {
  const actor = requireActor(ctx.actor)
  const rows = await sessionWithSignups(ctx.db, actor, input.id).execute()
  const session = rows[0]
  if (!session) throw notFound('That session')
  const item = itemFromRow(actor, 'meeting', {
    id: session.sessionId,
    title: session.title,
    visibility: session.visibility,
    status: session.sessionStatus,
    participants: session.participants,
  })
  assertCan(item.access, 'item.read', 'That session', '')
  if (!can(item.access, 'item.edit'))
    throw forbidden('Only the chair, officers and secretariat of the host groups can see who signed up.')
  const signups = rows
    // The one row of a session without sign-ups (or read by a caller refused above) holds none.
    .flatMap(({ id, status, created_at, updated_at, ...r }) =>
      id === null || status === null || created_at === null || updated_at === null
        ? []
        : [
            {
              id,
              name: r.erased_at ? 'Former member' : (r.display_name ?? r.name ?? ''),
              email: r.erased_at ? null : (r.personEmail ?? r.email ?? null),
              organisation: r.erased_at ? null : (r.organisation ?? null),
              status,
              hasAccount: r.person_id !== null,
              createdAt: created_at,
              updatedAt: updated_at,
            },
          ],
    )
    .sort(
      (a, b) =>
        STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status) ||
        a.updatedAt.localeCompare(b.updatedAt) ||
        a.id.localeCompare(b.id),
    )
  return {
    title: session.title,
    startsAt: session.starts_at,
    capacity: session.capacity === null ? null : Number(session.capacity),
    signups,
  }
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
