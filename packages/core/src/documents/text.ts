/**
 * The text side of co-editing: three-way merge of concurrent saves (diff3) and line diffs with
 * the changes inside each line (Myers, from `diff`). Pure functions, no I/O.
 *
 * The merge is diff3's region algorithm (as in GNU diff3 and `node-diff3`'s `diff3MergeRegions`,
 * after Khanna, Kunal and Pierce), run on Myers diffs from `diff`: node-diff3's own Hunt–McIlroy
 * LCS goes quadratic on Markdown, whose many blank lines are all equal (≈0.5 s for one merge of a
 * 160 KB report, against ≈2 ms here). `text.test.ts` checks both agree on the cases it holds.
 *
 * Both trim the lines that every version shares at the start and at the end before the real work,
 * so that a small change to a 300 KB report costs little whatever the report's size.
 */
import { diffArrays, diffWordsWithSpace } from 'diff'

/** Line endings are stored as `\n` only, so that a save from Windows does not rewrite every line. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n')
}

export function splitLines(text: string): string[] {
  return text.split('\n')
}

/** How many lines all the given arrays share at the start, and then at the end (not overlapping). */
function commonEnds(arrays: string[][]): { head: number; tail: number } {
  const shortest = Math.min(...arrays.map((a) => a.length))
  let head = 0
  while (head < shortest && arrays.every((a) => a[head] === arrays[0]![head])) head++
  let tail = 0
  while (
    tail < shortest - head &&
    arrays.every((a) => a[a.length - 1 - tail] === arrays[0]![arrays[0]!.length - 1 - tail])
  )
    tail++
  return { head, tail }
}

/**
 * The merge in order, token by token (lines for `mergeThreeWay`): what both sides agree on, and
 * each overlap with both versions, so a screen can show them side by side rather than markers.
 */
export type MergeRegion = { same: string[] } | { yours: string[]; theirs: string[] }

export type MergeOutcome =
  | { clean: true; text: string }
  /** `marked`: the merge with each overlap written out between conflict markers, to start from. */
  | { clean: false; conflicts: number; marked: string; regions: MergeRegion[] }

export const CONFLICT_MARKERS = { yours: '<<<<<<< yours', split: '=======', theirs: '>>>>>>> theirs' }

interface Hunk {
  side: 'a' | 'b'
  /** Where in the base the change starts, and how many base lines it replaces. */
  oStart: number
  oLength: number
  /** The lines that replace them on that side. */
  lines: string[]
}

/** The changes from `o` to `x` as hunks in `o`'s coordinates (Myers diff). */
function hunks(o: string[], x: string[], side: 'a' | 'b'): Hunk[] {
  const out: Hunk[] = []
  let oi = 0
  let current: Hunk | null = null
  for (const change of diffArrays(o, x) ?? []) {
    const lines = change.value as string[]
    if (!change.added && !change.removed) {
      if (current) out.push(current)
      current = null
      oi += lines.length
      continue
    }
    current ??= { side, oStart: oi, oLength: 0, lines: [] }
    if (change.removed) {
      current.oLength += lines.length
      oi += lines.length
    } else current.lines.push(...lines)
  }
  if (current) out.push(current)
  return out
}

/** A side's text for base lines [start, end), given that side's hunks inside that span. */
function sideSpan(o: string[], start: number, end: number, side: Hunk[]): string[] {
  const out: string[] = []
  let at = start
  for (const h of side) {
    out.push(...o.slice(at, h.oStart), ...h.lines)
    at = h.oStart + h.oLength
  }
  out.push(...o.slice(at, end))
  return out
}

function sameLines(x: string[], y: string[]): boolean {
  return x.length === y.length && x.every((line, i) => line === y[i])
}

/**
 * Merges two edits of `base`: `theirs` (the head, saved meanwhile) and `yours` (the save under
 * way). Clean when they changed different lines (or made the very same change); otherwise the
 * number of overlapping regions. Changes that touch (no unchanged line between them) overlap, as
 * in diff3 and git.
 */
export function mergeThreeWay(base: string, theirs: string, yours: string): MergeOutcome {
  if (theirs === yours) return { clean: true, text: yours }
  if (theirs === base) return { clean: true, text: yours }
  if (yours === base) return { clean: true, text: theirs }
  const merged = mergeTokens(splitLines(base), splitLines(yours), splitLines(theirs), [
    CONFLICT_MARKERS.yours,
    CONFLICT_MARKERS.split,
    CONFLICT_MARKERS.theirs,
  ])
  if (merged.conflicts > 0)
    return {
      clean: false,
      conflicts: merged.conflicts,
      marked: merged.out.join('\n'),
      regions: merged.regions,
    }
  return { clean: true, text: merged.out.join('\n') }
}

/**
 * Merges by words (and the spaces between them) rather than lines: the live editor's merge of a
 * revision saved elsewhere, where a change next to another one on the same line is no conflict.
 */
export function mergeWords(base: string, theirs: string, yours: string): MergeOutcome {
  if (theirs === yours || theirs === base) return { clean: true, text: yours }
  if (yours === base) return { clean: true, text: theirs }
  const words = (text: string) => text.split(/(\s+)/).filter((w) => w !== '')
  const merged = mergeTokens(words(base), words(yours), words(theirs), ['', '', ''])
  if (merged.conflicts > 0)
    return { clean: false, conflicts: merged.conflicts, marked: merged.out.join(''), regions: merged.regions }
  return { clean: true, text: merged.out.join('') }
}

/** diff3's regions over any tokens (lines, words); `markers` surround each overlap. */
function mergeTokens(
  oAll: string[],
  aAll: string[],
  bAll: string[],
  markers: [string, string, string],
): { out: string[]; conflicts: number; regions: MergeRegion[] } {
  const { head, tail } = commonEnds([oAll, aAll, bAll])
  const mid = (x: string[]) => x.slice(head, x.length - tail)
  const o = mid(oAll)
  const all = [...hunks(o, mid(aAll), 'a'), ...hunks(o, mid(bAll), 'b')].sort(
    (x, y) => x.oStart - y.oStart || (x.side < y.side ? -1 : 1),
  )
  const out: string[] = oAll.slice(0, head)
  let at = 0
  let conflicts = 0
  const regions: MergeRegion[] = []
  // Tokens agreed on since the last overlap, as one region.
  let agreedFrom = 0
  const closeAgreed = (upTo: number) => {
    if (upTo > agreedFrom) regions.push({ same: out.slice(agreedFrom, upTo) })
  }
  for (let i = 0; i < all.length; ) {
    const first = all[i]!
    const start = first.oStart
    let end = first.oStart + first.oLength
    const region = [first]
    i++
    while (i < all.length && all[i]!.oStart <= end) {
      end = Math.max(end, all[i]!.oStart + all[i]!.oLength)
      region.push(all[i++]!)
    }
    out.push(...o.slice(at, start))
    at = end
    const aHunks = region.filter((h) => h.side === 'a')
    const bHunks = region.filter((h) => h.side === 'b')
    const aSpan = sideSpan(o, start, end, aHunks)
    if (bHunks.length === 0) out.push(...aSpan)
    else if (aHunks.length === 0) out.push(...sideSpan(o, start, end, bHunks))
    else {
      const bSpan = sideSpan(o, start, end, bHunks)
      if (sameLines(aSpan, bSpan)) out.push(...aSpan)
      else {
        conflicts++
        closeAgreed(out.length)
        regions.push({ yours: aSpan, theirs: bSpan })
        out.push(markers[0], ...aSpan, markers[1], ...bSpan, markers[2])
        agreedFrom = out.length
      }
    }
  }
  out.push(...o.slice(at), ...oAll.slice(oAll.length - tail))
  closeAgreed(out.length)
  return { out, conflicts, regions }
}

/** A piece of a changed line: `changed` parts are what was removed (old line) or added (new line). */
export interface LinePart {
  text: string
  changed: boolean
}

export type DiffLine =
  | { kind: 'same'; oldNumber: number; newNumber: number; text: string }
  | { kind: 'removed'; oldNumber: number; parts: LinePart[] }
  | { kind: 'added'; newNumber: number; parts: LinePart[] }
  /** Unchanged lines left out between changes. */
  | { kind: 'skipped'; count: number }

export interface LineDiff {
  lines: DiffLine[]
  added: number
  removed: number
}

/** Lines of context shown around each change. */
export const DIFF_CONTEXT = 3
/** Beyond this many changed lines, a line is shown whole rather than word by word. */
const MAX_INTRALINE = 2_000

/**
 * The difference between two texts by line, with the words changed inside a changed line marked
 * (a removed line paired with the added line that replaced it). Unchanged stretches longer than
 * the context are collapsed into `skipped`.
 */
export function diffText(from: string, to: string): LineDiff {
  const oldLines = splitLines(from)
  const newLines = splitLines(to)
  const { head, tail } = commonEnds([oldLines, newLines])
  const oldMid = oldLines.slice(head, oldLines.length - tail)
  const newMid = newLines.slice(head, newLines.length - tail)
  const changes = diffArrays(oldMid, newMid) ?? []

  type Raw =
    | { kind: 'same'; o: number; n: number; text: string }
    | { kind: 'removed'; o: number; text: string }
    | { kind: 'added'; n: number; text: string }
  const raw: Raw[] = []
  for (let i = 0; i < head; i++) raw.push({ kind: 'same', o: i + 1, n: i + 1, text: oldLines[i]! })
  let o = head
  let n = head
  for (const change of changes) {
    for (const line of change.value as string[]) {
      if (change.added) raw.push({ kind: 'added', n: ++n, text: line })
      else if (change.removed) raw.push({ kind: 'removed', o: ++o, text: line })
      else raw.push({ kind: 'same', o: ++o, n: ++n, text: line })
    }
  }
  for (let i = 0; i < tail; i++) {
    raw.push({ kind: 'same', o: ++o, n: ++n, text: oldLines[oldLines.length - tail + i]! })
  }

  let added = 0
  let removed = 0
  const shaped: DiffLine[] = []
  let budget = MAX_INTRALINE
  for (let i = 0; i < raw.length; ) {
    const r = raw[i]!
    if (r.kind === 'same') {
      shaped.push({ kind: 'same', oldNumber: r.o, newNumber: r.n, text: r.text })
      i++
      continue
    }
    // A run of removed lines then added lines: pair them up for the changes inside lines.
    const dels: { o: number; text: string }[] = []
    const adds: { n: number; text: string }[] = []
    while (i < raw.length && raw[i]!.kind === 'removed') {
      const d = raw[i++] as { o: number; text: string }
      dels.push(d)
    }
    while (i < raw.length && raw[i]!.kind === 'added') {
      const a = raw[i++] as { n: number; text: string }
      adds.push(a)
    }
    removed += dels.length
    added += adds.length
    const delParts: LinePart[][] = dels.map((d) => [{ text: d.text, changed: true }])
    const addParts: LinePart[][] = adds.map((a) => [{ text: a.text, changed: true }])
    const pairs = Math.min(dels.length, adds.length)
    for (let k = 0; k < pairs && budget > 0; k++, budget--) {
      const words = diffWordsWithSpace(dels[k]!.text, adds[k]!.text)
      delParts[k] = words.filter((w) => !w.added).map((w) => ({ text: w.value, changed: Boolean(w.removed) }))
      addParts[k] = words.filter((w) => !w.removed).map((w) => ({ text: w.value, changed: Boolean(w.added) }))
    }
    for (const [k, d] of dels.entries()) shaped.push({ kind: 'removed', oldNumber: d.o, parts: delParts[k]! })
    for (const [k, a] of adds.entries()) shaped.push({ kind: 'added', newNumber: a.n, parts: addParts[k]! })
  }

  // Collapse unchanged stretches, keeping DIFF_CONTEXT lines either side of each change.
  const keep = new Array<boolean>(shaped.length).fill(false)
  shaped.forEach((line, idx) => {
    if (line.kind === 'same') return
    for (let j = Math.max(0, idx - DIFF_CONTEXT); j <= Math.min(shaped.length - 1, idx + DIFF_CONTEXT); j++)
      keep[j] = true
  })
  const lines: DiffLine[] = []
  let skipped = 0
  shaped.forEach((line, idx) => {
    if (keep[idx]) {
      if (skipped) lines.push({ kind: 'skipped', count: skipped })
      skipped = 0
      lines.push(line)
    } else skipped++
  })
  if (skipped) lines.push({ kind: 'skipped', count: skipped })
  return { lines, added, removed }
}
