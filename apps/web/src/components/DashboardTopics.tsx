import { Show } from 'solid-js'
import { createPagedRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { api } from '../lib/trpc'
import { ShowMore } from './ShowMore'
import { Loading } from './Status'
import { TopicList } from './TopicBits'

/** "Topics of my groups" on the dashboard: newest activity first. */
export function DashboardTopics() {
  const topics = createPagedRead(
    'topics.dashboard',
    () => true,
    (_, cursor) => api.topics.dashboard.query({ cursor }),
  )
  return (
    <section class="section" aria-labelledby="topics-heading">
      <h2 id="topics-heading" class="heading-l">
        Topics of my groups
      </h2>
      <Show when={!topics.loading()} fallback={<Loading label="Loading topics…" />}>
        <Show when={topics.error() && topics.items().length === 0}>
          <div class="alert alert--error" role="alert">
            {errorInfo(topics.error()).message}
          </div>
        </Show>
        <Show
          when={topics.items().length > 0}
          fallback={
            <Show when={!topics.error()}>
              <p>
                None of your groups has a topic yet. Officers and secretariats can start one from their
                group’s page.
              </p>
            </Show>
          }
        >
          <p class="hint">Most recent activity first.</p>
          <TopicList items={topics.items()} id="dashboard-topics" />
          <ShowMore
            list={topics}
            label="Show more topics"
            listId="dashboard-topics"
            focusSelector=".card__title a"
          />
        </Show>
      </Show>
    </section>
  )
}
