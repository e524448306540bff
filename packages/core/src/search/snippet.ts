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
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()
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
    .flatMap((t) => t.tokens.map((token) => ({ token: fold(token), prefix: t.prefix })))
  return (word) => {
    const w = fold(word)
    return wanted.some(({ token, prefix }) =>
      prefix ? w.startsWith(token) : w === token || (token.length > 3 && stem(w) === stem(token)),
    )
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
  const isMatch = matcher(query)
  const body = tidy(source)
  const words = [...body.matchAll(WORD)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    word: m[0],
  }))
  if (words.length === 0) return []
  const first = Math.max(
    0,
    words.findIndex((w) => isMatch(w.word)),
  )
  const from = Math.max(0, first - BEFORE)
  const to = Math.min(words.length, from + LENGTH)
  const parts: SnippetPart[] = []
  const push = (text: string, match: boolean) => {
    if (text === '') return
    const last = parts[parts.length - 1]
    if (last && last.match === match) last.text += text
    else parts.push({ text, match })
  }
  if (from > 0) push('… ', false)
  let cursor = from === 0 ? 0 : words[from]!.start
  for (let i = from; i < to; i++) {
    const w = words[i]!
    push(body.slice(cursor, w.start), false)
    push(w.word, isMatch(w.word))
    cursor = w.end
  }
  if (to < words.length) push(' …', false)
  else push(body.slice(cursor), false)
  const head = parts[0]
  if (head && !head.match) head.text = head.text.trimStart()
  const tail = parts[parts.length - 1]
  if (tail && !tail.match) tail.text = tail.text.trimEnd()
  return parts.filter((p) => p.text !== '')
}
