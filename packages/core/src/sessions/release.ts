/**
 * Sign-ups of people who may no longer read a session (they left or were removed from the group,
 * or their group left or was taken out of the session) are released, so that they hold no place,
 * their names leave the hosts' list and CSV, and the waiting list moves. Sessions that are over
 * or cancelled keep their record.
 */
import type { Db } from '@appg-hub/db'
import { audit } from '../audit'
import type { Clock } from '../clock'
import type { HubConfig } from '../context'
import { rolesAllowed } from '../policy'
import { lockSession } from './load'
import { promoteWaiting } from './signups'

export async function releaseLostSignups(
  tx: Db,
  ctx: { clock: Clock; config: HubConfig },
  scope: { personId?: string; sessionId?: string },
  actorId: string | null,
): Promise<number> {
  let query = tx
    .selectFrom('signup as s')
    .innerJoin('meeting as m', 'm.id', 's.meeting_id')
    .innerJoin('person as p', 'p.id', 's.person_id')
    .select(['s.id', 's.meeting_id', 's.person_id', 's.status'])
    .where('m.status', 'in', ['draft', 'scheduled'])
    .where('m.visibility', '!=', 'public')
    .where('p.is_site_admin', '=', 0)
    .where('s.status', 'in', ['going', 'maybe', 'not_going', 'waitlist'])
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('participant as rp')
            .innerJoin('membership as rm', 'rm.appg_id', 'rp.appg_id')
            .select('rp.appg_id')
            .where('rp.item_type', '=', 'meeting')
            .whereRef('rp.item_id', '=', 's.meeting_id')
            .whereRef('rm.person_id', '=', 's.person_id')
            .where('rm.role', 'in', [...rolesAllowed('item.read')]),
        ),
      ),
    )
  if (scope.personId) query = query.where('s.person_id', '=', scope.personId)
  if (scope.sessionId) query = query.where('s.meeting_id', '=', scope.sessionId)
  const lost = await query.execute()
  if (lost.length === 0) return 0
  const sessionIds = [...new Set(lost.map((s) => s.meeting_id))]
  for (const sessionId of sessionIds) await lockSession(tx, sessionId)
  await tx
    .deleteFrom('signup')
    .where(
      'id',
      'in',
      lost.map((s) => s.id),
    )
    .execute()
  for (const s of lost)
    await audit(tx, ctx.clock, {
      actorId,
      action: 'meeting.signup.released',
      itemType: 'meeting',
      itemId: s.meeting_id,
      details: { signupId: s.id, personId: s.person_id, from: s.status },
    })
  const sessions = await tx
    .selectFrom('meeting')
    .select(['id', 'title', 'capacity', 'status', 'starts_at', 'ends_at', 'appg_id'])
    .where('id', 'in', sessionIds)
    .execute()
  for (const session of sessions)
    await promoteWaiting(
      tx,
      ctx,
      { ...session, capacity: session.capacity === null ? null : Number(session.capacity) },
      actorId,
    )
  return lost.length
}
