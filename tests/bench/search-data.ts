/**
 * Generated content for `pnpm bench:search`: ten times the demo world's searchable rows (its 625
 * Register groups), i.e. 1,500 topics, 1,000 sessions, 750 documents and 3,000 comments, written
 * from the words of the imported Register purposes, so that word frequencies are those of real
 * APPG prose. Owners are random groups; a quarter of the items belong to the demo officer's
 * groups, and half of everything is participants-only, so signed-in and signed-out searches
 * both filter. Deterministic (a seeded generator); rows go in directly, then one index rebuild.
 * `scale` (10 unless given) is the multiple of the demo world: `pnpm bench:growth` compares scale 1
 * with scale 10, so that both worlds have full pages and only the amount of data differs. Sessions
 * spread evenly over the two years around the day of the run (ten times as many a day at scale 10),
 * so that upcoming lists are as full as past ones.
 */
import { type Db, newId, rebuildSearchIndex } from '@appg-hub/db'

/** The sizes at scale 10. */
export const SIZES = { topics: 1500, sessions: 1000, documents: 750, comments: 3000 }

/** mulberry32: a small seeded generator, so every run writes the same data. */
function random(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function inBatches<T>(rows: T[], insert: (batch: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += 200) await insert(rows.slice(i, i + 200))
}

export async function generateSearchData(db: Db, officerId: string, scale = 10): Promise<number> {
  const size = (n: number) => Math.round((n * scale) / 10)
  const rand = random(2026)
  const pick = <T>(list: T[]): T => list[Math.floor(rand() * list.length)]!
  const groups = await db.selectFrom('appg').select(['id', 'purpose']).execute()
  const mine = (
    await db.selectFrom('membership').select('appg_id').where('person_id', '=', officerId).execute()
  ).map((m) => m.appg_id)
  const sentences = groups
    .flatMap((g) => (g.purpose ?? '').split(/(?<=[.!?])\s+/))
    .filter((s) => s.split(' ').length >= 6)
  const sentence = () => pick(sentences)
  const text = (n: number) => Array.from({ length: n }, sentence).join(' ')
  const title = () => {
    const words = sentence()
      .replace(/[.!?]$/, '')
      .split(' ')
    const start = Math.floor(rand() * Math.max(1, words.length - 6))
    const t = words.slice(start, start + 4 + Math.floor(rand() * 5)).join(' ')
    return t.charAt(0).toUpperCase() + t.slice(1)
  }
  const owner = () => (rand() < 0.25 && mine.length > 0 ? pick(mine) : pick(groups).id)
  const visibility = () => (rand() < 0.5 ? ('public' as const) : ('participants' as const))
  const at = (i: number) => new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString()
  const DAY = 86_400_000
  const today = Math.floor(Date.now() / DAY) * DAY
  // The i-th of n sessions, on the hour, evenly over the year before and the year after today.
  const sessionStart = (i: number) =>
    new Date(today - 365 * DAY + Math.floor((i * 730 * 24) / size(SIZES.sessions)) * 3_600_000)

  const participants: {
    item_type: 'topic' | 'meeting' | 'document'
    item_id: string
    appg_id: string
    is_owner: number
    joined_at: string
  }[] = []
  const addParticipants = (
    type: 'topic' | 'meeting' | 'document',
    id: string,
    appgId: string,
    when: string,
  ) => {
    participants.push({ item_type: type, item_id: id, appg_id: appgId, is_owner: 1, joined_at: when })
    if (rand() < 0.3) {
      const partner = pick(groups).id
      if (partner !== appgId)
        participants.push({ item_type: type, item_id: id, appg_id: partner, is_owner: 0, joined_at: when })
    }
  }

  const topics = Array.from({ length: size(SIZES.topics) }, (_, i) => {
    const id = newId()
    const appg_id = owner()
    const when = at(i)
    addParticipants('topic', id, appg_id, when)
    return {
      id,
      appg_id,
      title: title(),
      summary: text(3),
      tags: '[]',
      visibility: visibility(),
      status: 'open' as const,
      created_by: officerId,
      created_at: when,
      updated_at: when,
      last_activity_at: when,
    }
  })
  const sessions = Array.from({ length: size(SIZES.sessions) }, (_, i) => {
    const id = newId()
    const appg_id = owner()
    const start = sessionStart(i)
    const when = at(i * 2)
    const v = visibility()
    addParticipants('meeting', id, appg_id, when)
    return {
      id,
      appg_id,
      topic_id: null,
      title: title(),
      description: text(2),
      starts_at: start.toISOString(),
      ends_at: new Date(start.getTime() + 3_600_000).toISOString(),
      place: 'Committee Room 10',
      online_url: null,
      visibility: v,
      intended_visibility: v,
      capacity: null,
      status: 'scheduled' as const,
      cancel_reason: null,
      sequence: 0,
      created_by: officerId,
      created_at: when,
      updated_at: when,
    }
  })
  const revisions: {
    id: string
    document_id: string
    number: number
    body: string
    author_id: string
    base_revision_id: null
    merged: number
    created_at: string
  }[] = []
  const documents = Array.from({ length: size(SIZES.documents) }, (_, i) => {
    const id = newId()
    const revisionId = newId()
    const appg_id = owner()
    const when = at(i * 3)
    addParticipants('document', id, appg_id, when)
    const body = Array.from({ length: 8 }, () => text(3)).join('\n\n')
    revisions.push({
      id: revisionId,
      document_id: id,
      number: 1,
      body,
      author_id: officerId,
      base_revision_id: null,
      merged: 0,
      created_at: when,
    })
    return {
      id,
      appg_id,
      kind: 'briefing' as const,
      title: title(),
      status: rand() < 0.7 ? ('published' as const) : ('draft' as const),
      visibility: visibility(),
      head_revision_id: revisionId,
      head_number: 1,
      created_by: officerId,
      created_at: when,
      updated_at: when,
    }
  })
  const comments = Array.from({ length: size(SIZES.comments) }, (_, i) => {
    const topic = pick(topics)
    return {
      id: newId(),
      item_type: 'topic' as const,
      item_id: topic.id,
      parent_id: null,
      author_id: officerId,
      body: text(1 + Math.floor(rand() * 2)),
      created_at: at(i),
      edited_at: null,
      deleted_at: null,
      hidden_at: null,
      hidden_by: null,
      hidden_reason: null,
    }
  })

  await db.transaction().execute(async (tx) => {
    await inBatches(topics, (b) => tx.insertInto('topic').values(b).execute())
    await inBatches(sessions, (b) => tx.insertInto('meeting').values(b).execute())
    await inBatches(documents, (b) => tx.insertInto('document').values(b).execute())
    await inBatches(revisions, (b) => tx.insertInto('revision').values(b).execute())
    await inBatches(comments, (b) => tx.insertInto('comment').values(b).execute())
    await inBatches(participants, (b) => tx.insertInto('participant').values(b).execute())
  })
  return rebuildSearchIndex(db)
}
