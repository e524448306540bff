import { A } from '@solidjs/router'
import { Show } from 'solid-js'
import { createPagedRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import { ShowMore } from './ShowMore'
import { Loading } from './Status'
import { TopicList } from './TopicBits'

/** The group page's "Topics": what the group proposed or joined, with "Start a topic" for its staff. */
export function GroupTopics(props: { slug: string; title: string }) {
  const signIn = useSignIn()
  const topics = createPagedRead(
    'topics.listForGroup',
    () => signIn.ready() && props.slug,
    (slug, cursor) => api.topics.listForGroup.query({ slug, cursor }),
  )
  const mayStart = () => signIn.can(props.slug)?.createItems

  return (
    <section class="section" aria-labelledby="topics-heading">
      <h2 id="topics-heading" class="heading-l">
        Topics
      </h2>
      <Show when={mayStart()}>
        <div class="button-group">
          <A href={`/groups/${props.slug}/topics/new`} class="button button--primary">
            Start a topic
          </A>
          <A href={`/groups/${props.slug}/invitations`} class="button button--secondary">
            Invitations from and to other groups
          </A>
        </div>
      </Show>
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
                {mayStart()
                  ? 'No topics yet. Start one to propose joint work to other groups.'
                  : `${props.title} has no topics you can see yet.`}
              </p>
            </Show>
          }
        >
          <TopicList items={topics.items()} id="group-topics" />
          <ShowMore
            list={topics}
            label="Show more topics"
            listId="group-topics"
            focusSelector=".card__title a"
          />
        </Show>
      </Show>
    </section>
  )
}
