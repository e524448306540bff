import { For } from 'solid-js'
import { linkParts } from '../lib/links'

/** Plain text with its web addresses made into links (same-site links stay in the app). */
export function Linkify(props: { text: string | null | undefined }) {
  return (
    <For each={linkParts(props.text)}>
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
