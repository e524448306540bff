import { describe, expect, it } from 'vitest'
import { markdownToPlainText, plainExcerpt, renderMarkdown } from './markdown'

const html = (source: string) => renderMarkdown(source).html

describe('renderMarkdown', () => {
  it('renders ordinary Markdown, with line breaks and autolinks', () => {
    expect(html('**Lung** cancer\nscreening')).toBe('<p><strong>Lung</strong> cancer<br>\nscreening</p>\n')
    expect(html('See https://www.nhs.uk/ now')).toBe(
      '<p>See <a href="https://www.nhs.uk/" rel="nofollow ugc noopener noreferrer">https://www.nhs.uk/</a> now</p>\n',
    )
  })

  it('escapes raw HTML instead of passing it through', () => {
    const payloads = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      '<a href="javascript:alert(1)">x</a>',
      '<svg/onload=alert(1)>',
      '<iframe src="https://evil.example"></iframe>',
      '<style>body{display:none}</style>',
    ]
    for (const payload of payloads) {
      const out = html(payload)
      expect(out, payload).not.toMatch(/<(script|img|svg|iframe|style)[\s>/]/i)
      expect(out, payload).not.toMatch(/<a [^>]*href="(?!https:)/i)
      expect(out, payload).not.toMatch(/<[a-z][^>]*\son\w+=/i)
      expect(out, payload).toContain('&lt;')
    }
  })

  it('refuses dangerous link targets however they are spelt', () => {
    const payloads = [
      '[x](javascript:alert(1))',
      '[x](JavaScript:alert(1))',
      '[x]( javascript:alert(1) )',
      '[x](&#106;avascript:alert(1))',
      '[x](&#x6A;avascript&colon;alert(1))',
      '[x](java\tscript:alert(1))',
      '[x](vbscript:msgbox(1))',
      '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
      '[x](data:image/png;base64,iVBORw0KGgo=)',
      '[x](file:///etc/passwd)',
      '<javascript:alert(1)>',
      '[x](person:abc)',
      '![x](https://tracker.example/pixel.png)',
      '![x](javascript:alert(1))',
    ]
    for (const payload of payloads) {
      const out = html(payload)
      expect(out, payload).not.toMatch(/href="(?!https?:|mailto:|\/|#)/i)
      expect(out, payload).not.toMatch(/<img/i)
      expect(out.toLowerCase(), payload).not.toMatch(/href="[^"]*(javascript|vbscript|data|file):/)
    }
  })

  it('keeps safe links: http(s), mailto and relative', () => {
    expect(html('[a](https://example.org/x?y=1)')).toContain('href="https://example.org/x?y=1"')
    expect(html('[a](mailto:clerk@parliament.uk)')).toContain('href="mailto:clerk@parliament.uk"')
    expect(html('[a](/topics/abc#comment-1)')).toContain('href="/topics/abc#comment-1"')
  })

  it('renders mentions as spans and lists who is mentioned, escaping the name', () => {
    const out = renderMarkdown(
      'Thanks @[Fiona MacLeod](person:p1) and @[<b>Owen</b>](person:p2), @[Fiona MacLeod](person:p1)!',
    )
    expect(out.mentions).toEqual(['p1', 'p2'])
    expect(out.html).toContain('<span class="mention" data-person-id="p1">@Fiona MacLeod</span>')
    expect(out.html).toContain('<span class="mention" data-person-id="p2">@&lt;b&gt;Owen&lt;/b&gt;</span>')
    expect(out.html).not.toContain('<b>')
  })

  it('does not count a mention written inside code', () => {
    const out = renderMarkdown('`@[A](person:p1)`\n\n    @[B](person:p2)\n\n@[C](person:p3)')
    expect(out.mentions).toEqual(['p3'])
    expect(out.html).toContain('<code>@[A](person:p1)</code>')
  })

  it('leaves an ordinary @ alone', () => {
    expect(renderMarkdown('email me @ home, or @someone').mentions).toEqual([])
    expect(html('write to clerk@parliament.uk')).toContain('href="mailto:clerk@parliament.uk"')
  })
})

describe('plainExcerpt', () => {
  it('turns Markdown and mentions into short plain text', () => {
    expect(
      plainExcerpt('**Hello** @[Fiona MacLeod](person:p1), see [the brief](https://x.org)\n\n> quoted'),
    ).toBe('Hello @Fiona MacLeod, see the brief quoted')
    const long = plainExcerpt('word '.repeat(100), 20)
    expect(long.length).toBeLessThanOrEqual(20)
    expect(long.endsWith('…')).toBe(true)
  })
})

describe('markdownToPlainText', () => {
  it('keeps the words and the structure and drops the markup', () => {
    const source = [
      '## Agenda',
      '',
      'A **joint** session on *lung cancer*, with [the briefing](https://example.org/b) and @[Tom Whitfield](person:p_tom).',
      '',
      '- Screening',
      '- Early diagnosis',
      '',
      '1. Welcome',
      '2. Evidence',
      '',
      'See https://example.org/c and `code`.',
      '',
      '| Time | Item |',
      '| --- | --- |',
      '| 2pm | Welcome |',
    ].join('\n')
    expect(markdownToPlainText(source)).toBe(
      [
        'Agenda',
        '',
        'A joint session on lung cancer, with the briefing (https://example.org/b) and @Tom Whitfield.',
        '',
        '• Screening',
        '• Early diagnosis',
        '',
        '1. Welcome',
        '2. Evidence',
        '',
        'See https://example.org/c and code.',
        '',
        'Time | Item',
        '2pm | Welcome',
      ].join('\n'),
    )
  })

  it('leaves plain text as it is', () => {
    expect(markdownToPlainText('Room 10.\nBring the papers.')).toBe('Room 10.\nBring the papers.')
    expect(markdownToPlainText('')).toBe('')
  })
})
