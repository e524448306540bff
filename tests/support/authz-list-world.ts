/**
 * The world the list checks (authz-lists.ts) run in: the matrix's world with more than a page of
 * topics, and items, discussion, invitations, notifications, publication requests and files in
 * every shape and state.
 */
import { type Db, rebuildSearchIndex } from '@appg-hub/db'
import { CALLERS, type GroupName, makeAuthzWorld } from './authz-world'

/** A richer world than the matrix's: more than a page of topics, in every shape and state. */
export async function makeListWorld(db: Db) {
  const w = await makeAuthzWorld(db)
  const shapes: { owner: GroupName; partners: GroupName[]; visibility: 'participants' | 'public' }[] = [
    { owner: 'alpha', partners: [], visibility: 'participants' },
    { owner: 'alpha', partners: ['beta'], visibility: 'participants' },
    { owner: 'alpha', partners: ['gamma'], visibility: 'public' },
    { owner: 'beta', partners: ['alpha'], visibility: 'participants' },
    { owner: 'beta', partners: [], visibility: 'participants' },
    { owner: 'gamma', partners: [], visibility: 'participants' },
    { owner: 'delta', partners: ['epsilon'], visibility: 'participants' },
    { owner: 'delta', partners: ['epsilon'], visibility: 'public' },
    { owner: 'epsilon', partners: ['beta', 'delta'], visibility: 'participants' },
  ]
  const topics: string[] = []
  for (const shape of shapes)
    for (const status of ['open', 'closed', 'archived', 'open'] as const)
      topics.push(await w.make.topic(shape, { status }))
  // Discussion on a few: visible, hidden, deleted, replies.
  for (const id of topics.filter((_, i) => i % 4 === 0)) {
    const a = await w.make.comment('topic', id, w.person.deltaMember!.id)
    await w.make.comment('topic', id, w.person.betaMember!.id, { hidden: true })
    await w.make.comment('topic', id, w.person.member!.id, { parentId: a })
    await w.make.comment('topic', id, w.person.officer!.id, { parentId: a, hidden: true })
    const gone = await w.make.comment('topic', id, w.person.gammaMember!.id)
    await db
      .updateTable('comment')
      .set({ deleted_at: new Date().toISOString() })
      .where('id', '=', gone)
      .execute()
  }
  // Invitations between every pair that has a caller on one side.
  const pairs: [GroupName, GroupName][] = [
    ['alpha', 'epsilon'],
    ['epsilon', 'alpha'],
    ['beta', 'gamma'],
    ['delta', 'beta'],
    ['delta', 'epsilon'],
  ]
  for (const [from, to] of pairs) {
    const id = await w.make.topic({ owner: from, partners: [], visibility: 'participants' })
    await w.make.invitation('topic', id, from, to)
  }
  for (const caller of CALLERS)
    if (caller !== 'signedOut')
      for (let i = 0; i < 3; i++) await w.make.notification(w.idOf(caller)!, `For ${caller} ${i}`)

  // Notifications about comments, some of which moderators later hid: the excerpt is a marker.
  const hiddenOrNot = await db
    .selectFrom('comment')
    .select(['id', 'item_id'])
    .where('item_type', '=', 'topic')
    .execute()
  for (const caller of CALLERS) {
    if (caller === 'signedOut') continue
    for (const c of hiddenOrNot) {
      await db
        .insertInto('notification')
        .values({
          id: `${c.id.slice(0, 20)}-${caller}`.slice(0, 36),
          person_id: w.idOf(caller)!,
          kind: 'comment.added',
          item_type: 'topic',
          item_id: c.item_id,
          appg_id: null,
          actor_id: null,
          text: 'Someone commented',
          created_at: new Date().toISOString(),
          read_at: null,
          emailed_at: null,
          comment_id: c.id,
          link_path: `/topics/${c.item_id}#comment-${c.id}`,
          excerpt: `EXCERPT-${c.id}`,
        })
        .execute()
    }
  }

  // Sessions in every shape and state, upcoming and past; documents drafted and published.
  const sessions: string[] = []
  const documents: string[] = []
  for (const shape of shapes) {
    for (const status of ['draft', 'scheduled', 'cancelled'] as const)
      sessions.push(await w.make.session(shape, { status }))
    sessions.push(await w.make.session(shape, { status: 'held', past: true }))
    for (const status of ['draft', 'published'] as const)
      documents.push((await w.make.document(shape, { status })).id)
  }
  // Links from documents to items of every readability, and minutes of held sessions: among them
  // a host group's draft meant to be public (a draft is for its own participants only).
  for (const [i, documentId] of documents.entries()) {
    await w.make.link(documentId, 'topic', topics[(i * 3) % topics.length]!)
    await w.make.link(documentId, 'meeting', sessions[(i * 5) % sessions.length]!)
    await w.make.link(documentId, 'document', documents[(i + 7) % documents.length]!)
  }
  // Sessions on topics (as sessions.create links them), of every readability either side.
  for (const [i, sessionId] of sessions.entries()) {
    if (i % 2) continue
    await db
      .insertInto('link')
      .values({
        id: `${sessionId.slice(0, 24)}-on-topic`,
        from_type: 'meeting',
        from_id: sessionId,
        to_type: 'topic',
        to_id: topics[(i * 7) % topics.length]!,
        link_type: 'references',
        origin: 'explicit',
        created_by: w.person.officer!.id,
        created_at: new Date().toISOString(),
      })
      .execute()
  }
  const heldShapes = [
    { owner: 'alpha', partners: ['beta'], visibility: 'public' },
    { owner: 'delta', partners: ['epsilon'], visibility: 'public' },
    { owner: 'beta', partners: ['alpha'], visibility: 'participants' },
  ] as const
  for (const shape of heldShapes) {
    const sessionId = await w.make.session(
      { ...shape, partners: [...shape.partners] },
      { status: 'held', past: true },
    )
    sessions.push(sessionId)
    for (const [owner, status, visibility] of [
      [shape.owner, 'published', 'public'],
      [shape.partners[0], 'draft', 'public'],
      [shape.partners[0], 'draft', 'participants'],
    ] as const) {
      const d = await w.make.document({ owner, partners: [], visibility }, { status })
      documents.push(d.id)
      await db
        .insertInto('link')
        .values({
          id: `${d.id}-minutes`.slice(0, 36),
          from_type: 'document',
          from_id: d.id,
          to_type: 'meeting',
          to_id: sessionId,
          link_type: 'minutes_of',
          origin: 'explicit',
          created_by: w.ownerOfficer[owner],
          created_at: new Date().toISOString(),
        })
        .execute()
    }
  }
  // Published documents whose groups have saved a working draft since (its words differ).
  for (const shape of shapes)
    documents.push(
      (await w.make.document(shape, { status: 'published', revisions: 2, publishedNumber: 1 })).id,
    )
  // Publication requests waiting for consent, on topics and documents of every shape.
  const requests: string[] = []
  for (const [i, shape] of shapes.entries()) {
    // The relations whose owner group this shape shares (the request is asked by that group).
    const relation = ({ alpha: 'own', beta: 'partner', delta: 'unrelated' } as const)[
      shape.owner as 'alpha' | 'beta' | 'delta'
    ]
    if (shape.visibility === 'public' || !relation) continue
    const topicId = topics[i * 4]!
    requests.push(await w.make.publicationRequest('topic', topicId, relation))
    requests.push(await w.make.publicationRequest('document', documents[i * 2]!, relation))
  }
  // The factories write rows directly: index them as `hub reindex` would.
  await rebuildSearchIndex(db)
  // Files on items of every shape, on comments shown, hidden and deleted, and a deleted file.
  const ownerOfItem = async (type: 'topic' | 'meeting' | 'document', id: string) => {
    const owner = await db
      .selectFrom('participant')
      .select('appg_id')
      .where('item_type', '=', type)
      .where('item_id', '=', id)
      .where('is_owner', '=', 1)
      .executeTakeFirstOrThrow()
    return Object.entries(w.groups).find(([, g]) => g.id === owner.appg_id)![0] as GroupName
  }
  const filed: ['topic' | 'meeting' | 'document', string][] = [
    ...topics.filter((_, i) => i % 3 === 0).map((id) => ['topic', id] as ['topic', string]),
    ...sessions.filter((_, i) => i % 2 === 0).map((id) => ['meeting', id] as ['meeting', string]),
    ...documents.map((id) => ['document', id] as ['document', string]),
  ]
  for (const [i, [type, id]] of filed.entries()) {
    const owner = await ownerOfItem(type, id)
    const first = await w.make.attachment(type, id, w.ownerOfficer[owner], owner)
    if (i % 2) await w.make.attachment(type, id, w.ownerOfficer[owner], owner, { chainId: first, version: 2 })
    if (i % 5 === 0) await w.make.attachment(type, id, w.ownerOfficer[owner], owner, { deleted: true })
  }
  const comments = await db.selectFrom('comment').select(['id', 'item_id', 'author_id']).execute()
  for (const c of comments) {
    const owner = await ownerOfItem('topic', c.item_id)
    await w.make.attachment('comment', c.id, c.author_id, owner)
  }
  return { w, topics, sessions, documents, requests }
}

export type ListWorld = Awaited<ReturnType<typeof makeListWorld>>
