/**
 * Mentions as stored (`@[Name](person:id)`, what the server reads) and as shown while typing
 * (`@Name`): the textarea shows the name and keeps the id behind it, in a list of the mentions it
 * knows, and writes the stored form back on every change.
 */
export interface Mention {
  id: string
  name: string
}

const TOKEN = /@\[([^\]]+)\]\(person:([A-Za-z0-9_-]+)\)/g

/** The stored form of one mention; brackets in a name would end the token early. */
export function mentionToken(person: Mention): string {
  return `@[${person.name.replace(/[[\]]/g, '')}](person:${person.id})`
}

/** The mentions a stored text holds, in order. */
export function mentionsIn(stored: string): Mention[] {
  return [...stored.matchAll(TOKEN)].map((m) => ({ name: m[1]!, id: m[2]! }))
}

/** What the textarea shows: every `@[Name](person:id)` as `@Name`. */
export function displayText(stored: string): string {
  return stored.replace(TOKEN, (_, name: string) => `@${name}`)
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/**
 * The stored form of what the textarea shows: each `@Name` of a known mention becomes its token
 * again. A name edited into something else ("@Tom Whitf") is no longer a mention. Longer names are
 * tried first, so "@Ann Lee" is not taken for "@Ann". Two people of the same name keep the first id.
 */
export function storedText(display: string, known: readonly Mention[]): string {
  const byName = new Map<string, Mention>()
  for (const person of known) if (!byName.has(person.name)) byName.set(person.name, person)
  if (byName.size === 0) return display
  const names = [...byName.keys()].sort((a, b) => b.length - a.length).map(escapeRegExp)
  const pattern = new RegExp(`@(${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu')
  return display.replace(pattern, (_, name: string) => mentionToken(byName.get(name)!))
}

/** `@` and the start of a name, right before the caret: "@To" or "@Tom Wh". */
const TRIGGER = /(?:^|[\s(])@([\p{L}][\p{L}\p{M}'’.-]*(?: [\p{L}\p{M}'’.-]*)?)$/u

/** The query being typed at `caret` of the shown text, and where its `@` starts; null when none. */
export function mentionQuery(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret)
  const match = TRIGGER.exec(before)
  if (!match) return null
  const query = match[1]!
  return { start: caret - query.length - 1, query }
}

/** The shown text with `@query` at `start` replaced by `@Name `, and where the caret goes. */
export function insertMention(
  text: string,
  start: number,
  caret: number,
  person: Mention,
): { text: string; caret: number } {
  const shown = `@${person.name.replace(/[[\]]/g, '')}`
  const after = text.slice(caret)
  const space = after.startsWith(' ') ? '' : ' '
  return { text: `${text.slice(0, start)}${shown}${space}${after}`, caret: start + shown.length + 1 }
}
