import { describe, expect, it } from 'vitest'
import { renderDocumentBody, renderRevisionBody } from './read'

describe('rendering a revision', () => {
  it('renders as the document renderer does, and once per revision', () => {
    const html = renderRevisionBody('rev-cache-1', '# Title\n\nSome **words**.')
    expect(html).toBe(renderDocumentBody('# Title\n\nSome **words**.'))
    // A revision never changes: the second read is the kept HTML, not a new rendering.
    expect(renderRevisionBody('rev-cache-1', 'anything else')).toBe(html)
    expect(renderRevisionBody('rev-cache-2', 'Other *text*.')).toContain('<em>text</em>')
  })

  it('keeps about 8 M characters, dropping the least recently read first', () => {
    const big = 'x'.repeat(3_000_000)
    renderRevisionBody('big-1', big)
    renderRevisionBody('big-2', big)
    renderRevisionBody('big-1', 'changed') // read again: now the most recent
    renderRevisionBody('big-3', big) // over the budget: big-2 goes
    expect(renderRevisionBody('big-1', 'changed')).toContain('x'.repeat(100))
    expect(renderRevisionBody('big-2', 'changed')).toBe('<p>changed</p>\n')
  })
})
