/** Fixtures for documents: a briefing of alpha's, co-authored by beta through the handshake. */
import type { Db } from '@appg-hub/db'
import type { callers } from '../fixtures'
import type { JointWorld } from '../joint-work'

type Api = ReturnType<typeof callers>

export const PARAGRAPHS = 30

/** A body of numbered paragraphs separated by blank lines, with a shared first sentence. */
export function paragraphs(count = PARAGRAPHS): string {
  const lines = ['# Lung cancer briefing', '', 'Shared sentence.']
  for (let i = 0; i < count; i++) lines.push('', `P${i} original.`)
  return lines.join('\n')
}

export async function makeBriefing(
  api: Api,
  world: JointWorld,
  options: {
    body?: string
    visibility?: 'participants' | 'public'
    coAuthor?: boolean
    topicId?: string
  } = {},
) {
  const secretariat = await api.as(world.people.secretariat.id)
  const created = await secretariat.documents.create({
    groupSlug: 'alpha',
    kind: 'briefing',
    title: 'Lung cancer briefing',
    body: options.body ?? paragraphs(),
    visibility: options.visibility ?? 'participants',
    topicId: options.topicId,
  })
  if (options.coAuthor !== false) {
    const officer = await api.as(world.people.officer.id)
    const { invitations } = await officer.invitations.send({
      itemType: 'document',
      itemId: created.id,
      toGroupSlugs: ['beta'],
    })
    await (await api.as(world.people.betaOfficer.id)).invitations.accept({ id: invitations[0]!.id })
  }
  return created
}

/** Every table documents write, ordered, for comparing before and after a refused call. */
export async function documentSnapshot(db: Db) {
  const tables = ['document', 'revision', 'link', 'participant', 'audit_event', 'document_presence'] as const
  const entries = await Promise.all(
    tables.map(async (table) => [table, await db.selectFrom(table).selectAll().execute()] as const),
  )
  return Object.fromEntries(
    entries.map(([table, rows]) => [
      table,
      [...rows].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  )
}
