/**
 * The agenda: ordered items with speakers, duration and notes. The chair, officers and secretariat
 * of every host group edit it (`item.edit` in any participant group). Each change raises the
 * session's SEQUENCE.
 */

import { indexItem, newId } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden, notFound } from '../errors'
import { requireActor } from '../memberships/access'
import { can } from '../policy'
import { readableSession } from './guards'
import { assertOpen, bumpSession } from './load'

export interface AgendaFields {
  title: string
  speakers?: string | null
  durationMinutes: number
  notes?: string | null
}

async function forAgenda(ctx: ServiceContext, sessionId: string) {
  const actor = requireActor(ctx.actor)
  const { row, item } = await readableSession(ctx, sessionId)
  if (!can(item.access, 'item.edit'))
    throw forbidden('Only the chair, officers and secretariat of the host groups can edit the agenda.')
  assertOpen(row)
  return { actor, row, item }
}

function checkFields(f: Partial<AgendaFields>) {
  if (f.title !== undefined && !f.title.trim()) throw badRequest('Give the agenda item a title.', 'title')
  if (f.durationMinutes !== undefined && (!Number.isInteger(f.durationMinutes) || f.durationMinutes < 0))
    throw badRequest('Give the duration in whole minutes.', 'durationMinutes')
}

export async function addAgendaItem(
  ctx: ServiceContext,
  input: { id: string } & AgendaFields,
): Promise<{ id: string }> {
  const { actor, row, item } = await forAgenda(ctx, input.id)
  checkFields(input)
  const itemId = newId()
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await bumpSession(tx, row.id, now)
    const last = await tx
      .selectFrom('agenda_item')
      .select((eb) => eb.fn.max<number>('position').as('p'))
      .where('meeting_id', '=', row.id)
      .executeTakeFirst()
    await tx
      .insertInto('agenda_item')
      .values({
        id: itemId,
        meeting_id: row.id,
        position: Number(last?.p ?? 0) + 1,
        title: input.title.trim(),
        speakers: input.speakers?.trim() || null,
        duration_minutes: input.durationMinutes,
        notes: input.notes?.trim() || null,
      })
      .execute()
    await indexItem(tx, 'session', row.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.agenda.added',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { agendaItemId: itemId, title: input.title.trim() },
    })
  })
  return { id: itemId }
}

async function agendaRow(ctx: ServiceContext, sessionId: string, itemId: string) {
  const row = await ctx.db
    .selectFrom('agenda_item')
    .selectAll()
    .where('id', '=', itemId)
    .where('meeting_id', '=', sessionId)
    .executeTakeFirst()
  if (!row) throw notFound('That agenda item')
  return row
}

export async function updateAgendaItem(
  ctx: ServiceContext,
  input: { id: string; itemId: string } & Partial<AgendaFields>,
): Promise<{ id: string }> {
  const { actor, row, item } = await forAgenda(ctx, input.id)
  checkFields(input)
  const current = await agendaRow(ctx, row.id, input.itemId)
  const changes: {
    title?: string
    speakers?: string | null
    duration_minutes?: number
    notes?: string | null
  } = {}
  if (input.title !== undefined) changes.title = input.title.trim()
  if (input.speakers !== undefined) changes.speakers = input.speakers?.trim() || null
  if (input.durationMinutes !== undefined) changes.duration_minutes = input.durationMinutes
  if (input.notes !== undefined) changes.notes = input.notes?.trim() || null
  const changed = Object.entries(changes)
    .filter(([k, v]) => current[k as keyof typeof current] !== v)
    .map(([k]) => k)
  if (changed.length === 0) return { id: input.itemId }
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await bumpSession(tx, row.id, now)
    await tx.updateTable('agenda_item').set(changes).where('id', '=', current.id).execute()
    await indexItem(tx, 'session', row.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.agenda.updated',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { agendaItemId: current.id, changed },
    })
  })
  return { id: input.itemId }
}

/** Swaps an item with its neighbour above or below; at either end it is refused. */
export async function moveAgendaItem(
  ctx: ServiceContext,
  input: { id: string; itemId: string; direction: 'up' | 'down' },
): Promise<{ id: string }> {
  const { actor, row, item } = await forAgenda(ctx, input.id)
  const all = await ctx.db
    .selectFrom('agenda_item')
    .select(['id', 'position'])
    .where('meeting_id', '=', row.id)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const index = all.findIndex((a) => a.id === input.itemId)
  if (index < 0) throw notFound('That agenda item')
  const other = all[input.direction === 'up' ? index - 1 : index + 1]
  if (!other)
    throw badRequest(
      `That item is already at the ${input.direction === 'up' ? 'top' : 'bottom'}.`,
      'direction',
    )
  const me = all[index]!
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await bumpSession(tx, row.id, now)
    // Renumber the whole agenda 1..n in the new order: positions stay dense and distinct.
    const order = all.map((a) => a.id)
    order[index] = other.id
    order[all.indexOf(other)] = me.id
    for (const [i, id] of order.entries()) {
      if (all[i]!.position !== i + 1 || id !== all[i]!.id)
        await tx
          .updateTable('agenda_item')
          .set({ position: i + 1 })
          .where('id', '=', id)
          .execute()
    }
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.agenda.moved',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { agendaItemId: me.id, direction: input.direction },
    })
  })
  return { id: input.itemId }
}

export async function removeAgendaItem(
  ctx: ServiceContext,
  input: { id: string; itemId: string },
): Promise<{ removed: true }> {
  const { actor, row, item } = await forAgenda(ctx, input.id)
  const current = await agendaRow(ctx, row.id, input.itemId)
  const now = ctx.clock.now().toISOString()
  await ctx.db.transaction().execute(async (tx) => {
    await bumpSession(tx, row.id, now)
    await tx.deleteFrom('agenda_item').where('id', '=', current.id).execute()
    await indexItem(tx, 'session', row.id)
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'meeting.agenda.removed',
      appgId: item.owner.appgId,
      itemType: 'meeting',
      itemId: row.id,
      details: { agendaItemId: current.id, title: current.title },
    })
  })
  return { removed: true }
}
