import { A, useParams } from '@solidjs/router'
import { Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { ShowMore } from '../components/ShowMore'
import { Loading, PageError } from '../components/Status'
import { SessionList } from '../components/sessions/SessionBits'
import { Tabs } from '../components/Tabs'
import { createPagedRead, createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import '../styles/sessions.css'
import { FeedLinks } from '../components/sessions/CalendarLinks'

/** A group's calendar: upcoming sessions (soonest first) and past ones (latest first). */
export default function GroupSessions() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  const group = createRead(
    'register.group',
    () => params.slug,
    (slug) => api.register.group.query({ slug }),
  )
  useTitle(() => (group.data() ? `Sessions – ${group.data()!.title}` : 'Sessions'))
  const list = (when: 'upcoming' | 'past') =>
    createPagedRead(
      `sessions.listForGroup.${when}`,
      () => signIn.ready() && params.slug,
      (slug, cursor) => api.sessions.listForGroup.query({ slug, when, cursor }),
    )
  const upcoming = list('upcoming')
  const past = list('past')

  const panel = (l: typeof upcoming, id: string, empty: string, heading: string) => (
    <Show when={!l.loading()} fallback={<Loading label="Loading sessions…" />}>
      {/* The cards' titles are h3: this keeps the heading levels in order (h1, h2, h3). */}
      <h2 class="visually-hidden">{heading}</h2>
      <Show when={l.error() && l.items().length === 0}>
        <div class="alert alert--error" role="alert">
          {errorInfo(l.error()).message}
        </div>
      </Show>
      <Show when={l.items().length > 0} fallback={<p>{empty}</p>}>
        <SessionList items={l.items()} id={id} />
        <ShowMore list={l} label="Show more sessions" listId={id} focusSelector=".card__title a" />
      </Show>
    </Show>
  )

  return (
    <Show when={!group.error()} fallback={<PageError error={group.error()} />}>
      <Show when={group.data()} fallback={<Loading />}>
        {(g) => (
          <>
            <A href={`/groups/${g().slug}`} class="back-link">
              Back to {g().title}
            </A>
            <Heading caption={g().title}>Sessions</Heading>
            <div class="button-group">
              <Show when={signIn.can(g().slug)?.createItems}>
                <A href={`/groups/${g().slug}/sessions/new`} class="button button--primary">
                  Draft a session
                </A>
              </Show>
            </div>
            <FeedLinks
              url={`/groups/${g().slug}/calendar.ics`}
              name={g().title}
              label={`Public calendar feed of ${g().title}`}
            />
            <Tabs
              label="Sessions"
              id="group-sessions"
              tabs={[
                {
                  id: 'upcoming',
                  label: 'Upcoming',
                  panel: () =>
                    panel(
                      upcoming,
                      'upcoming-sessions',
                      'No upcoming sessions you can see.',
                      'Upcoming sessions',
                    ),
                },
                {
                  id: 'past',
                  label: 'Past',
                  panel: () => panel(past, 'past-sessions', 'No past sessions you can see.', 'Past sessions'),
                },
              ]}
            />
          </>
        )}
      </Show>
    </Show>
  )
}
