/**
 * What suggestions are computed from: every group's words (title and purpose) and tags, with the
 * inverse document frequency of each word and tag over all groups. Built once per process and
 * database, and again only when the groups change (a cheap fingerprint: how many groups and tags,
 * and the latest update time).
 */
import { type Db, jsonAgg, parseJsonArray } from '@appg-hub/db'
import { tokens } from './text'

/** A weighted bag of word stems, with its length for cosine similarity. */
export interface TermVector {
  weights: Map<string, number>
  norm: number
}

export interface GroupDocument {
  id: string
  slug: string
  title: string
  registered: boolean
  tags: string[]
  vector: TermVector
  /** The stems of the group's title (its subject), each with its idf. */
  subject: Map<string, number>
}

export interface Corpus {
  fingerprint: string
  /** A word as groups write it, for each stem (to name related words in reasons). */
  words: Map<string, string>
  idf: Map<string, number>
  tagIdf: Map<string, number>
  groups: GroupDocument[]
}

/** How much more a word in a title counts than one in the text below it. */
export const TITLE_WEIGHT = 2

export interface WeightedText {
  text: string
  weight: number
}

/** Term counts (weighted by where each word stands), then `(1 + ln tf) · idf`, and the length. */
export function termVector(parts: WeightedText[], idf: (stem: string) => number): TermVector {
  const counts = new Map<string, number>()
  for (const part of parts)
    for (const t of tokens(part.text)) counts.set(t.stem, (counts.get(t.stem) ?? 0) + part.weight)
  return weigh(counts, idf)
}

/** `(1 + ln tf) · idf` for each stem counted, and the vector's length. */
export function weigh(counts: ReadonlyMap<string, number>, idf: (stem: string) => number): TermVector {
  const weights = new Map<string, number>()
  let sum = 0
  for (const [stem, tf] of counts) {
    const w = (1 + Math.log(tf)) * idf(stem)
    if (w <= 0) continue
    weights.set(stem, w)
    sum += w * w
  }
  return { weights, norm: Math.sqrt(sum) }
}

export function groupParts(g: { title: string; purpose: string | null }): WeightedText[] {
  return [
    { text: g.title, weight: TITLE_WEIGHT },
    { text: g.purpose ?? '', weight: 1 },
  ]
}

/** Smoothed inverse document frequency: rare words weigh more, a word in every document little. */
export function inverseFrequency(documents: number, containing: number): number {
  return Math.log((documents + 1) / (containing + 0.5))
}

export function buildCorpus(
  fingerprint: string,
  rows: { id: string; slug: string; title: string; purpose: string | null; status: string; tags: string[] }[],
): Corpus {
  const df = new Map<string, number>()
  const words = new Map<string, string>()
  const tagCount = new Map<string, number>()
  for (const row of rows) {
    const found = groupParts(row).flatMap((p) => tokens(p.text))
    for (const t of found) if (!words.has(t.stem)) words.set(t.stem, t.word)
    for (const stem of new Set(found.map((t) => t.stem))) df.set(stem, (df.get(stem) ?? 0) + 1)
    for (const tag of row.tags) tagCount.set(tag, (tagCount.get(tag) ?? 0) + 1)
  }
  const n = rows.length
  const idf = new Map([...df].map(([stem, count]) => [stem, inverseFrequency(n, count)]))
  const tagIdf = new Map([...tagCount].map(([tag, count]) => [tag, inverseFrequency(n, count)]))
  const lookup = (stem: string) => idf.get(stem) ?? inverseFrequency(n, 0)
  return {
    fingerprint,
    words,
    idf,
    tagIdf,
    groups: rows.map((row) => ({
      id: row.id,
      slug: row.slug,
      title: row.title,
      registered: row.status === 'registered',
      tags: row.tags,
      vector: termVector(groupParts(row), lookup),
      subject: new Map(tokens(row.title).map((t) => [t.stem, lookup(t.stem)])),
    })),
  }
}

const cache = new WeakMap<Db, Corpus>()

/**
 * The fingerprint's three figures as sub-queries, to select beside another read (the topic's, in
 * `suggestPartners`) so that a current corpus costs no query of its own.
 */
export function corpusStamp(db: Db) {
  return {
    corpusGroups: db.selectFrom('appg').select((eb) => eb.fn.countAll<number>().as('n')),
    corpusUpdated: db.selectFrom('appg').select((eb) => eb.fn.max('appg.updated_at').as('u')),
    corpusTags: db.selectFrom('appg_tag').select((eb) => eb.fn.countAll<number>().as('n')),
  }
}

export interface CorpusStamp {
  corpusGroups: unknown
  corpusUpdated: string | null
  corpusTags: unknown
}

/** One cheap query when the cached corpus is current; one more to rebuild it when not. */
export async function corpusFor(db: Db): Promise<Corpus> {
  const stamp = await db
    .selectFrom('appg')
    .select((eb) => [
      eb.fn.countAll<number>().as('groups'),
      eb.fn.max('appg.updated_at').as('updated'),
      eb
        .selectFrom('appg_tag')
        .select((t) => t.fn.countAll<number>().as('n'))
        .as('tags'),
    ])
    .executeTakeFirstOrThrow()
  return corpusAt(db, { corpusGroups: stamp.groups, corpusUpdated: stamp.updated, corpusTags: stamp.tags })
}

/** Whether a corpus is cached for `db`: a fresh process (a new Worker isolate) has none yet. */
export function hasCorpus(db: Db): boolean {
  return cache.has(db)
}

/**
 * Every group with each of its tags, as one flat JSON array (a group without tags once, its tag
 * null), to select beside another read when there is no corpus yet, so that building the first
 * one costs no query of its own.
 */
export function corpusRows(db: Db) {
  return db
    .selectFrom('appg')
    .leftJoin('appg_tag', 'appg_tag.appg_id', 'appg.id')
    .select(
      jsonAgg(db, {
        id: 'appg.id',
        slug: 'appg.slug',
        title: 'appg.title',
        purpose: 'appg.purpose',
        status: 'appg.status',
        tag: 'appg_tag.tag',
      }).as('g'),
    )
}

type CorpusRow = {
  id: string
  slug: string
  title: string
  purpose: string | null
  status: string
  tags: string[]
}

/** `corpusRows`' flat array as one row per group with its tags, by slug (as the query orders them). */
function groupsFrom(json: unknown): CorpusRow[] {
  const byId = new Map<string, CorpusRow>()
  for (const r of parseJsonArray<Omit<CorpusRow, 'tags'> & { tag: string | null }>(json)) {
    let row = byId.get(r.id)
    if (!row) {
      row = { id: r.id, slug: r.slug, title: r.title, purpose: r.purpose, status: r.status, tags: [] }
      byId.set(r.id, row)
    }
    if (r.tag !== null) row.tags.push(r.tag)
  }
  // Slugs are ASCII: code-unit order is the binary collation's.
  return [...byId.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0))
}

/**
 * The corpus for a stamp read already (`corpusStamp`): no query while it is current, nor when the
 * groups were read beside the stamp (`corpusRows`, when there was no corpus yet).
 */
export async function corpusAt(db: Db, stamp: CorpusStamp, groups?: unknown): Promise<Corpus> {
  const fingerprint = `${Number(stamp.corpusGroups)}|${stamp.corpusUpdated ?? ''}|${Number(stamp.corpusTags ?? 0)}`
  const cached = cache.get(db)
  if (cached?.fingerprint === fingerprint) return cached
  if (groups !== undefined) {
    const corpus = buildCorpus(fingerprint, groupsFrom(groups))
    cache.set(db, corpus)
    return corpus
  }
  const rows = await db
    .selectFrom('appg')
    .select((eb) => [
      'appg.id',
      'appg.slug',
      'appg.title',
      'appg.purpose',
      'appg.status',
      eb
        .selectFrom('appg_tag')
        .select(jsonAgg(db, { tag: 'appg_tag.tag' }).as('tags'))
        .whereRef('appg_tag.appg_id', '=', 'appg.id')
        .as('tags'),
    ])
    .orderBy('appg.slug')
    .execute()
  const corpus = buildCorpus(
    fingerprint,
    rows.map((r) => ({ ...r, tags: parseJsonArray<{ tag: string }>(r.tags).map((t) => t.tag) })),
  )
  cache.set(db, corpus)
  return corpus
}
