/** Reading a session row with its host groups, and the shared rules of sessions. */
import type { Db, Role, SessionTable, Visibility } from '@appg-hub/db'
import { type Selectable, sql } from 'kysely'
import type { Actor } from '../context'
import { conflict, notFound } from '../errors'
import { itemFromRow, type LoadedItem, participantsOf } from '../items/load'
import { rolesAllowed } from '../policy'

export type SessionRow = Selectable<SessionTable>
export type SessionStatus = SessionRow['status']

/** The visibility the hosts chose (a draft's `visibility` column stays 'participants'). */
export function chosenVisibility(row: Pick<SessionRow, 'visibility' | 'intended_visibility'>): Visibility {
  return row.intended_visibility ?? row.visibility
}

/** One query: the session row and its host groups with the actor's role in each. */
export async function loadSession(
  db: Db,
  actor: Actor | null,
  id: string,
): Promise<{ row: SessionRow; item: LoadedItem }> {
  const row = await db
    .selectFrom('meeting')
    .selectAll('meeting')
    .select(participantsOf(db, 'meeting', 'meeting.id', actor).as('participants'))
    .where('meeting.id', '=', id)
    .executeTakeFirst()
  if (!row) throw notFound('That session')
  const { participants, ...session } = row
  return {
    row: { ...session, capacity: session.capacity === null ? null : Number(session.capacity) } as SessionRow,
    item: itemFromRow(actor, 'meeting', { ...session, participants }),
  }
}

/** Refuses changes to a session that is over (cancelled or held). */
export function assertOpen(row: SessionRow): void {
  if (row.status === 'cancelled' || row.status === 'held')
    throw conflict(`This session is ${row.status}; it can no longer be changed.`)
}

/**
 * Takes the session row's lock for the rest of the transaction (a no-op update: InnoDB locks the
 * row, SQLite runs one writer at a time), so that capacity checks and the waiting list are
 * decided one sign-up at a time.
 */
export async function lockSession(
  tx: Db,
  id: string,
): Promise<{ capacity: number | null; status: SessionStatus }> {
  await tx.updateTable('meeting').set({ sequence: sql<number>`sequence` }).where('id', '=', id).execute()
  // Read again under the lock: capacity and status may have changed since the caller read them.
  const fresh = await tx
    .selectFrom('meeting')
    .select(['capacity', 'status'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
  return { capacity: fresh.capacity === null ? null : Number(fresh.capacity), status: fresh.status }
}

/** Raises the iCalendar SEQUENCE and the change time: every change to a session does. */
export async function bumpSession(tx: Db, id: string, now: string, extra: Partial<SessionRow> = {}) {
  await tx
    .updateTable('meeting')
    .set({ ...extra, sequence: sql<number>`sequence + 1`, updated_at: now })
    .where('id', '=', id)
    .execute()
}

/** The people who prepare sessions for these groups (chair, officers, secretariat). */
export async function hostPeople(db: Db, appgIds: string[]): Promise<string[]> {
  if (appgIds.length === 0) return []
  const rows = await db
    .selectFrom('membership')
    .innerJoin('person', 'person.id', 'membership.person_id')
    .select('membership.person_id')
    .distinct()
    .where('membership.appg_id', 'in', appgIds)
    .where('membership.role', 'in', [...rolesAllowed('item.edit')])
    .where('person.erased_at', 'is', null)
    .execute()
  return rows.map((r) => r.person_id).sort()
}

export function minutesBetween(startsAt: string, endsAt: string): number {
  return Math.round((Date.parse(endsAt) - Date.parse(startsAt)) / 60_000)
}

export type { Role }
