import { describe, expect, it } from 'vitest'
import { displayText, mentionsIn, mentionToken, storedText } from './mentions'

const tom = { id: 'p_tom1', name: 'Tom Whitfield' }
const ann = { id: 'p_ann1', name: 'Ann' }
const annLee = { id: 'p_ann2', name: 'Ann Lee' }

describe('mentions in the textarea', () => {
  it('shows the name and keeps the id behind it', () => {
    const stored = `Thanks ${mentionToken(tom)}, see you there.`
    expect(displayText(stored)).toBe('Thanks @Tom Whitfield, see you there.')
    expect(storedText(displayText(stored), mentionsIn(stored))).toBe(stored)
  })

  it('keeps the mention when text is typed around it, and drops it when the name is edited', () => {
    const known = [tom]
    expect(storedText('Hello @Tom Whitfield and all', known)).toBe(`Hello ${mentionToken(tom)} and all`)
    expect(storedText('Hello @Tom Whitf and all', known)).toBe('Hello @Tom Whitf and all')
    expect(storedText('Hello @Tom Whitfields', known)).toBe('Hello @Tom Whitfields')
  })

  it('prefers the longer of two names that start alike', () => {
    expect(storedText('@Ann Lee and @Ann', [ann, annLee])).toBe(
      `${mentionToken(annLee)} and ${mentionToken(ann)}`,
    )
  })

  it('reads every mention of a stored comment, names with regular-expression characters included', () => {
    const odd = { id: 'p_odd', name: 'J. (Jo) Smith+' }
    const stored = `${mentionToken(tom)} ${mentionToken(odd)}`
    expect(mentionsIn(stored)).toEqual([tom, { id: 'p_odd', name: 'J. (Jo) Smith+' }])
    expect(storedText(displayText(stored), mentionsIn(stored))).toBe(stored)
  })
})

describe('picking a mention', () => {
  it('replaces the typed query by the name, and the stored text carries the id', async () => {
    const { insertMention, mentionQuery } = await import('./mentions')
    const shown = 'Ask @Tom W'
    const range = mentionQuery(shown, shown.length)!
    expect(range).toEqual({ start: 4, query: 'Tom W' })
    const result = insertMention(shown, range.start, shown.length, tom)
    expect(result).toEqual({ text: 'Ask @Tom Whitfield ', caret: 19 })
    expect(storedText(result.text, [tom])).toBe(`Ask ${mentionToken(tom)} `)
  })
})
