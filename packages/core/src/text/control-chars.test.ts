import { describe, expect, it } from 'vitest'
import { plainTextLines, withoutControls } from './control-chars'

const all = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + String.fromCharCode(127)

describe('control characters', () => {
  it('leaves only tab in a one-line value', () => {
    expect(withoutControls(`a${all}b`)).toBe('a\tb')
  })

  it('keeps tab and line ends (as LF) in text of several lines', () => {
    expect(plainTextLines(`a${all}b\r\nc\rd`)).toBe('a\t\n\nb\nc\nd')
  })

  it('leaves other characters, including non-Latin ones, alone', () => {
    expect(withoutControls('Café – 東京 🙂 \u0085')).toBe('Café – 東京 🙂 \u0085')
  })
})
