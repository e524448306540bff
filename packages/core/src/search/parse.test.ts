import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { booleanQuery } from './mysql'
import { parseQuery } from './parse'
import { makeSnippet } from './snippet'
import { fts5Query } from './sqlite'

const terms = (q: string) => parseQuery(q).terms

describe('parseQuery', () => {
  it('reads words, all required, the last one as a prefix while it is being typed', () => {
    expect(terms('Lung Cancer')).toEqual([
      { tokens: ['lung'], phrase: false, exclude: false, prefix: false },
      { tokens: ['cancer'], phrase: false, exclude: false, prefix: true },
    ])
    expect(terms('lung cancer ').map((t) => t.prefix)).toEqual([false, false])
  })

  it('reads "quoted phrases" and -exclusions, of words and of phrases', () => {
    expect(terms('"lung cancer" -smoking -"passive smoke" screening ')).toEqual([
      { tokens: ['lung', 'cancer'], phrase: true, exclude: false, prefix: false },
      { tokens: ['smoking'], phrase: false, exclude: true, prefix: false },
      { tokens: ['passive', 'smoke'], phrase: true, exclude: true, prefix: false },
      { tokens: ['screening'], phrase: false, exclude: false, prefix: false },
    ])
  })

  it('reads bad syntax as words', () => {
    expect(terms('"unclosed lung').map((t) => t.tokens)).toEqual([['unclosed'], ['lung']])
    expect(terms('- lung -').map((t) => [t.tokens, t.exclude])).toEqual([[['lung'], false]])
    expect(terms('covid-19')).toEqual([
      { tokens: ['covid', '19'], phrase: true, exclude: false, prefix: false },
    ])
    expect(terms("' OR 1=1 --").map((t) => t.tokens)).toEqual([['or'], ['1', '1']])
    expect(terms('!!! *** ()')).toEqual([])
    expect(terms('NEAR(a b)').map((t) => t.tokens)).toEqual([['near', 'a'], ['b']])
  })

  it('keeps letters with their accents, in any script', () => {
    expect(terms('Café Ŵelsh 日本').flatMap((t) => t.tokens)).toEqual(['café', 'ŵelsh', '日本'])
  })
})

describe('engine syntax', () => {
  it('quotes every term for FTS5 and needs a required one', () => {
    expect(fts5Query(parseQuery('"lung cancer" -smoking scre'))).toBe(
      '("lung cancer" AND "scre"*) NOT "smoking"',
    )
    expect(fts5Query(parseQuery('-smoking'))).toBeNull()
    expect(fts5Query(parseQuery(''))).toBeNull()
  })

  it('writes boolean mode for InnoDB, leaving out words it never indexes', () => {
    expect(booleanQuery(parseQuery('"lung cancer" -smoking scre'))).toBe('+"lung cancer" -"smoking" +scre*')
    // "the" is a stopword and "uk" too short: required, they would match nothing.
    expect(booleanQuery(parseQuery('the uk screening '))).toBe('+"screening"')
    expect(booleanQuery(parseQuery('the uk '))).toBeNull()
    expect(booleanQuery(parseQuery('"the uk" '))).toBeNull()
    expect(booleanQuery(parseQuery('"in the uk" policy '))).toBe('+"policy"')
    expect(booleanQuery(parseQuery('"for the nhs" '))).toBe('+"for the nhs"')
  })

  it('never writes an operator or quote that came from the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (q) => {
        const parsed = parseQuery(q)
        for (const t of parsed.terms)
          for (const token of t.tokens) expect(token).toMatch(/^[\p{L}\p{N}\p{M}]+$/u)
        fts5Query(parsed)
        booleanQuery(parsed)
      }),
      { numRuns: 500 },
    )
  })
})

describe('makeSnippet', () => {
  const text = (parts: { text: string; match: boolean }[]) =>
    parts.map((p) => (p.match ? `[${p.text}]` : p.text)).join('')

  it('marks the matched words, stems and prefixes included, around the first match', () => {
    expect(
      text(makeSnippet('How **screening** finds lung cancers early.', parseQuery('cancer screen'))),
    ).toBe('How [screening] finds lung [cancers] early.')
    const long = `${'word '.repeat(50)}target ${'more '.repeat(50)}`
    const snippet = text(makeSnippet(long, parseQuery('target ')))
    expect(snippet.startsWith('… word')).toBe(true)
    expect(snippet).toContain('[target]')
    expect(snippet.endsWith('more …')).toBe(true)
  })

  it('returns text, never markup: the client renders it as text', () => {
    const parts = makeSnippet('<script>alert("lung")</script> lung', parseQuery('lung '))
    expect(parts.filter((p) => p.match).map((p) => p.text)).toEqual(['lung', 'lung'])
    // Kept as text (not escaped here, not stripped as markup): escaping is the renderer's job.
    expect(parts.map((p) => p.text).join('')).toContain('<script>alert("lung")</script>')
    expect(text(makeSnippet('> quoted **lung**\n> more', parseQuery('lung ')))).toBe('quoted [lung] more')
  })
})
