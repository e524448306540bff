import { For } from 'solid-js'

const URL_PATTERN = /(https?:\/\/[^\s<>"')]+[^\s<>"').,;:!?])/g

/** Plain text with its web addresses made into links (same-site links stay in the app). */
export function Linkify(props: { text: string | null | undefined }) {
  const parts = () => {
    const text = props.text ?? ''
    const out: { text: string; href?: string }[] = []
    let last = 0
    for (const match of text.matchAll(URL_PATTERN)) {
      const index = match.index ?? 0
      if (index > last) out.push({ text: text.slice(last, index) })
      out.push({ text: match[0], href: match[0] })
      last = index + match[0].length
    }
    if (last < text.length) out.push({ text: text.slice(last) })
    return out
  }
  return (
    <For each={parts()}>
      {(part) => {
        if (!part.href) return part.text
        const sameSite = part.href.startsWith(window.location.origin)
        const href = sameSite ? part.href.slice(window.location.origin.length) || '/' : part.href
        return (
          <a href={href} class="break-anywhere" rel={sameSite ? undefined : 'noopener noreferrer'}>
            {part.text}
          </a>
        )
      }}
    </For>
  )
}

/**
 * The Register's secretariat text runs the web address into the sentence ("…secretariat.https://…");
 * this puts a space back before it.
 */
export function spaceBeforeUrls(text: string | null | undefined): string {
  return (text ?? '').replace(/([^\s])(https?:\/\/)/g, '$1 $2')
}
