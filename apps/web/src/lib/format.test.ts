import { describe, expect, it } from 'vitest'
import { plural } from './format'

describe('plural', () => {
  it('uses the singular for one only', () => {
    expect(plural(1, 'comment')).toBe('1 comment')
    expect(plural(0, 'comment')).toBe('0 comments')
    expect(plural(2, 'person', 'people')).toBe('2 people')
    expect(plural(1204, 'group')).toBe('1,204 groups')
  })
})
