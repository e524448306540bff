/**
 * `pnpm exec tsx tests/bench/suggest-bench.ts`: how long suggested partners take on the real
 * Register (every group of the members file, plus the demo group): building the corpus once, and
 * each suggestion after. Prints figures; asserts nothing.
 */
import { type Corpus, corpusFor } from '@appg-hub/core/suggestions/corpus'
import { scoreGroups } from '@appg-hub/core/suggestions/score'
import { createDb } from '@appg-hub/db/create-db'
import { REAL_REGISTER_DIR } from '@appg-hub/db/testing'
import { LUNG_CANCER_TOPIC } from '../support/lung-cancer-topic'
import { loadDemoWorld } from '../support/server'

const db = await createDb('sqlite::memory:')
await loadDemoWorld(db, { realRegisterDir: REAL_REGISTER_DIR ?? undefined })
let started = performance.now()
const corpus: Corpus = await corpusFor(db)
const build = performance.now() - started
started = performance.now()
await corpusFor(db)
const cached = performance.now() - started
const owner = corpus.groups.find((g) => g.slug === LUNG_CANCER_TOPIC.groupSlug)!
const runs = 200
started = performance.now()
let ranked = scoreGroups(corpus, LUNG_CANCER_TOPIC, new Set([owner.id]))
for (let i = 1; i < runs; i++) ranked = scoreGroups(corpus, LUNG_CANCER_TOPIC, new Set([owner.id]))
const each = (performance.now() - started) / runs

console.log(`Groups in the corpus: ${corpus.groups.length}, distinct word stems: ${corpus.idf.size}`)
console.log(
  `Corpus build (first call): ${build.toFixed(1)} ms; cached call (fingerprint query): ${cached.toFixed(2)} ms`,
)
console.log(`Scoring every group for one topic: ${each.toFixed(2)} ms (mean of ${runs})`)
console.log(`\nTop 10 for “${LUNG_CANCER_TOPIC.title}”:`)
for (const [i, s] of ranked.slice(0, 10).entries()) {
  console.log(
    `${String(i + 1).padStart(2)}. ${s.score.toFixed(3)}  ${s.group.slug.padEnd(44)} ${s.reasons.join(' · ')}`,
  )
}
await db.destroy()
