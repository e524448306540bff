/** The dashboard's "My sessions": upcoming sessions of my groups and those I signed up to. */
import { Show } from 'solid-js'
import { createPagedRead } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'
import { ShowMore } from '../ShowMore'
import { Loading } from '../Status'
import { CalendarFeed } from './CalendarFeed'
import { SessionList } from './SessionBits'

export function MySessions() {
  const signIn = useSignIn()
  const list = createPagedRead(
    'sessions.mine',
    () => signIn.ready() && signIn.me() && 'upcoming',
    (_when, cursor) => api.sessions.mine.query({ when: 'upcoming', cursor }),
  )
  return (
    <section class="section" aria-labelledby="my-sessions-heading">
      <h2 id="my-sessions-heading" class="heading-l">
        My sessions
      </h2>
      <Show when={!list.loading()} fallback={<Loading label="Loading sessions…" />}>
        <Show when={list.error() && list.items().length === 0}>
          <div class="alert alert--error" role="alert">
            {errorInfo(list.error()).message}
          </div>
        </Show>
        <Show
          when={list.items().length > 0}
          fallback={<p>No upcoming sessions of your groups, and none you signed up to.</p>}
        >
          <SessionList items={list.items()} id="my-sessions" />
          <ShowMore
            list={list}
            label="Show more sessions"
            listId="my-sessions"
            focusSelector=".card__title a"
          />
        </Show>
      </Show>
      <CalendarFeed />
    </section>
  )
}
