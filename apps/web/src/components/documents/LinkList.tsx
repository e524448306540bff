import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { BACKLINK_TYPE_NAMES, type DocumentLink, ITEM_NAMES, LINK_TYPE_NAMES } from '../../lib/documents'
import { listText } from '../../lib/format'

/**
 * Links or backlinks. An item the reader may not see is listed as "Restricted", never by title
 * (the server does not send it).
 */
export function LinkList(props: {
  links: DocumentLink[]
  backlinks?: boolean
  empty: string
  id: string
  /** Offered for explicit links when the reader may edit the document. */
  onRemove?: (link: DocumentLink) => void
}) {
  return (
    <Show when={props.links.length > 0} fallback={<p>{props.empty}</p>}>
      <ul class="doc-links" id={props.id}>
        <For each={props.links}>
          {(link) => (
            <li>
              <span class="badge badge--grey">{ITEM_NAMES[link.itemType] ?? link.itemType}</span>{' '}
              {(props.backlinks ? BACKLINK_TYPE_NAMES : LINK_TYPE_NAMES)[link.linkType] ?? link.linkType}:{' '}
              <Show
                when={!link.restricted && link.path}
                fallback={<span class="doc-links__restricted">Restricted item (you cannot see it)</span>}
              >
                <A href={link.path!}>{link.title}</A>
              </Show>
              <Show when={link.hosts && link.hosts.length > 0}>
                <span class="hint"> (hosted by {listText(link.hosts!)})</span>
              </Show>
              <Show when={link.origin === 'markdown'}>
                <span class="hint"> (referred to in the text)</span>
              </Show>
              <Show when={props.onRemove && link.origin === 'explicit'}>
                {' '}
                <button
                  type="button"
                  class="button button--link"
                  aria-label={`Remove the link to ${link.restricted ? 'a restricted item' : link.title}`}
                  onClick={() => props.onRemove?.(link)}
                >
                  Remove
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}
