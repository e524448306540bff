/**
 * The Register's secretariat text runs web addresses into the sentence and into each other
 * ("…secretariat.https://www.diabetes.org.ukandhttps://www.breakthrought1d.org"). This puts a space
 * before each address and takes a glued "and" (or "&", ",", ";") off the address before it, as the
 * server's `splitRunOnUrls` does for the publication notice, so that each address is a link of its own.
 */
export function spaceBeforeUrls(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/(\S)(and|&|,|;)(?=https?:\/\/)/gi, (_, before: string, joiner: string) =>
      /^and$/i.test(joiner) ? `${before} and ` : `${before}${joiner} `,
    )
    .replace(/([^\s])(https?:\/\/)/g, '$1 $2')
}

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?])/g

/** Text split into its words and its web addresses. */
export function linkParts(text: string | null | undefined): { text: string; href?: string }[] {
  const value = text ?? ''
  const out: { text: string; href?: string }[] = []
  let last = 0
  for (const match of value.matchAll(URL_PATTERN)) {
    const index = match.index ?? 0
    if (index > last) out.push({ text: value.slice(last, index) })
    out.push({ text: match[0], href: match[0] })
    last = index + match[0].length
  }
  if (last < value.length) out.push({ text: value.slice(last) })
  return out
}
