/**
 * Lists against single reads (docs/architecture.md §3: "a list never shows what a single read would refuse"):
 * for every list procedure and every caller, each listed item's single read succeeds, and every
 * item the caller may read within the list's scope is listed. The single read is the oracle, so
 * the check holds whatever the policy's details.
 */

import type { ListWorld } from './authz-list-world'
import { callPath, outcomeOf } from './authz-run'
import { checkSearch } from './authz-search'
import type { AuthzWorld, CallerName } from './authz-world'

export { type ListWorld, makeListWorld } from './authz-list-world'

type Caller = Awaited<ReturnType<AuthzWorld['api']['as']>>
type Page<T> = { items: T[]; nextCursor: string | null }

/** Every page of a cursor-paginated list (bounded, in case a cursor never ends). */
export async function allPages<T>(
  caller: Caller,
  path: string,
  input: Record<string, unknown>,
): Promise<{ outcome: string; items: T[] }> {
  const items: T[] = []
  let cursor: string | null = null
  for (let page = 0; page < 50; page++) {
    const result = await callPath(caller, path, { ...input, cursor })
    if (!result.ok) return { outcome: outcomeOf(result), items }
    const value = result.value as Page<T>
    items.push(...value.items)
    cursor = value.nextCursor
    if (!cursor) break
  }
  return { outcome: 'ok', items }
}

/** What each list check found wrong, one line per problem. */
export async function checkLists(
  lw: ListWorld,
  caller: CallerName,
): Promise<{ problems: string[]; checks: number; called: Set<string> }> {
  const { w } = lw
  const topics = (await w.db.selectFrom('topic').select('id').execute()).map((t) => t.id)
  const problems: string[] = []
  let checks = 0
  const called = new Set<string>()
  const trpc = recording(await w.api.as(w.idOf(caller)), called)
  const readable = new Map<string, string>()
  for (const id of topics) readable.set(id, outcomeOf(await callPath(trpc, 'topics.get', { id })))
  const mayRead = (id: string) => readable.get(id) === 'ok'

  // register.list ↔ register.group
  {
    const { outcome, items } = await allPages<{ slug: string }>(trpc, 'register.list', {
      status: 'all',
      limit: 100,
    })
    checks += 1
    if (outcome !== 'ok') problems.push(`register.list as ${caller}: ${outcome}`)
    const all = (await w.db.selectFrom('appg').select('slug').execute()).map((g) => g.slug).sort()
    if (JSON.stringify(items.map((g) => g.slug).sort()) !== JSON.stringify(all))
      problems.push(`register.list as ${caller}: lists ${items.length} of ${all.length} groups`)
    for (const g of items) {
      const got = outcomeOf(await callPath(trpc, 'register.group', { slug: g.slug }))
      if (got !== 'ok')
        problems.push(`register.list as ${caller} lists ${g.slug}, but register.group answers ${got}`)
    }
  }

  // people.participants ↔ the group's memberships: only accounts of that group, none of the Register's people
  for (const [name, group] of Object.entries(w.groups)) {
    const result = await callPath(trpc, 'people.participants', { slug: group.slug })
    checks += 1
    if (!result.ok) continue
    const members = await w.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select('person.id')
      .where('membership.appg_id', '=', group.id)
      .where('person.email', 'is not', null)
      .where('person.erased_at', 'is', null)
      .execute()
    const accounts = new Set(members.map((m) => m.id))
    const listed = (result.value as { participants: { personId: string }[] }).participants
    for (const p of listed)
      if (!accounts.has(p.personId))
        problems.push(
          `people.participants(${name}) as ${caller} lists ${p.personId}, not an account of the group`,
        )
    if (listed.length !== accounts.size)
      problems.push(
        `people.participants(${name}) as ${caller} lists ${listed.length} of ${accounts.size} accounts`,
      )
  }

  // people.withoutOfficerAccount ↔ people.participants: a listed group has no chair or officer account
  {
    const result = await callPath(trpc, 'people.withoutOfficerAccount', undefined)
    checks += 1
    if (result.ok)
      for (const g of result.value as { slug: string }[]) {
        const read = await callPath(trpc, 'people.participants', { slug: g.slug })
        const officers = read.ok
          ? (read.value as { participants: { role: string }[] }).participants.filter(
              (p) => p.role === 'chair' || p.role === 'officer',
            )
          : []
        if (!read.ok || officers.length > 0)
          problems.push(
            `people.withoutOfficerAccount as ${caller} lists ${g.slug}, which people.participants shows with ${officers.length} officer accounts (${outcomeOf(read)})`,
          )
      }
  }

  // topics.listForGroup ↔ topics.get, for every group
  const participants = await w.db
    .selectFrom('participant')
    .select(['item_id', 'appg_id'])
    .where('item_type', '=', 'topic')
    .execute()
  for (const [name, group] of Object.entries(w.groups)) {
    const { outcome, items } = await allPages<{ id: string }>(trpc, 'topics.listForGroup', {
      slug: group.slug,
    })
    checks += 1
    if (outcome !== 'ok') {
      problems.push(`topics.listForGroup(${name}) as ${caller}: ${outcome}`)
      continue
    }
    const listed = new Set(items.map((t) => t.id))
    for (const id of listed)
      if (!mayRead(id))
        problems.push(
          `topics.listForGroup(${name}) as ${caller} lists ${id}, but topics.get answers ${readable.get(id)}`,
        )
    for (const p of participants.filter((p) => p.appg_id === group.id))
      if (mayRead(p.item_id) && !listed.has(p.item_id))
        problems.push(`topics.listForGroup(${name}) as ${caller} leaves out readable topic ${p.item_id}`)
  }

  // topics.dashboard ↔ topics.get, within the caller's groups
  if (caller !== 'signedOut') {
    const { outcome, items } = await allPages<{ id: string }>(trpc, 'topics.dashboard', {})
    checks += 1
    if (outcome !== 'ok') problems.push(`topics.dashboard as ${caller}: ${outcome}`)
    const mine = new Set(
      (
        await w.db
          .selectFrom('membership')
          .select('appg_id')
          .where('person_id', '=', w.idOf(caller)!)
          .execute()
      ).map((m) => m.appg_id),
    )
    const listed = new Set(items.map((t) => t.id))
    for (const id of listed)
      if (!mayRead(id))
        problems.push(`topics.dashboard as ${caller} lists ${id}, but topics.get answers ${readable.get(id)}`)
    for (const p of participants.filter((p) => mine.has(p.appg_id)))
      if (mayRead(p.item_id) && !listed.has(p.item_id))
        problems.push(
          `topics.dashboard as ${caller} leaves out readable topic ${p.item_id} of one of their groups`,
        )
  }

  // comments.list ↔ topics.get (the item) and comments.history (each comment)
  const commented = await w.db
    .selectFrom('comment')
    .select(['id', 'item_id', 'parent_id'])
    .where('item_type', '=', 'topic')
    .execute()
  for (const itemId of new Set(commented.map((c) => c.item_id))) {
    const { outcome, items } = await allPages<{
      id: string
      body: string | null
      deleted: boolean
      hidden: unknown
      replies: { id: string; body: string | null; deleted: boolean; hidden: unknown }[]
    }>(trpc, 'comments.list', { itemType: 'topic', itemId })
    checks += 1
    const expected = mayRead(itemId) ? 'ok' : 'NOT_FOUND'
    if (outcome !== expected) {
      problems.push(
        `comments.list(${itemId}) as ${caller}: ${outcome}, while topics.get answers ${readable.get(itemId)}`,
      )
      continue
    }
    if (outcome !== 'ok') continue
    const flat = items.flatMap((c) => [c, ...c.replies])
    const inDb = commented.filter((c) => c.item_id === itemId)
    if (flat.length !== inDb.length)
      problems.push(
        `comments.list(${itemId}) as ${caller}: shows ${flat.length} of ${inDb.length} comments (placeholders included)`,
      )
    if (caller === 'signedOut') continue
    for (const c of flat) {
      if (c.deleted) continue
      const history = await callPath(trpc, 'comments.history', { id: c.id })
      const got = outcomeOf(history)
      // Words the list shows, history shows; words the list withholds (hidden), history withholds.
      if (c.body !== null && got !== 'ok')
        problems.push(`comments.list shows comment ${c.id} to ${caller}, but comments.history answers ${got}`)
      if (c.body === null && got === 'ok')
        problems.push(
          `comments.list withholds hidden comment ${c.id} from ${caller}, but comments.history shows it`,
        )
    }
  }

  // invitations.forGroup: only the group's invitations, all of them
  if (caller !== 'signedOut') {
    for (const [name, group] of Object.entries(w.groups)) {
      const result = await callPath(trpc, 'invitations.forGroup', { slug: group.slug })
      checks += 1
      if (!result.ok) continue
      const value = result.value as {
        received: { id: string }[]
        sent: { id: string }[]
        history: { id: string }[]
      }
      const listed = new Set([...value.received, ...value.sent, ...value.history].map((i) => i.id))
      const ours = await w.db
        .selectFrom('invitation')
        .select('id')
        .where((eb) => eb.or([eb('from_appg_id', '=', group.id), eb('to_appg_id', '=', group.id)]))
        .execute()
      const oursSet = new Set(ours.map((i) => i.id))
      for (const id of listed)
        if (!oursSet.has(id))
          problems.push(`invitations.forGroup(${name}) as ${caller} lists another group's invitation ${id}`)
      for (const id of oursSet)
        if (!listed.has(id)) problems.push(`invitations.forGroup(${name}) as ${caller} leaves out ${id}`)
    }
  }

  // notifications.list: mine, all of them; a comment's words only where comments.list shows them
  if (caller !== 'signedOut') {
    const { outcome, items } = await allPages<{ id: string; text: string }>(trpc, 'notifications.list', {})
    const shownBodies = new Set<string>()
    for (const itemId of new Set(commented.map((c) => c.item_id))) {
      const r = await allPages<{
        id: string
        body: string | null
        replies: { id: string; body: string | null }[]
      }>(trpc, 'comments.list', { itemType: 'topic', itemId })
      for (const c of r.items.flatMap((x) => [x, ...x.replies])) if (c.body !== null) shownBodies.add(c.id)
    }
    // Words of a discussion the caller cannot read (any more), or that it withholds, are not quoted.
    for (const n of items) {
      const marker = /EXCERPT-([\w-]+)/.exec(n.text)
      if (marker && !shownBodies.has(marker[1]!))
        problems.push(
          `notifications.list as ${caller} quotes comment ${marker[1]}, whose words comments.list withholds`,
        )
    }
    checks += 1
    if (outcome !== 'ok') problems.push(`notifications.list as ${caller}: ${outcome}`)
    const mine = (
      await w.db.selectFrom('notification').select('id').where('person_id', '=', w.idOf(caller)!).execute()
    )
      .map((n) => n.id)
      .sort()
    if (JSON.stringify(items.map((n) => n.id).sort()) !== JSON.stringify(mine))
      problems.push(`notifications.list as ${caller}: lists ${items.length}, holds ${mine.length} of theirs`)
  }

  // Sessions and documents: the single reads are the oracle.
  const sessionIds = (await w.db.selectFrom('meeting').select('id').execute()).map((m) => m.id)
  const documentIds = (await w.db.selectFrom('document').select('id').execute()).map((d) => d.id)
  const sessionRead = new Map<string, { outcome: string; value: unknown }>()
  for (const id of sessionIds) {
    const r = await callPath(trpc, 'sessions.get', { id })
    sessionRead.set(id, { outcome: outcomeOf(r), value: r.ok ? r.value : null })
  }
  const documentRead = new Map<string, { outcome: string; value: unknown }>()
  for (const id of documentIds) {
    const r = await callPath(trpc, 'documents.get', { id })
    documentRead.set(id, { outcome: outcomeOf(r), value: r.ok ? r.value : null })
  }
  const readOk = (type: string, id: string) =>
    (type === 'topic'
      ? readable.get(id)
      : type === 'meeting'
        ? sessionRead.get(id)?.outcome
        : documentRead.get(id)?.outcome) === 'ok'
  const allParticipants = await w.db
    .selectFrom('participant')
    .select(['item_type', 'item_id', 'appg_id'])
    .execute()

  const checkList = (label: string, type: 'meeting' | 'document', listed: Set<string>, scope: string[]) => {
    for (const id of listed)
      if (!readOk(type, id))
        problems.push(`${label} as ${caller} lists ${type} ${id}, but its single read refuses`)
    for (const id of scope)
      if (readOk(type, id) && !listed.has(id))
        problems.push(`${label} as ${caller} leaves out readable ${type} ${id}`)
  }

  const now = w.api.clock.now().toISOString()
  const sessionRows = await w.db.selectFrom('meeting').select(['id', 'ends_at', 'starts_at']).execute()
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
      checks += 1
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
    checks += 1
    if (outcome !== 'ok') problems.push(`documents.listForGroup(${name}) as ${caller}: ${outcome}`)
    checkList(`documents.listForGroup(${name})`, 'document', new Set(items.map((d) => d.id)), docsInGroup)
  }
  void sessionRows
  void now

  if (caller !== 'signedOut') {
    const seen = new Set<string>()
    for (const when of ['upcoming', 'past'] as const) {
      const { outcome, items } = await allPages<{ id: string }>(trpc, 'sessions.mine', { when })
      checks += 1
      if (outcome !== 'ok') problems.push(`sessions.mine(${when}) as ${caller}: ${outcome}`)
      for (const m of items) seen.add(m.id)
    }
    const mine = new Set(
      (
        await w.db
          .selectFrom('membership')
          .select('appg_id')
          .where('person_id', '=', w.idOf(caller)!)
          .execute()
      ).map((m) => m.appg_id),
    )
    checkList(
      'sessions.mine',
      'meeting',
      seen,
      allParticipants.filter((p) => p.item_type === 'meeting' && mine.has(p.appg_id)).map((p) => p.item_id),
    )
  }

  // documents.listForTopic ↔ documents.get, for every topic the caller may read
  const links = await w.db.selectFrom('link').selectAll().execute()
  for (const topicId of topics) {
    const result = await callPath(trpc, 'documents.listForTopic', { topicId })
    checks += 1
    const expected = mayRead(topicId) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(
        `documents.listForTopic(${topicId}) as ${caller}: ${outcomeOf(result)}, topics.get answers ${readable.get(topicId)}`,
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

  // publication.waiting ↔ publication.get: each request listed is one the single read offers the
  // caller to answer, and every request it offers to answer is listed.
  {
    const r = await callPath(trpc, 'publication.waiting', undefined)
    checks += 1
    if (caller === 'signedOut') {
      if (r.ok) problems.push('publication.waiting answers signed out')
    } else if (!r.ok) {
      problems.push(`publication.waiting as ${caller}: ${outcomeOf(r)}`)
    } else {
      const listed = new Set((r.value as { id: string }[]).map((x) => x.id))
      const pending = await w.db
        .selectFrom('publication_request')
        .select(['id', 'item_type', 'item_id'])
        .where('status', '=', 'pending')
        .execute()
      for (const p of pending) {
        const panel = await callPath(trpc, 'publication.get', { itemType: p.item_type, itemId: p.item_id })
        const answers =
          panel.ok &&
          ((panel.value as { latest: { canAnswer: string[] } | null }).latest?.canAnswer.length ?? 0) > 0
        if (listed.has(p.id) && !answers)
          problems.push(
            `publication.waiting as ${caller} lists ${p.id}, which publication.get does not offer`,
          )
        if (!listed.has(p.id) && answers)
          problems.push(`publication.waiting as ${caller} leaves out ${p.id}, which publication.get offers`)
      }
    }
  }

  // What single reads show of other items: minutes of a session, links and backlinks.
  for (const [id, read] of sessionRead) {
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
          `sessions.get(${id}) as ${caller} shows minutes “${m.title}” (document ${m.documentId}), but documents.get answers ${documentRead.get(m.documentId)?.outcome}`,
        )
  }
  type LinkRow = { itemType: string; itemId: string; title: string | null; restricted: boolean }
  const views: [string, LinkRow[]][] = []
  for (const [id, read] of documentRead)
    if (read.outcome === 'ok') {
      const v = read.value as { links: LinkRow[]; backlinks: LinkRow[] }
      views.push([`documents.get(${id})`, [...v.links, ...v.backlinks]])
    }
  for (const id of topics) {
    if (!mayRead(id)) continue
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

  // search.query ↔ the single reads of what it finds
  const search = await checkSearch(w, trpc, caller, readOk)
  problems.push(...search.problems)
  checks += search.checks
  // files.list ↔ files.get (each version), and both ↔ the item's single read (for a comment, the
  // words comments.list shows).
  const attachments = await w.db.selectFrom('attachment').select(['id', 'item_type', 'item_id']).execute()
  const fileRead = new Map<string, string>()
  for (const a of attachments) fileRead.set(a.id, outcomeOf(await callPath(trpc, 'files.get', { id: a.id })))
  const commentShown = new Map<string, boolean>()
  for (const itemId of new Set(commented.map((c) => c.item_id))) {
    const r = await allPages<{
      id: string
      body: string | null
      replies: { id: string; body: string | null }[]
    }>(trpc, 'comments.list', { itemType: 'topic', itemId })
    for (const c of r.items.flatMap((x) => [x, ...x.replies])) commentShown.set(c.id, c.body !== null)
  }
  const targets = new Map(attachments.map((a) => [`${a.item_type}:${a.item_id}`, a]))
  for (const { item_type: type, item_id: id } of targets.values()) {
    const result = await callPath(trpc, 'files.list', { targetType: type, targetId: id })
    checks += 1
    const label = `files.list(${type} ${id}) as ${caller}`
    const expected = (type === 'comment' ? commentShown.get(id) : readOk(type, id)) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(`${label}: ${outcomeOf(result)}, while the ${type}'s own read says ${expected}`)
      continue
    }
    const listed = new Set(
      result.ok
        ? (result.value as { items: { versions: { id: string }[] }[] }).items.flatMap((f) =>
            f.versions.map((v) => v.id),
          )
        : [],
    )
    for (const fileId of listed)
      if (fileRead.get(fileId) !== 'ok')
        problems.push(`${label} lists file ${fileId}, but files.get answers ${fileRead.get(fileId)}`)
    for (const a of attachments)
      if (a.item_type === type && a.item_id === id && fileRead.get(a.id) === 'ok' && !listed.has(a.id))
        problems.push(`${label} leaves out file ${a.id}, which files.get gives`)
  }

  // files.forComments ↔ files.get, for every topic with comments
  for (const topicId of new Set(commented.map((c) => c.item_id))) {
    const result = await callPath(trpc, 'files.forComments', { itemType: 'topic', itemId: topicId })
    checks += 1
    const label = `files.forComments(topic ${topicId}) as ${caller}`
    const expected = mayRead(topicId) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(`${label}: ${outcomeOf(result)}, while topics.get answers ${readable.get(topicId)}`)
      continue
    }
    if (!result.ok) continue
    const value = result.value as {
      comments: { commentId: string; items: { versions: { id: string }[] }[] }[]
    }
    const listed = new Set(value.comments.flatMap((c) => c.items.flatMap((f) => f.versions.map((v) => v.id))))
    for (const fileId of listed)
      if (fileRead.get(fileId) !== 'ok')
        problems.push(`${label} lists file ${fileId}, but files.get answers ${fileRead.get(fileId)}`)
    const onTopic = new Set(commented.filter((c) => c.item_id === topicId).map((c) => c.id))
    for (const a of attachments)
      if (
        a.item_type === 'comment' &&
        onTopic.has(a.item_id) &&
        fileRead.get(a.id) === 'ok' &&
        !listed.has(a.id)
      )
        problems.push(`${label} leaves out file ${a.id}, which files.get gives`)
  }

  return { problems, checks, called }
}

/**
 * The caller, noting each procedure called through it (for the completeness check against
 * tests/authz/list-cases.ts: a list no check calls fails the suite).
 */
function recording<T extends object>(caller: T, called: Set<string>, path: string[] = []): T {
  // biome-ignore lint/suspicious/noExplicitAny: a tRPC caller's shape is only known by path here.
  const at = (): any => path.reduce((node: any, part) => node[part], caller)
  return new Proxy(() => {}, {
    get: (_target, part) =>
      typeof part === 'string' ? recording(caller, called, [...path, part]) : undefined,
    apply: (_target, _this, args) => {
      called.add(path.join('.'))
      return at()(...args)
    },
  }) as unknown as T
}
