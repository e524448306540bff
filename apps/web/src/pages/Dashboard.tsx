import { A, useNavigate } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { ConfirmAction } from '../components/Confirm'
import { DashboardTopics } from '../components/DashboardTopics'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { MySessions } from '../components/sessions/MySessions'
import { errorInfo } from '../lib/errors'
import { plural, roleName } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

export default function Dashboard() {
  useTitle(() => 'My dashboard')
  const signIn = useSignIn()
  const navigate = useNavigate()
  const [busy, setBusy] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)

  async function signOutEverywhere() {
    setBusy(true)
    setError(null)
    try {
      await api.auth.signOutEverywhere.mutate()
      await signIn.refresh()
      navigate('/sign-in')
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="your dashboard" />}>
        {(me) => (
          <>
            <Heading caption={me().displayName}>My dashboard</Heading>

            <section class="section" aria-labelledby="groups-heading">
              <h2 id="groups-heading" class="heading-l">
                My groups
              </h2>
              <Show
                when={me().groups.length > 0}
                fallback={
                  <div class="inset">
                    <p>
                      You are not in any group yet. A group’s officers can invite you by email; the invitation
                      link brings you back here.
                    </p>
                    <p>
                      Meanwhile, <A href="/register">browse the Register</A>.
                    </p>
                  </div>
                }
              >
                <p>You are in {plural(me().groups.length, 'group')}.</p>
                <ul class="card-list card-list--grid">
                  <For each={me().groups}>
                    {(group) => (
                      <li class="card">
                        <h3 class="card__title">
                          <A href={`/groups/${group.slug}`}>{group.title}</A>
                        </h3>
                        <p class="card__meta">
                          <strong class="badge badge--teal">{roleName(group.role)}</strong>
                          <Show when={group.registerTitle && group.registerTitle !== roleName(group.role)}>
                            {' '}
                            {group.registerTitle}
                          </Show>
                        </p>
                        <ul class="link-list">
                          <li>
                            <A href={`/groups/${group.slug}`}>
                              Group page<span class="visually-hidden"> of {group.title}</span>
                            </A>
                          </li>
                          <Show when={group.can.viewRoster}>
                            <li>
                              <A href={`/groups/${group.slug}/members`}>
                                {group.can.manageMembers ? 'Manage members' : 'Members'}
                                <span class="visually-hidden"> of {group.title}</span>
                              </A>
                            </li>
                          </Show>
                          <Show when={group.can.viewRoster}>
                            <li>
                              <A href={`/groups/${group.slug}/invitations`}>
                                Invitations<span class="visually-hidden"> of {group.title}</span>
                              </A>
                            </li>
                          </Show>
                        </ul>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </section>

            <DashboardTopics />
            <MySessions />

            <section class="section" aria-labelledby="account-heading">
              <h2 id="account-heading" class="heading-l">
                My account
              </h2>
              <dl class="summary-list">
                <div class="summary-list__row">
                  <dt class="summary-list__key">Name</dt>
                  <dd class="summary-list__value">{me().displayName}</dd>
                </div>
                <div class="summary-list__row">
                  <dt class="summary-list__key">Email</dt>
                  <dd class="summary-list__value break-anywhere">{me().email}</dd>
                </div>
                <Show when={me().isSiteAdmin}>
                  <div class="summary-list__row">
                    <dt class="summary-list__key">Access</dt>
                    <dd class="summary-list__value">
                      Site administrator (<A href="/admin">site administration</A>)
                    </dd>
                  </div>
                </Show>
              </dl>
              <h3 class="heading-m">Sign out everywhere</h3>
              <p>
                If you signed in on a shared or lost device, end every session of yours, including this one.
              </p>
              <ConfirmAction
                label="Sign out everywhere"
                question="Sign out on every device, including this one?"
                confirmLabel="Yes, sign out everywhere"
                busy={busy()}
                onConfirm={signOutEverywhere}
              />
              <Show when={error()}>
                <div class="alert alert--error" role="alert">
                  {error()}
                </div>
              </Show>
            </section>
          </>
        )}
      </Show>
    </Show>
  )
}
