import { A } from '@solidjs/router'
import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { Button, RadioGroup } from '../components/Form'
import { Heading } from '../components/Heading'
import { ShowMore } from '../components/ShowMore'
import { ActionStatus, Loading, PageError } from '../components/Status'
import { createPagedRead, createRead, useActions } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDateTime, plural, safeNext } from '../lib/format'
import { useUnread } from '../lib/notifications'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api, type EmailPreference, type Notification } from '../lib/trpc'

export default function Notifications() {
  useTitle(() => 'Notifications')
  const signIn = useSignIn()
  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="your notifications" />}>
        <Heading>Notifications</Heading>
        <Inbox />
        <EmailPreferenceForm />
      </Show>
    </Show>
  )
}

function Inbox() {
  const unread = useUnread()
  const list = createPagedRead(
    'notifications.list',
    () => true,
    (_, cursor) => api.notifications.list.query({ cursor }),
  )
  const actions = useActions()
  const unreadShown = () => list.items().filter((n) => !n.readAt).length

  // New ones arrived while the page is open: show them.
  createEffect(
    on(
      () => unread.count(),
      (count, before) => {
        if (count !== null && before !== undefined && before !== null && count > before) void list.reload()
      },
    ),
  )

  function markOne(n: Notification) {
    if (n.readAt) return
    const now = new Date().toISOString()
    list.mutate((items) => items.map((item) => (item.id === n.id ? { ...item, readAt: now } : item)))
    unread.set((unread.count() ?? 1) - 1)
    // Not awaited: the link navigates at once; the next count from the server corrects any slip.
    api.notifications.markRead.mutate({ ids: [n.id] }).catch(() => void unread.refresh())
  }

  return (
    <section class="section" aria-labelledby="inbox-heading">
      <h2 id="inbox-heading" class="visually-hidden">
        Inbox
      </h2>
      <Show when={!list.loading()} fallback={<Loading label="Loading your notifications…" />}>
        <Show when={list.error() && list.items().length === 0}>
          <div class="alert alert--error" role="alert">
            {errorInfo(list.error()).message}
          </div>
        </Show>
        <div class="inbox-bar">
          <p class="inbox-bar__count">
            <Show when={(unread.count() ?? unreadShown()) > 0} fallback="You have no unread notifications.">
              You have <strong>{plural(unread.count() ?? unreadShown(), 'unread notification')}</strong>.
            </Show>
          </p>
          <Show when={(unread.count() ?? unreadShown()) > 0}>
            <Button
              variant="secondary"
              class="button--small"
              busy={actions.busy() === 'all'}
              onClick={() =>
                void actions.run('all', async () => {
                  await api.notifications.markRead.mutate({})
                  unread.set(0)
                  await list.reload()
                  return 'All your notifications are marked as read.'
                })
              }
            >
              Mark all as read
            </Button>
          </Show>
        </div>
        <ActionStatus message={actions.message()} error={actions.error()} compact />
        <Show
          when={list.items().length > 0}
          fallback={
            <Show when={!list.error()}>
              <div class="empty">
                <p>
                  Nothing yet. You will hear here when someone invites your group, answers its invitation,
                  mentions you or comments on a topic you follow.
                </p>
              </div>
            </Show>
          }
        >
          <ol class="notification-list" id="notification-list">
            <For each={list.items()}>
              {(n) => (
                <li class="notification" classList={{ 'is-unread': !n.readAt }}>
                  <Show
                    when={n.path}
                    fallback={
                      <span class="notification__text">
                        <Show when={!n.readAt}>
                          <span class="visually-hidden">Unread: </span>
                        </Show>
                        {n.text}
                      </span>
                    }
                  >
                    {(path) => (
                      <A
                        href={safeNext(path(), '/notifications')}
                        class="notification__link"
                        onClick={() => markOne(n)}
                      >
                        <Show when={!n.readAt}>
                          <span class="visually-hidden">Unread: </span>
                        </Show>
                        {n.text}
                      </A>
                    )}
                  </Show>
                  <span class="notification__meta">
                    <Show when={!n.readAt}>
                      <strong class="badge badge--teal" aria-hidden="true">
                        New
                      </strong>{' '}
                    </Show>
                    <time datetime={n.createdAt}>{formatDateTime(n.createdAt)}</time>
                    <Show when={!n.path && !n.readAt}>
                      {' · '}
                      <button type="button" class="link-button" onClick={() => markOne(n)}>
                        Mark as read
                      </button>
                    </Show>
                  </span>
                </li>
              )}
            </For>
          </ol>
          <ShowMore
            list={list}
            label="Show older notifications"
            listId="notification-list"
            focusSelector=".notification__link"
          />
        </Show>
      </Show>
    </section>
  )
}

const EMAIL_CHOICES: { value: EmailPreference; label: string; hint: string }[] = [
  {
    value: 'immediate',
    label: 'Straight away',
    hint: 'An email for each notification, a few minutes after it happens.',
  },
  { value: 'digest', label: 'Once a day', hint: 'One email each morning listing the day’s notifications.' },
  { value: 'none', label: 'Never', hint: 'Only see notifications here.' },
]

function EmailPreferenceForm() {
  const current = createRead(
    'notifications.preferences',
    () => true,
    () => api.notifications.preferences.query(),
  )
  const [choice, setChoice] = createSignal<EmailPreference | null>(null)
  const actions = useActions()
  const value = () => choice() ?? current.data()?.email ?? 'immediate'

  return (
    <section class="section section--boxed email-preference" aria-labelledby="email-heading">
      <h2 id="email-heading" class="heading-l">
        Email
      </h2>
      <Show when={current.data()} fallback={<Loading label="Loading your email settings…" />}>
        <form
          novalidate
          onSubmit={(e) => {
            e.preventDefault()
            void actions.run('save', async () => {
              await api.notifications.setPreferences.mutate({ email: value() })
              await current.refetch()
              setChoice(null)
              const picked = EMAIL_CHOICES.find((c) => c.value === value())
              return value() === 'none'
                ? 'Saved. We will not email you about notifications.'
                : `Saved. We will email you ${picked?.label.toLowerCase() ?? ''}.`
            })
          }}
        >
          <RadioGroup
            id="email-preference"
            legend="When should we email you about notifications?"
            choices={EMAIL_CHOICES}
            value={value()}
            onValue={(v) => setChoice(v as EmailPreference)}
          />
          <Button type="submit" busy={actions.busy() === 'save'}>
            Save
          </Button>
        </form>
      </Show>
      <ActionStatus
        message={actions.message()}
        error={actions.error() ?? (current.error() ? errorInfo(current.error()).message : null)}
      />
    </section>
  )
}
