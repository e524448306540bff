/**
 * Register fields that hold prose and web addresses run together, as the Register prints them:
 * "…act as the group's secretariat.https://www.diabetes.org.ukandhttps://www.breakthrought1d.org".
 * Split into the words and the addresses, so that each address can be a link of its own.
 */
export interface TextWithLinks {
  /** The words, without the addresses (empty when the field is only addresses). */
  text: string
  links: string[]
}

const URL_START = /https?:\/\//gi
/** What joins two run-together addresses ("…org.ukandhttps://…") but belongs to neither. */
const GLUED_JOINER = /(?:and|&|,|;)+$/i
const TRAILING = /[.,;:)\]]+$/
const JOINER_WORDS = /^(?:and|&|,|;|\s)*$/i

export function splitRunOnUrls(value: string | null | undefined): TextWithLinks {
  const input = (value ?? '').trim()
  const starts = [...input.matchAll(URL_START)].map((m) => m.index)
  if (starts.length === 0) return { text: input.replace(/\s+/g, ' '), links: [] }
  const words = [input.slice(0, starts[0])]
  const links: string[] = []
  for (const [i, start] of starts.entries()) {
    const segment = input.slice(start, starts[i + 1] ?? input.length)
    // An address runs to the first space; the words after it are prose (or a joining "and").
    const space = segment.search(/\s/)
    let address = space >= 0 ? segment.slice(0, space) : segment
    const after = space >= 0 ? segment.slice(space) : ''
    if (i + 1 < starts.length && space < 0) address = address.replace(GLUED_JOINER, '')
    address = address.replace(TRAILING, '')
    if (address.length > 'https://'.length) links.push(address)
    if (!JOINER_WORDS.test(after)) words.push(after)
  }
  // A bracket opened just before an address closes with it.
  const text = words.map((w) => w.replace(/\(\s*$/, '')).join(' ')
  return { text: text.replace(/\s+/g, ' ').trim(), links: [...new Set(links)] }
}
