/**
 * Ranking groups against a topic: cosine similarity of TF-IDF word vectors (titles count double),
 * how much of the group's subject the topic covers, and the Register categories they have in
 * common (rarer categories weigh more).
 * Each suggestion says why: the categories shared and the words in common.
 */
import { type Corpus, type GroupDocument, type TermVector, TITLE_WEIGHT, weigh } from './corpus'
import { RELATED, tokens } from './text'

/**
 * A score is a weighted sum of three shares, each from 0 to 1: how alike the words are (cosine),
 * how much of the group's subject (its title) the topic covers, and the categories in common.
 */
export const WORDS_WEIGHT = 0.6
export const SUBJECT_WEIGHT = 0.25
export const TAG_WEIGHT = 0.15
export const MAX_WORDS_SHOWN = 5
/** How much a related word counts, against the word written (see `RELATED`). */
export const RELATED_SHARE = 0.5

export interface TopicText {
  title: string
  summary: string
  tags: string[]
}

export interface Suggestion {
  group: GroupDocument
  score: number
  reasons: string[]
}

export function scoreGroups(corpus: Corpus, topic: TopicText, exclude: ReadonlySet<string>): Suggestion[] {
  const parts = [
    { text: topic.title, weight: TITLE_WEIGHT },
    { text: topic.summary, weight: 1 },
  ]
  const fallback = Math.log(corpus.groups.length + 2)
  const counts = new Map<string, number>()
  // The word people wrote for each stem, first occurrence first.
  const shown = new Map<string, string>()
  for (const p of parts) {
    for (const t of tokens(p.text)) {
      counts.set(t.stem, (counts.get(t.stem) ?? 0) + p.weight)
      if (!shown.has(t.stem)) shown.set(t.stem, t.word)
    }
  }
  // Related words count at a share of the word written, unless written themselves.
  const relatedTo = new Map<string, string>()
  for (const [stem, tf] of [...counts]) {
    for (const other of RELATED.get(stem) ?? []) {
      if (shown.has(other)) continue
      counts.set(other, Math.max(counts.get(other) ?? 0, tf * RELATED_SHARE))
      if (!relatedTo.has(other)) relatedTo.set(other, stem)
    }
  }
  const query: TermVector = weigh(counts, (stem) => corpus.idf.get(stem) ?? fallback)
  const topicTags = new Set(topic.tags)
  const tagTotal = [...topicTags].reduce((sum, tag) => sum + (corpus.tagIdf.get(tag) ?? 0), 0)

  const out: Suggestion[] = []
  for (const group of corpus.groups) {
    if (!group.registered || exclude.has(group.id)) continue
    const common: { stem: string; weight: number }[] = []
    let dot = 0
    for (const [stem, w] of query.weights) {
      const g = group.vector.weights.get(stem)
      if (g === undefined) continue
      dot += w * g
      common.push({ stem, weight: w * g })
    }
    const words = query.norm && group.vector.norm ? dot / (query.norm * group.vector.norm) : 0
    const sharedTags = group.tags.filter((t) => topicTags.has(t)).sort()
    const tags =
      tagTotal > 0 ? sharedTags.reduce((sum, t) => sum + (corpus.tagIdf.get(t) ?? 0), 0) / tagTotal : 0
    let covered = 0
    let subject = 0
    for (const [stem, idf] of group.subject) {
      subject += idf
      if (shown.has(stem)) covered += idf
      else if (relatedTo.has(stem)) covered += idf * RELATED_SHARE
    }
    const coverage = subject > 0 ? covered / subject : 0
    const score = WORDS_WEIGHT * words + SUBJECT_WEIGHT * coverage + TAG_WEIGHT * tags
    if (score <= 0) continue
    const reasons = sharedTags.map((t) => `Shared category: ${t}`)
    const best = common.sort((a, b) => b.weight - a.weight || a.stem.localeCompare(b.stem))
    const direct = best.filter((c) => !relatedTo.has(c.stem)).slice(0, MAX_WORDS_SHOWN)
    const related = best.filter((c) => relatedTo.has(c.stem)).slice(0, MAX_WORDS_SHOWN)
    if (direct.length)
      reasons.push(`Words in common: ${direct.map((c) => shown.get(c.stem) ?? c.stem).join(', ')}`)
    if (related.length) {
      const pairs = related.map(
        (c) =>
          `${corpus.words.get(c.stem) ?? c.stem} (${shown.get(relatedTo.get(c.stem)!) ?? relatedTo.get(c.stem)})`,
      )
      reasons.push(`Related words: ${pairs.join(', ')}`)
    }
    out.push({ group, score, reasons })
  }
  return out.sort((a, b) => b.score - a.score || a.group.slug.localeCompare(b.group.slug))
}
