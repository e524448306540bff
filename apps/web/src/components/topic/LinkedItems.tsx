import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { listText } from '../../lib/format'
import type { TopicLink } from '../../lib/trpc'

const KIND_NAMES: Record<string, string> = { topic: 'Topic', meeting: 'Session', document: 'Document' }

/** How the other item relates to this one, in words. */
function relation(link: TopicLink): string {
  const incoming = link.direction === 'in'
  switch (link.linkType) {
    case 'briefing_for':
      return incoming ? 'Briefing for this topic' : 'This topic is briefed by it'
    case 'minutes_of':
      return incoming ? 'Minutes of this topic' : 'Minutes'
    case 'supersedes':
      return incoming ? 'Replaces this topic' : 'Replaced by this topic'
    default:
      return incoming ? 'Refers to this topic' : 'Referred to here'
  }
}

/** Sessions, documents and topics linked to the topic, either way; restricted ones without a title. */
export function LinkedItems(props: { links: TopicLink[] }) {
  return (
    <section class="section" aria-labelledby="links-heading">
      <h2 id="links-heading" class="heading-l">
        Linked items
      </h2>
      <Show when={props.links.length > 0} fallback={<p>Nothing linked yet.</p>}>
        <ul class="link-items">
          <For each={props.links}>
            {(link) => (
              <li class="link-items__item">
                <span class="badge badge--grey">{KIND_NAMES[link.itemType] ?? link.itemType}</span>{' '}
                <Show
                  when={!link.restricted && link.path && link.title}
                  fallback={
                    <span class="hint-inline">
                      A {(KIND_NAMES[link.itemType] ?? 'item').toLowerCase()} you cannot open
                    </span>
                  }
                >
                  <A href={link.path!}>{link.title}</A>
                </Show>
                <span class="block hint-inline link-items__meta">
                  {relation(link)}
                  <Show when={link.hosts && link.hosts.length > 0}> · hosted by {listText(link.hosts!)}</Show>
                  <Show when={link.detail}> · {link.detail!.replace(/_/g, ' ')}</Show>
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
