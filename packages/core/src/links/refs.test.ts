import { describe, expect, it } from 'vitest'
import { linkReferencesInHtml, parseReferences } from './refs'

describe('parseReferences', () => {
  it('finds bracket references and pasted hub addresses, once each', () => {
    const body = [
      'See [[topic:t1]] and [[doc:d-2]], also [[session:m_3]].',
      'Pasted: https://hub.example.org/topics/t1 and /documents/d9 and (/sessions/m_3).',
      'Not a ref: /topicsx/abc, [[person:p1]], foo/topics/zz',
    ].join('\n')
    expect(parseReferences(body)).toEqual([
      { type: 'topic', id: 't1' },
      { type: 'document', id: 'd-2' },
      { type: 'meeting', id: 'm_3' },
      { type: 'document', id: 'd9' },
    ])
  })
})

describe('linkReferencesInHtml', () => {
  it('links references outside code only', () => {
    expect(linkReferencesInHtml('<p>[[doc:abc]] <code>[[doc:abc]]</code></p>')).toBe(
      '<p><a class="item-ref" href="/documents/abc">doc:abc</a> <code>[[doc:abc]]</code></p>',
    )
  })
})
