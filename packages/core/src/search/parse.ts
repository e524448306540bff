import { MAX_QUERY_LENGTH } from '@appg-hub/schemas'

export { MAX_QUERY_LENGTH } from '@appg-hub/schemas'
/**
 * The query language people type into the search box, parsed into terms that each engine module
 * writes in its own syntax: words (all must match), "quoted phrases", -excluded words or phrases,
 * and prefix matching on the last word while it is being typed. Nothing here throws: syntax that
 * does not parse (an unclosed quote, a lone minus, operators of any engine) is read as words, and
 * every term is reduced to letter/digit tokens so that no engine ever sees its own syntax.
 */

export interface SearchTerm {
  /** Lower-case letter/digit tokens; several make a phrase. */
  tokens: string[]
  /** Written in quotes (or a word such as "covid-19" that splits into several tokens). */
  phrase: boolean
  exclude: boolean
  /** The last word, still being typed: matches words that start with it. */
  prefix: boolean
}

export interface ParsedQuery {
  terms: SearchTerm[]
}

/** More terms than anyone types; bounds the work an engine is asked to do. */
export const MAX_TERMS = 16

const TOKEN = /[\p{L}\p{N}\p{M}]+/gu

/** The letter/digit runs of a piece of text, lower-cased; every engine tokenizes on the same breaks. */
function tokensOf(text: string): string[] {
  return (text.normalize('NFC').toLowerCase().match(TOKEN) ?? []).filter((t) => t.length > 0)
}

export function parseQuery(input: string): ParsedQuery {
  const text = input.slice(0, MAX_QUERY_LENGTH)
  const raw: { text: string; quoted: boolean; exclude: boolean }[] = []
  let i = 0
  while (i < text.length) {
    const ch = text[i]!
    if (/\s/u.test(ch)) {
      i++
      continue
    }
    const exclude = ch === '-' && i + 1 < text.length && !/\s/u.test(text[i + 1]!)
    const start = exclude ? i + 1 : i
    if (text[start] === '"') {
      const end = text.indexOf('"', start + 1)
      if (end > start) {
        raw.push({ text: text.slice(start + 1, end), quoted: true, exclude })
        i = end + 1
        continue
      }
      // An unclosed quote: the rest is read as words.
      i = start + 1
      continue
    }
    let end = start
    while (end < text.length && !/\s/u.test(text[end]!) && text[end] !== '"') end++
    raw.push({ text: text.slice(start, end), quoted: false, exclude })
    i = end
  }

  const terms: SearchTerm[] = []
  for (const [index, r] of raw.entries()) {
    const tokens = tokensOf(r.text)
    if (tokens.length === 0) continue
    const phrase = r.quoted || tokens.length > 1
    // As one types, the last word is not finished yet: match it as a prefix.
    const typing = index === raw.length - 1 && !r.quoted && !/\s$/u.test(text)
    terms.push({ tokens, phrase, exclude: r.exclude, prefix: typing && !phrase && !r.exclude })
    if (terms.length === MAX_TERMS) break
  }
  return { terms }
}
