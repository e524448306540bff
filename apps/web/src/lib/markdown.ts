/**
 * A small Markdown reader for the preview tab only: paragraphs (a single newline is a line break,
 * as on the server), headings, bullet and numbered lists, and inline bold, italics, code, links and @mentions. It builds a plain tree that the
 * preview turns into elements, so nothing typed is ever parsed as HTML. What the server renders
 * (summaryHtml, bodyHtml) is what everyone else sees.
 */

export type Inline =
  | { kind: 'text'; text: string }
  | { kind: 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'mention'; name: string }

export type Block =
  | { kind: 'p'; inlines: Inline[] }
  | { kind: 'h'; level: 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'ul' | 'ol'; items: Inline[][] }
  | { kind: 'quote'; inlines: Inline[] }

const INLINE =
  /@\[([^\]\n]{1,120})\]\(person:[\w-]{1,64}\)|\*\*([^*\n]+)\*\*|__([^_\n]+)__|\*([^*\n]+)\*|_([^_\n]+)_|`([^`\n]+)`|\[([^\]\n]+)\]\(([^)\s]+)\)/g

/** Only web and mail links become links in the preview; anything else stays as text. */
function safeHref(href: string): string | null {
  return /^(https?:\/\/|mailto:|\/(?!\/))/i.test(href) ? href : null
}

export function parseInline(text: string): Inline[] {
  const out: Inline[] = []
  let last = 0
  for (const m of text.matchAll(INLINE)) {
    const at = m.index ?? 0
    if (at > last) out.push({ kind: 'text', text: text.slice(last, at) })
    if (m[1] !== undefined) out.push({ kind: 'mention', name: m[1] })
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', text: (m[2] ?? m[3])! })
    else if (m[4] !== undefined || m[5] !== undefined) out.push({ kind: 'em', text: (m[4] ?? m[5])! })
    else if (m[6] !== undefined) out.push({ kind: 'code', text: m[6] })
    else {
      const href = safeHref(m[8]!)
      out.push(href ? { kind: 'link', text: m[7]!, href } : { kind: 'text', text: m[0] })
    }
    last = at + m[0].length
  }
  if (last < text.length) out.push({ kind: 'text', text: text.slice(last) })
  return out
}

export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = []
  const lines = source.replace(/\r\n?/g, '\n').split('\n')
  let para: string[] = []
  let list: { kind: 'ul' | 'ol'; items: string[] } | null = null

  const flush = () => {
    if (para.length > 0) blocks.push({ kind: 'p', inlines: parseInline(para.join('\n')) })
    if (list) blocks.push({ kind: list.kind, items: list.items.map(parseInline) })
    para = []
    list = null
  }

  for (const raw of lines) {
    const line = raw.trimEnd()
    const heading = /^(#{1,6})\s+(.+)$/.exec(line)
    const bullet = /^\s*[-*+]\s+(.+)$/.exec(line)
    const numbered = /^\s*\d+[.)]\s+(.+)$/.exec(line)
    const quote = /^>\s?(.*)$/.exec(line)
    if (!line.trim()) {
      flush()
    } else if (heading) {
      flush()
      const level = Math.min(4, Math.max(2, heading[1]!.length + 1)) as 2 | 3 | 4
      blocks.push({ kind: 'h', level, inlines: parseInline(heading[2]!) })
    } else if (bullet || numbered) {
      const kind = bullet ? 'ul' : 'ol'
      if (para.length > 0 || (list && list.kind !== kind)) flush()
      list ??= { kind, items: [] }
      list.items.push((bullet ?? numbered)![1]!)
    } else if (quote) {
      flush()
      blocks.push({ kind: 'quote', inlines: parseInline(quote[1]!) })
    } else if (list) {
      // A continuation line of the last list item.
      list.items[list.items.length - 1] += ` ${line.trim()}`
    } else {
      para.push(line.trim())
    }
  }
  flush()
  return blocks
}

/** Mentions as people read them: `@[Jane Smith](person:abc)` becomes `@Jane Smith`. */
export function plainMentions(source: string): string {
  return source.replace(/@\[([^\]\n]{1,120})\]\(person:[\w-]{1,64}\)/g, '@$1')
}
