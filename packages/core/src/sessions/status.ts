/** A session's course: scheduling it, cancelling it, marking it held. */
import { indexItem } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, conflict, forbidden } from '../errors'
import { itemPath } from '../items/load'
import { ownerCan } from '../items/powers'
import { requireActor } from '../memberships/access'
import { type NotificationInput, notify } from '../notifications/notify'
import { queueEmails } from '../outbox'
import { readableSession } from './guards'
import { chosenVisibility, hostPeople, type SessionRow } from './load'
import { formatLondonRange } from './london'
import { signedUpPeople } from './write'

type Step = 'schedule' | 'cancel' | 'markHeld'

const FROM: Record<Step, SessionRow['status'][]> = {
  schedule: ['draft'],
  cancel: ['draft', 'scheduled'],
  markHeld: ['scheduled'],
}

const DONE: Record<Step, string> = { schedule: 'scheduled', cancel: 'cancelled', markHeld: 'marked as held' }

const TO: Record<Step, SessionRow['status']> = {
  schedule: 'scheduled',
  cancel: 'cancelled',
  markHeld: 'held',
}

/**
 * The owner group's chair and officers schedule, cancel and close sessions (docs/architecture.md §3: "publish,
 * cancel"). The status changes only from the state it was read in, so two clicks count once.
 */
async function transition(
  ctx: ServiceContext,
  id: string,
  step: Step,
  reason: string | null,
): Promise<{ id: string; status: SessionRow['status'] }> {
  const actor = requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, id)
  const verb = step === 'schedule' ? 'schedule' : step === 'cancel' ? 'cancel' : 'mark as held'
  if (!ownerCan(item.access, 'item.invite'))
    throw forbidden(`Only the chair and officers of ${item.owner.title} can ${verb} this session.`)
  if (!FROM[step].includes(row.status))
    throw conflict(`This session is ${row.status}, so it cannot be ${DONE[step]} now.`)
  const now = ctx.clock.now()
  if (step === 'schedule' && row.starts_at <= now.toISOString())
    throw conflict('This session’s start is in the past: change its time before scheduling it.', 'date')
  if (step === 'markHeld' && row.starts_at > now.toISOString())
    throw conflict('This session has not started yet, so it cannot be marked as held.')
  const status = TO[step]
  const nowIso = now.toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('meeting')
      .set({
        status,
        sequence: row.sequence + 1,
        updated_at: nowIso,
        ...(step === 'schedule' ? { visibility: chosenVisibility(row) } : {}),
        ...(step === 'cancel' ? { cancel_reason: reason } : {}),
      })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst()
    if (Number(updated.numUpdatedRows) !== 1)
      throw conflict('Someone else has just changed this session; reload it and try again.')
    await indexItem(tx, 'session', row.id)
    if (step === 'cancel') {
      const people = await signedUpPeople(tx, row.id)
      const text = `The session “${row.title}” on ${formatLondonRange(row.starts_at, row.ends_at)} is cancelled`
      await notify(
        tx,
        ctx,
        actor.id,
        people.map((personId) => ({
          personId,
          kind: 'meeting.cancelled' as const,
          text,
          path: itemPath('meeting', row.id),
          itemType: 'meeting' as const,
          itemId: row.id,
          appgId: item.owner.appgId,
          excerpt: reason,
        })),
      )
      // People who registered interest without an account hear of it by email.
      const interested = await tx
        .selectFrom('signup')
        .select('email')
        .where('meeting_id', '=', row.id)
        .where('status', '=', 'interest')
        .where('email', 'is not', null)
        .execute()
      await queueEmails(
        tx,
        ctx.clock,
        interested.map((s) => ({
          to: s.email!,
          kind: 'meeting.cancelled',
          subject: text,
          body: `${text}.\n\nReason: ${reason}\n\n${ctx.config.publicUrl}${itemPath('meeting', row.id)}`,
        })),
      )
    }
    if (step === 'markHeld') {
      const hosts = await hostPeople(tx, item.access.participantAppgIds)
      const entries: NotificationInput[] = hosts.map((personId) => ({
        personId,
        kind: 'meeting.held',
        text: `The session “${row.title}” was held: attach its minutes`,
        path: itemPath('meeting', row.id),
        itemType: 'meeting',
        itemId: row.id,
        appgId: item.owner.appgId,
      }))
      await notify(tx, ctx, actor.id, entries)
    }
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: `meeting.${status}`,
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { from: row.status, to: status, ...(reason ? { reason } : {}) },
    })
  })
  return { id: row.id, status }
}

export function scheduleSession(ctx: ServiceContext, input: { id: string }) {
  return transition(ctx, input.id, 'schedule', null)
}

export function cancelSession(ctx: ServiceContext, input: { id: string; reason: string }) {
  const reason = input.reason.trim()
  if (!reason) throw badRequest('Say why the session is cancelled.', 'reason')
  return transition(ctx, input.id, 'cancel', reason)
}

export function markSessionHeld(ctx: ServiceContext, input: { id: string }) {
  return transition(ctx, input.id, 'markHeld', null)
}
