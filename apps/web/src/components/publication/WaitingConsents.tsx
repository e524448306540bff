import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { formatDateTime } from '../../lib/format'
import { api } from '../../lib/trpc'

const NOUN: Record<string, string> = { topic: 'Topic', meeting: 'Session', document: 'Document' }

/** Requests to publish that wait for the consent of a group I answer for (I am its chair or officer). */
export function WaitingConsents() {
  const waiting = createRead(
    'publication.waiting',
    () => true,
    () => api.publication.waiting.query(),
  )
  return (
    <Show when={(waiting.data()?.length ?? 0) > 0}>
      <section class="section" aria-labelledby="waiting-heading">
        <h2 id="waiting-heading" class="heading-l">
          Waiting for your group’s consent to publish
        </h2>
        <ul class="link-items">
          <For each={waiting.data()}>
            {(w) => (
              <li class="link-items__item">
                <span class="badge badge--grey">{NOUN[w.itemType] ?? 'Item'}</span>{' '}
                <A href={w.path}>{w.title}</A>
                <span class="block hint-inline link-items__meta">
                  {w.requestedBy} of {w.from.title} asks {w.group.title}, {formatDateTime(w.createdAt)}; open
                  until {formatDateTime(w.expiresAt)}
                </span>
              </li>
            )}
          </For>
        </ul>
      </section>
    </Show>
  )
}
