/**
 * References to other items written in Markdown: `[[topic:<id>]]`, `[[doc:<id>]]` (or
 * `[[document:<id>]]`), `[[session:<id>]]`, or a pasted hub address such as `/topics/<id>`,
 * `/documents/<id>` or `/sessions/<id>` (with or without the site in front). On save these become
 * `references` links with origin `markdown`.
 */
import type { ItemType } from '@appg-hub/db'

export interface ItemRef {
  type: ItemType
  id: string
}

const ID = '[A-Za-z0-9_-]{1,36}'
const BRACKETS = new RegExp(`\\[\\[(topic|doc|document|session):(${ID})\\]\\]`, 'g')
const PATHS = new RegExp(
  `(?:^|[\\s(<\\[]|https?://[^/\\s]+)/(topics|documents|sessions)/(${ID})(?![A-Za-z0-9_-])`,
  'gm',
)

const BRACKET_TYPES: Record<string, ItemType> = {
  topic: 'topic',
  doc: 'document',
  document: 'document',
  session: 'meeting',
}
const PATH_TYPES: Record<string, ItemType> = { topics: 'topic', documents: 'document', sessions: 'meeting' }

/** The items a body refers to, once each, in order of first mention. */
export function parseReferences(body: string): ItemRef[] {
  const found = new Map<string, ItemRef>()
  const add = (type: ItemType, id: string) => {
    const key = `${type}:${id}`
    if (!found.has(key)) found.set(key, { type, id })
  }
  for (const m of body.matchAll(BRACKETS)) add(BRACKET_TYPES[m[1]!]!, m[2]!)
  for (const m of body.matchAll(PATHS)) add(PATH_TYPES[m[1]!]!, m[2]!)
  return [...found.values()]
}

const HTML_BRACKETS = new RegExp(`\\[\\[(topic|doc|document|session):(${ID})\\]\\]`, 'g')

/**
 * Turns `[[type:id]]` in rendered (already escaped) HTML into links to the item, outside code.
 * The link shows the reference as written, never the item's title: whether the reader may see
 * the item is for the item's page to decide.
 */
export function linkReferencesInHtml(html: string): string {
  return html
    .split(/(<pre[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>|<a [\s\S]*?<\/a>)/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(HTML_BRACKETS, (_all, kind: string, id: string) => {
            const type = BRACKET_TYPES[kind]!
            const path = type === 'topic' ? 'topics' : type === 'meeting' ? 'sessions' : 'documents'
            return `<a class="item-ref" href="/${path}/${id}">${kind}:${id}</a>`
          }),
    )
    .join('')
}
