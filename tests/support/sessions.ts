/**
 * Fixtures for co-hosted sessions: a session of alpha's made through the API, co-hosts joined
 * through the handshake, a document row for minutes, and a snapshot of every table sessions write.
 */
import type { Db } from '@appg-hub/db'
import { newId } from '@appg-hub/db'
import type { callers } from './fixtures'
import type { JointWorld } from './joint-work'

type Api = ReturnType<typeof callers>

/** 29 June 2026, 09:00 UTC: the fake clock these suites start at. */
export const SESSION_NOW = new Date('2026-06-29T09:00:00.000Z')

export async function makeSession(
  api: Api,
  world: JointWorld,
  options: {
    by?: string
    title?: string
    visibility?: 'participants' | 'public'
    capacity?: number | null
    date?: string
    startTime?: string
    endTime?: string
    topicId?: string | null
    /** Keeps a session on a topic to these of the topic's groups (absent: all of them). */
    groups?: string[]
    schedule?: boolean
  } = {},
) {
  const caller = await api.as(options.by ?? world.people.secretariat.id)
  const { id } = await caller.sessions.create({
    groupSlug: 'alpha',
    title: options.title ?? 'Screening roundtable',
    description: 'A roundtable on **lung cancer screening**.',
    date: options.date ?? '2026-07-15',
    startTime: options.startTime ?? '10:00',
    endTime: options.endTime ?? '11:30',
    place: 'Committee Room 10, House of Commons',
    visibility: options.visibility ?? 'participants',
    capacity: options.capacity === undefined ? 2 : options.capacity,
    topicId: options.topicId ?? null,
    groups: options.groups,
  })
  if (options.schedule) await (await api.as(world.people.officer.id)).sessions.schedule({ id })
  return id
}

/** Alpha's officer invites `slug` to co-host; its officer accepts. */
export async function cohost(api: Api, world: JointWorld, sessionId: string, slug: 'beta' | 'gamma') {
  const officer = await api.as(world.people.officer.id)
  const { invitations } = await officer.invitations.send({
    itemType: 'meeting',
    itemId: sessionId,
    toGroupSlugs: [slug],
  })
  const answerer = await api.as(slug === 'beta' ? world.people.betaOfficer.id : world.people.gammaOfficer.id)
  await answerer.invitations.accept({ id: invitations[0]!.id })
}

/** A document row owned by `appgId` (documents have their own suite; this is only a target for links). */
export async function makeDocument(
  db: Db,
  appgId: string,
  createdBy: string,
  title = 'Minutes of the roundtable',
  options: { visibility?: 'participants' | 'public'; status?: 'draft' | 'published' } = {},
) {
  const id = newId()
  const now = new Date().toISOString()
  await db
    .insertInto('document')
    .values({
      id,
      appg_id: appgId,
      kind: 'minutes',
      title,
      status: options.status ?? 'draft',
      visibility: options.visibility ?? 'participants',
      head_revision_id: null,
      head_number: 0,
      created_by: createdBy,
      created_at: now,
      updated_at: now,
    })
    .execute()
  await db
    .insertInto('participant')
    .values({ item_type: 'document', item_id: id, appg_id: appgId, is_owner: 1, joined_at: now })
    .execute()
  return id
}

/** Every table sessions write, ordered, for comparing before and after a refused call. */
export async function sessionSnapshot(db: Db) {
  const tables = [
    'meeting',
    'agenda_item',
    'signup',
    'participant',
    'invitation',
    'link',
    'follow',
    'notification',
    'email_outbox',
    'audit_event',
  ] as const
  const entries = await Promise.all(
    tables.map(async (table) => [table, await db.selectFrom(table).selectAll().execute()] as const),
  )
  const person = await db.selectFrom('person').select(['id', 'calendar_token_hash']).execute()
  return {
    ...Object.fromEntries(
      entries.map(([table, rows]) => [
        table,
        [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
      ]),
    ),
    person: person.sort((a, b) => a.id.localeCompare(b.id)),
  }
}
