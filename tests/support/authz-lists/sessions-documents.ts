/**
 * List checks of sessions and documents, against their single reads (sessions.get, documents.get): a
 * group's sessions and documents, the caller's sessions, and a topic's documents.
 */
import { callPath, outcomeOf } from '../authz-run'
import { allPages, groupsOf, type ItemReads, type ListCheck } from './context'

export async function checkSessionsAndDocuments(cx: ListCheck, reads: ItemReads): Promise<void> {
  const { w, trpc, caller, problems } = cx
  const allParticipants = await w.db
    .selectFrom('participant')
    .select(['item_type', 'item_id', 'appg_id'])
    .execute()

  /** Each listed item's single read succeeds; each readable item in `scope` is listed. */
  const checkList = (label: string, type: 'meeting' | 'document', listed: Set<string>, scope: string[]) => {
    for (const id of listed)
      if (!reads.readOk(type, id))
        problems.push(`${label} as ${caller} lists ${type} ${id}, but its single read refuses`)
    for (const id of scope)
      if (reads.readOk(type, id) && !listed.has(id))
        problems.push(`${label} as ${caller} leaves out readable ${type} ${id}`)
  }

  for (const [name, group] of Object.entries(w.groups)) {
    const inGroup = allParticipants
      .filter((p) => p.item_type === 'meeting' && p.appg_id === group.id)
      .map((p) => p.item_id)
    const seen = new Set<string>()
    for (const when of ['upcoming', 'past'] as const) {
      const { outcome, items } = await allPages<{ id: string }>(trpc, 'sessions.listForGroup', {
        slug: group.slug,
        when,
      })
      cx.checks += 1
      if (outcome !== 'ok') problems.push(`sessions.listForGroup(${name}, ${when}) as ${caller}: ${outcome}`)
      for (const m of items) seen.add(m.id)
    }
    checkList(`sessions.listForGroup(${name})`, 'meeting', seen, inGroup)
    const docsInGroup = allParticipants
      .filter((p) => p.item_type === 'document' && p.appg_id === group.id)
      .map((p) => p.item_id)
    const { outcome, items } = await allPages<{ id: string }>(trpc, 'documents.listForGroup', {
      slug: group.slug,
    })
    cx.checks += 1
    if (outcome !== 'ok') problems.push(`documents.listForGroup(${name}) as ${caller}: ${outcome}`)
    checkList(`documents.listForGroup(${name})`, 'document', new Set(items.map((d) => d.id)), docsInGroup)
  }

  if (caller !== 'signedOut') {
    const seen = new Set<string>()
    for (const when of ['upcoming', 'past'] as const) {
      const { outcome, items } = await allPages<{ id: string }>(trpc, 'sessions.mine', { when })
      cx.checks += 1
      if (outcome !== 'ok') problems.push(`sessions.mine(${when}) as ${caller}: ${outcome}`)
      for (const m of items) seen.add(m.id)
    }
    const mine = await groupsOf(cx)
    checkList(
      'sessions.mine',
      'meeting',
      seen,
      allParticipants.filter((p) => p.item_type === 'meeting' && mine.has(p.appg_id)).map((p) => p.item_id),
    )
  }

  // documents.listForTopic ↔ documents.get, for every topic the caller may read
  const links = await w.db.selectFrom('link').selectAll().execute()
  for (const topicId of cx.topics) {
    const result = await callPath(trpc, 'documents.listForTopic', { topicId })
    cx.checks += 1
    const expected = cx.mayRead(topicId) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(
        `documents.listForTopic(${topicId}) as ${caller}: ${outcomeOf(result)}, topics.get answers ${cx.readable.get(topicId)}`,
      )
      continue
    }
    if (!result.ok) continue
    const linked = links
      .filter(
        (l) =>
          (l.from_type === 'document' && l.to_type === 'topic' && l.to_id === topicId) ||
          (l.to_type === 'document' && l.from_type === 'topic' && l.from_id === topicId),
      )
      .map((l) => (l.from_type === 'document' ? l.from_id : l.to_id))
    checkList(
      `documents.listForTopic(${topicId})`,
      'document',
      new Set((result.value as { id: string }[]).map((d) => d.id)),
      linked,
    )
  }
}

/** What single reads show of other items: minutes of a session, links and backlinks. */
export async function checkShownItems(cx: ListCheck, reads: ItemReads): Promise<void> {
  const { trpc, caller, problems } = cx
  const { readOk } = reads
  for (const [id, read] of reads.sessionRead) {
    if (read.outcome !== 'ok') continue
    const view = read.value as {
      minutes: { documentId: string; title: string }[]
      documents: { documentId: string | null; title: string | null; restricted: boolean }[]
    }
    for (const d of view.documents)
      if (!d.restricted && !readOk('document', d.documentId!))
        problems.push(
          `sessions.get(${id}) as ${caller} shows document ${d.documentId}, which documents.get refuses`,
        )
    for (const m of view.minutes)
      if (!readOk('document', m.documentId))
        problems.push(
          `sessions.get(${id}) as ${caller} shows minutes “${m.title}” (document ${m.documentId}), but documents.get answers ${reads.documentRead.get(m.documentId)?.outcome}`,
        )
  }
  type LinkRow = { itemType: string; itemId: string; title: string | null; restricted: boolean }
  const views: [string, LinkRow[]][] = []
  for (const [id, read] of reads.documentRead)
    if (read.outcome === 'ok') {
      const v = read.value as { links: LinkRow[]; backlinks: LinkRow[] }
      views.push([`documents.get(${id})`, [...v.links, ...v.backlinks]])
    }
  for (const id of cx.topics) {
    if (!cx.mayRead(id)) continue
    const r = await callPath(trpc, 'topics.get', { id })
    if (r.ok) views.push([`topics.get(${id})`, (r.value as { links: LinkRow[] }).links])
  }
  for (const [label, rows] of views)
    for (const l of rows) {
      const ok = readOk(l.itemType, l.itemId)
      if (!l.restricted && !ok)
        problems.push(
          `${label} as ${caller} shows ${l.itemType} ${l.itemId} (“${l.title}”), which its single read refuses`,
        )
      if (l.restricted && ok)
        problems.push(
          `${label} as ${caller} shows ${l.itemType} ${l.itemId} as restricted, which its single read allows`,
        )
    }
}
