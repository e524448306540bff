import '../../styles/publication.css'
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDateTime } from '../../lib/format'
import { createQuery } from '../../lib/query'
import { api } from '../../lib/trpc'

/** The topic's space over time: who did what to the topic, its sessions and documents, newest first. */
export function TopicActivity(props: { topicId: string; stamp: string }) {
  const activity = createQuery(
    () => `${props.topicId}|${props.stamp}`,
    () => api.topics.activity.query({ id: props.topicId }),
  )
  return (
    <Show when={activity.data()}>
      {(entries) => (
        <section class="side-section" aria-labelledby="activity-heading">
          <h2 id="activity-heading" class="heading-m">
            Activity
          </h2>
          <Show when={entries().length > 0} fallback={<p class="hint">Nothing has happened yet.</p>}>
            <ol class="activity-list">
              <For each={entries()}>
                {(e) => (
                  <li class="activity-list__item">
                    <span class="hint-inline">
                      <time datetime={e.at}>{formatDateTime(e.at)}</time>
                    </span>
                    <span class="block">
                      {e.actor ?? 'Someone'}
                      {e.group ? ` (${e.group})` : ''} {e.did}
                      <Show when={e.item.type !== 'topic'}>
                        {' '}
                        <A href={e.item.path}>{e.item.title}</A>
                      </Show>
                      .
                    </span>
                  </li>
                )}
              </For>
            </ol>
          </Show>
        </section>
      )}
    </Show>
  )
}
