import '../../styles/publication.css'
import { A } from '@solidjs/router'
import { createEffect, For, on, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { formatDateTime, plural } from '../../lib/format'
import { api } from '../../lib/trpc'

/**
 * The topic's space over time: who did what to the topic, its sessions and documents, newest
 * first, with what happened since my last visit marked as new. Showing it records this visit.
 */
export function TopicActivity(props: { topicId: string; stamp: string }) {
  const activity = createRead(
    'topics.activity',
    () => `${props.topicId}|${props.stamp}`,
    () => api.topics.activity.query({ id: props.topicId }),
  )
  // The first time the activity shows on this page, the visit is recorded for next time.
  createEffect(
    on(
      () => (activity.data() ? props.topicId : null),
      (id) => {
        if (id) void api.topics.markVisited.mutate({ id }).catch(() => undefined)
      },
    ),
  )
  const isNew = (at: string) => {
    const last = activity.data()?.lastVisitAt
    return last !== null && last !== undefined && at > last
  }
  const newCount = () => activity.data()?.entries.filter((e) => isNew(e.at)).length ?? 0
  return (
    <Show when={activity.data()}>
      {(a) => (
        <section class="side-section" aria-labelledby="activity-heading">
          <h2 id="activity-heading" class="heading-m">
            Activity
          </h2>
          <Show when={a().lastVisitAt}>
            <p class="hint">
              {newCount() > 0
                ? `${plural(newCount(), 'change')} since your last visit (${formatDateTime(a().lastVisitAt)}).`
                : `Nothing new since your last visit (${formatDateTime(a().lastVisitAt)}).`}
            </p>
          </Show>
          <Show when={a().entries.length > 0} fallback={<p class="hint">Nothing has happened yet.</p>}>
            <ol class="activity-list">
              <For each={a().entries}>
                {(e) => (
                  <li class="activity-list__item" classList={{ 'activity-list__item--new': isNew(e.at) }}>
                    <span class="hint-inline">
                      <Show when={isNew(e.at)}>
                        <span class="badge badge--green">New</span>{' '}
                      </Show>
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
