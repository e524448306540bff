import { describe, expect, it } from 'vitest'
import { tokens } from './text'

const stems = (text: string) => tokens(text).map((t) => t.stem)

describe('tokens', () => {
  it('stems words so that forms of one word meet', () => {
    expect(stems('cancers')).toEqual(stems('cancer'))
    expect(stems('screening')).toEqual(stems('screen'))
    expect(stems('therapies')).toEqual(stems('therapy'))
    expect(stems('lungs')).toEqual(stems('lung'))
  })

  it("drops stop words and the Register's boilerplate", () => {
    expect(stems('The All-Party Parliamentary Group on Cancer')).toEqual(['cancer'])
    expect(stems('To raise awareness of issues and to promote the interests of members')).toEqual([])
  })

  it('folds accents and case, and keeps what was written for display', () => {
    expect(tokens('Café CAFE')).toEqual([
      { stem: 'cafe', word: 'cafe' },
      { stem: 'cafe', word: 'cafe' },
    ])
    expect(tokens("Europe's genomics").map((t) => t.word)).toEqual(['europe', 'genomics'])
  })
})
