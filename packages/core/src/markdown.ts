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
