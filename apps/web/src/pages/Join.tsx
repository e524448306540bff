import { A, useParams } from '@solidjs/router'
import { createSignal, Match, Show, Switch } from 'solid-js'
import { Button } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDate, roleName } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api, type InviteDescription } from '../lib/trpc'

export default function Join() {
  const params = useParams<{ token: string }>()
  const invite = createRead(
    'memberships.describeInvite',
    () => params.token,
    (token) => api.memberships.describeInvite.query({ token }),
  )
  useTitle(() =>
    invite.data() ? `Join ${invite.data()!.group.title}` : invite.error() ? null : 'Invitation',
  )
  return (
    <Show when={!invite.error()} fallback={<PageError error={invite.error()} />}>
      <Show when={invite.data()} fallback={<Loading label="Checking your invitation…" />}>
        {(i) => <InviteView invite={i()} token={params.token} />}
      </Show>
    </Show>
  )
}

function InviteView(props: { invite: InviteDescription; token: string }) {
  const signIn = useSignIn()
  const [accepting, setAccepting] = createSignal(false)
  const [accepted, setAccepted] = createSignal(false)
  const [error, setError] = createSignal<string | null>(null)
  const i = () => props.invite
  const here = () => `/join/${props.token}`
  const query = () => `next=${encodeURIComponent(here())}&email=${encodeURIComponent(i().email)}`

  async function accept() {
    if (accepting()) return
    setAccepting(true)
    setError(null)
    try {
      await api.memberships.acceptInvite.mutate({ token: props.token })
      await signIn.refresh()
      setAccepted(true)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setAccepting(false)
    }
  }

  return (
    <div class="grid-row">
      <div class="grid-main grid-main--narrow">
        <Heading caption="Invitation">Join {i().group.title}</Heading>
        <dl class="summary-list summary-list--boxed">
          <div class="summary-list__row">
            <dt class="summary-list__key">Group</dt>
            <dd class="summary-list__value">
              <A href={`/groups/${i().group.slug}`}>{i().group.title}</A>
            </dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">Role</dt>
            <dd class="summary-list__value">{roleName(i().role)}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">Sent to</dt>
            <dd class="summary-list__value break-anywhere">{i().email}</dd>
          </div>
          <div class="summary-list__row">
            <dt class="summary-list__key">Status</dt>
            <dd class="summary-list__value">
              <Switch>
                <Match when={accepted()}>
                  <strong class="badge badge--green">Accepted</strong>
                </Match>
                <Match when={i().state === 'open'}>
                  <strong class="badge badge--blue">Open</strong> until {formatDate(i().expiresAt)}
                </Match>
                <Match when={i().state === 'used'}>
                  <strong class="badge badge--grey">Already used</strong>
                </Match>
                <Match when={i().state === 'withdrawn'}>
                  <strong class="badge badge--red">Withdrawn</strong>
                </Match>
                <Match when={i().state === 'expired'}>
                  <strong class="badge badge--grey">Expired</strong> on {formatDate(i().expiresAt)}
                </Match>
              </Switch>
            </dd>
          </div>
        </dl>

        <div aria-live="polite">
          <Show when={accepted()}>
            <div class="alert alert--success">
              <h2 class="alert__title">You have joined {i().group.title}</h2>
              <p>
                You are now {roleName(i().role)} of the group.{' '}
                <A href={`/groups/${i().group.slug}`}>Go to the group’s page</A> or{' '}
                <A href="/dashboard">your dashboard</A>.
              </p>
            </div>
          </Show>
        </div>
        <Show when={error()}>
          <div class="alert alert--error" role="alert">
            {error()}
          </div>
        </Show>

        <Show when={!accepted()}>
          <Switch>
            <Match when={i().state === 'used'}>
              <p>
                This invitation has been used. If it was you who accepted it, the group is on{' '}
                <A href="/dashboard">your dashboard</A>.
              </p>
            </Match>
            <Match when={i().state === 'withdrawn'}>
              <p>The group withdrew this invitation. Ask its officers or secretariat for a new one.</p>
            </Match>
            <Match when={i().state === 'expired'}>
              <p>
                This invitation has expired. Ask the group’s officers or secretariat to send you a new one.
              </p>
            </Match>
            <Match when={!signIn.ready()}>
              <Loading />
            </Match>
            <Match when={signIn.me()}>
              {(me) => (
                <>
                  <Show when={me().email && me().email!.toLowerCase() !== i().email.toLowerCase()}>
                    <div class="inset">
                      This invitation was sent to <strong>{i().email}</strong>, and you are signed in as{' '}
                      <strong>{me().email}</strong>. You can still accept it with this account.
                    </div>
                  </Show>
                  <Button onClick={accept} busy={accepting()}>
                    {accepting() ? 'Accepting…' : 'Accept invitation'}
                  </Button>
                </>
              )}
            </Match>
            <Match when={true}>
              <p>
                To accept, {i().hasAccount ? 'sign in to your account' : 'create an account or sign in'}. You
                will come back here afterwards.
              </p>
              <div class="button-group">
                <Show
                  when={i().hasAccount}
                  fallback={
                    <>
                      <A href={`/sign-up?${query()}`} class="button button--primary">
                        Create an account
                      </A>
                      <A href={`/sign-in?${query()}`} class="button button--secondary">
                        Sign in
                      </A>
                    </>
                  }
                >
                  <A href={`/sign-in?${query()}`} class="button button--primary">
                    Sign in
                  </A>
                  <A href={`/sign-up?${query()}`} class="button button--secondary">
                    Create an account
                  </A>
                </Show>
              </div>
            </Match>
          </Switch>
        </Show>
      </div>
    </div>
  )
}
