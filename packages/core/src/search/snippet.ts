/**
 * The few words around the first match, with the matched words marked. Returned as segments of
 * plain text (`{ text, match }`), never as HTML: the client renders each as text, so nothing from
 * the content reaches the page as markup. The same code serves every engine, which keeps the
 * highlighting identical whichever database ranked the results.
 */
import type { ParsedQuery } from './parse'

export interface SnippetPart {
  text: string
  match: boolean
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu
const BEFORE = 8
const LENGTH = 32

/** Lower case without diacritics, as the engines compare words. */
function fold(word: string): string {
  const lower = word.toLowerCase()
  // Most words are plain ASCII: skip the Unicode decomposition for them.
  return /^[ -~]*$/.test(lower) ? lower : lower.normalize('NFD').replace(/\p{M}/gu, '')
}

/** A light English stemmer, close enough to FTS5's porter stemmer to find what it matched. */
function stem(word: string): string {
  let w = word
  for (let i = 0; i < 2; i++) {
    const shorter = w.replace(/(?:ies|es|s|ing|ed|ly)$/u, '')
    if (shorter.length < 3) break
    w = shorter
  }
  return w
}

function matcher(query: ParsedQuery): (word: string) => boolean {
  const wanted = query.terms
    .filter((t) => !t.exclude)
    .flatMap((t) =>
      t.tokens.map((token) => {
        const folded = fold(token)
        return { token: folded, prefix: t.prefix, stem: folded.length > 3 ? stem(folded) : null }
      }),
    )
  // Words repeat within a text: each distinct word is folded and stemmed once.
  const seen = new Map<string, boolean>()
  return (word) => {
    let found = seen.get(word)
    if (found !== undefined) return found
    const w = fold(word)
    found = wanted.some(({ token, prefix, stem: wantedStem }) => {
      if (prefix) return w.startsWith(token)
      if (w === token) return true
      // A stem keeps at least the first three letters: words that differ there never share one.
      return wantedStem !== null && w.startsWith(wantedStem.slice(0, 3)) && stem(w) === wantedStem
    })
    seen.set(word, found)
    return found
  }
}

/** Markdown punctuation and line breaks read badly in a one-line snippet. */
function tidy(text: string): string {
  return text
    .replace(/(^|\n)[ \t]*(?:>[ \t]*)+/g, '$1')
    .replace(/[*_#`|~[\]]+/g, '')
    .replace(/\s+/g, ' ')
}

export function makeSnippet(source: string, query: ParsedQuery): SnippetPart[] {
  return snippetMaker(query)(source)
}

/**
 * `makeSnippet` for many texts of one query: the matcher, and what it learnt about each distinct
 * word, is shared by the page's rows.
 */
export function snippetMaker(query: ParsedQuery): (source: string) => SnippetPart[] {
  const isMatch = matcher(query)
  return (source) => snippetOf(source, isMatch)
}

function snippetOf(source: string, isMatch: (word: string) => boolean): SnippetPart[] {
  const body = tidy(source)
  // Reads words lazily: up to the first match (keeping the last few before it), then the rest of
  // the window, so that a long document costs only as much as the text before its first match.
  type Word = { start: number; end: number; word: string }
  const pattern = new RegExp(WORD.source, 'gu')
  const before: Word[] = []
  let window: Word[] = []
  let matchedAt = -1
  let more = false
  let skipped = false
  for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
    const w = { start: m.index, end: m.index + m[0].length, word: m[0] }
    if (matchedAt < 0) {
      if (isMatch(w.word)) {
        matchedAt = before.length
        window = [...before, w]
      } else {
        before.push(w)
        if (before.length > BEFORE) {
          before.shift()
          skipped = true
        }
      }
      continue
    }
    if (window.length >= LENGTH) {
      more = true
      break
    }
    window.push(w)
  }
  if (matchedAt < 0) {
    // No match in the text (the title matched): its beginning.
    pattern.lastIndex = 0
    window = []
    skipped = false
    for (let m = pattern.exec(body); m !== null; m = pattern.exec(body)) {
      if (window.length >= LENGTH) {
        more = true
        break
      }
      window.push({ start: m.index, end: m.index + m[0].length, word: m[0] })
    }
  }
  if (window.length === 0) return []
  const parts: SnippetPart[] = []
  const push = (text: string, match: boolean) => {
    if (text === '') return
    const last = parts[parts.length - 1]
    if (last && last.match === match) last.text += text
    else parts.push({ text, match })
  }
  const first = window[0]!
  const fromStart = !skipped
  if (!fromStart) push('… ', false)
  let cursor = fromStart ? 0 : first.start
  for (const w of window) {
    push(body.slice(cursor, w.start), false)
    push(w.word, isMatch(w.word))
    cursor = w.end
  }
  push(more ? ' …' : body.slice(cursor), false)
  const head = parts[0]
  if (head && !head.match) head.text = head.text.trimStart()
  const tail = parts[parts.length - 1]
  if (tail && !tail.match) tail.text = tail.text.trimEnd()
  return parts.filter((p) => p.text !== '')
}
