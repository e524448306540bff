/**
 * Markdown written by people (topic summaries, comments), rendered to HTML on the server so that
 * every client shows the same safe thing. Raw HTML is escaped (`html: false`), links may only be
 * http(s), mailto or relative (markdown-it's own check refuses `javascript:`, `vbscript:`,
 * `file:` and most `data:`; this one refuses every other scheme as well), and images are not
 * rendered (nothing is fetched from elsewhere). Mentions are written `@[Display Name](person:<id>)`
 * and shown as a mention span.
 */
import MarkdownIt, { type StateInline, type Token } from 'markdown-it'

const MENTION = /^@\[([^\]\n]{1,200})\]\(person:([A-Za-z0-9_-]{1,64})\)/
const MENTION_GLOBAL = /@\[([^\]\n]{1,200})\]\(person:([A-Za-z0-9_-]{1,64})\)/g
const ALLOWED_SCHEMES = new Set(['http', 'https', 'mailto'])

const md = new MarkdownIt({ html: false, linkify: true, breaks: true, typographer: false })
md.disable('image')

const defaultValidateLink = md.validateLink.bind(md)
md.validateLink = (url: string): boolean => {
  if (!defaultValidateLink(url)) return false
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url.trim())
  return !scheme || ALLOWED_SCHEMES.has(scheme[1]!.toLowerCase())
}

md.inline.ruler.before('link', 'mention', (state: StateInline, silent: boolean) => {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false
  const match = MENTION.exec(state.src.slice(state.pos, state.posMax))
  if (!match) return false
  if (!silent) {
    const token = state.push('mention', 'span', 0)
    token.meta = { name: match[1]!.trim(), personId: match[2]! }
  }
  state.pos += match[0].length
  return true
})

md.renderer.rules.mention = (tokens: Token[], idx: number) => {
  const { name, personId } = tokens[idx]!.meta as { name: string; personId: string }
  return `<span class="mention" data-person-id="${md.utils.escapeHtml(personId)}">@${md.utils.escapeHtml(name)}</span>`
}

const renderLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'nofollow ugc noopener noreferrer')
  return renderLinkOpen(tokens, idx, options, env, self)
}

export interface RenderedMarkdown {
  html: string
  /** Ids of the people mentioned, once each, in order; mentions inside code are not mentions. */
  mentions: string[]
}

/** Renders Markdown source to safe HTML and lists the people it mentions. */
export function renderMarkdown(source: string): RenderedMarkdown {
  const env = {}
  const tokens = md.parse(source, env)
  const mentions: string[] = []
  for (const token of tokens) {
    for (const child of token.children ?? []) {
      if (child.type !== 'mention') continue
      const id = (child.meta as { personId: string }).personId
      if (!mentions.includes(id)) mentions.push(id)
    }
  }
  return { html: md.renderer.render(tokens, md.options, env), mentions }
}

/** The parsed token stream of a Markdown source, for writers of other formats (the Word export). */
export function markdownTokens(source: string): Token[] {
  return md.parse(source, {})
}

/** A short plain-text version for notifications and emails: mentions as `@Name`, no markup. */
export function plainExcerpt(source: string, max = 140): string {
  const text = source
    .replace(MENTION_GLOBAL, (_all, name: string) => `@${name.trim()}`)
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[`*_~>#]+/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/**
 * The whole source as plain text, for places that show no markup (a calendar entry's description):
 * paragraphs and headings as lines with a blank line between blocks, list items with "• " or their
 * number, links as "text (address)", mentions as `@Name`, code as written; no `*`, `#` or brackets.
 */
export function markdownToPlainText(source: string): string {
  // A tight block (a list item, a table row) follows the one before it without a blank line.
  const blocks: { text: string; tight: boolean }[] = []
  let line = ''
  let tight = false
  const lists: { ordered: boolean; next: number }[] = []
  let quote = 0
  // The first item of a list (or row of a table) starts a new block; the ones after it are tight.
  let groupStart = false
  const flush = () => {
    const text = line.replace(/[ \t]+\n/g, '\n').trimEnd()
    if (text.trim()) blocks.push({ text, tight })
    line = ''
    tight = false
  }
  const inline = (children: Token[]) => {
    let text = ''
    const hrefs: (string | null)[] = []
    let linkText = ''
    for (const child of children) {
      let piece = ''
      if (child.type === 'text' || child.type === 'code_inline') piece = child.content
      else if (child.type === 'softbreak' || child.type === 'hardbreak') piece = '\n'
      else if (child.type === 'mention') piece = `@${(child.meta as { name: string }).name}`
      else if (child.type === 'link_open') {
        const href = child.attrGet('href')
        hrefs.push(href === null ? null : String(href))
        linkText = ''
        continue
      } else if (child.type === 'link_close') {
        const href = hrefs.pop()
        // An address written as itself (linkify) is not repeated.
        if (href && href !== linkText && `mailto:${linkText}` !== href && `http://${linkText}` !== href)
          text += ` (${href})`
        continue
      }
      text += piece
      linkText += piece
    }
    return text
  }
  for (const token of md.parse(source, {})) {
    switch (token.type) {
      case 'bullet_list_open':
        groupStart ||= lists.length === 0
        lists.push({ ordered: false, next: 1 })
        break
      case 'ordered_list_open':
        groupStart ||= lists.length === 0
        lists.push({ ordered: true, next: Number(token.attrGet('start') ?? 1) })
        break
      case 'bullet_list_close':
      case 'ordered_list_close':
        lists.pop()
        break
      case 'list_item_open': {
        flush()
        const list = lists.at(-1)
        const indent = '  '.repeat(Math.max(0, lists.length - 1))
        line = `${indent}${list?.ordered ? `${list.next++}. ` : '• '}`
        tight = !groupStart
        groupStart = false
        break
      }
      case 'blockquote_open':
        quote++
        break
      case 'blockquote_close':
        quote--
        break
      case 'inline':
        line += `${quote > 0 && !line ? '“' : ''}${inline(token.children ?? [])}${quote > 0 ? '”' : ''}`
        break
      case 'paragraph_close':
      case 'heading_close':
      case 'list_item_close':
        flush()
        break
      case 'fence':
      case 'code_block':
        flush()
        blocks.push({ text: token.content.replace(/\n$/, ''), tight: false })
        break
      case 'hr':
        flush()
        blocks.push({ text: '———', tight: false })
        break
      case 'table_open':
        groupStart = true
        break
      case 'tr_open':
        tight = !groupStart
        groupStart = false
        break
      case 'tr_close':
        flush()
        break
      case 'td_open':
      case 'th_open':
        if (line) line += ' | '
        break
    }
  }
  flush()
  return blocks.map((block, i) => (i > 0 && !block.tight ? `\n${block.text}` : block.text)).join('\n')
}
