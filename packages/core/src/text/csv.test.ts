import { describe, expect, it } from 'vitest'
import { csvCell, csvText } from './csv'

describe('csvCell', () => {
  it('defuses what a spreadsheet would run as a formula', () => {
    for (const lead of ['=', '+', '-', '@', '\t', '\r'])
      expect(csvCell(`${lead}HYPERLINK("x")`).replace(/^"/, '')).toMatch(/^'/)
    expect(csvCell('=1+1')).toBe("'=1+1")
  })

  it('quotes commas, quotes and line breaks, and leaves plain text alone', () => {
    expect(csvCell('a, "b"')).toBe('"a, ""b"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell(null)).toBe('')
    expect(csvCell(3)).toBe('3')
  })

  it('writes rows with CRLF line ends', () => {
    expect(
      csvText([
        ['a', 'b'],
        ['-1', null],
      ]),
    ).toBe("a,b\r\n'-1,\r\n")
  })
})
