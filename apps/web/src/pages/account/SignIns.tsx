/** The devices I am signed in on, each with a button to end it. */
import { For, Show } from 'solid-js'
import { Button } from '../../components/Form'
import { ScrollRegion } from '../../components/ScrollRegion'
import { ActionStatus, Loading, PageError } from '../../components/Status'
import { createRead, useActions } from '../../lib/data'
import { formatDateTime } from '../../lib/format'
import { api } from '../../lib/trpc'

/** A readable name for a browser from its user agent, without a library. */
export function deviceName(userAgent: string | null): string {
  if (!userAgent) return 'Unknown device'
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrome\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : 'A browser'
  const system = /iPhone|iPad/.test(userAgent)
    ? 'iOS'
    : /Android/.test(userAgent)
      ? 'Android'
      : /Mac OS X/.test(userAgent)
        ? 'macOS'
        : /Windows/.test(userAgent)
          ? 'Windows'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null
  return system ? `${browser} on ${system}` : browser
}

export function SignInsSection() {
  const signIns = createRead(
    'auth.signIns',
    () => true,
    () => api.auth.signIns.query(),
  )
  const actions = useActions()

  async function end(id: string) {
    const ok = await actions.run(`end-${id}`, async () => {
      await api.auth.endSignIn.mutate({ id })
      return 'That device is signed out.'
    })
    if (ok) signIns.refetch()
  }

  return (
    <section class="section" aria-labelledby="sign-ins-heading">
      <h2 id="sign-ins-heading" class="heading-l">
        Where you are signed in
      </h2>
      <ActionStatus message={actions.message()} error={actions.error()} />
      <Show when={!signIns.error()} fallback={<PageError error={signIns.error()} />}>
        <Show when={signIns.data()} fallback={<Loading />}>
          {(list) => (
            <ScrollRegion label="Your signed-in devices">
              <table class="table">
                <caption class="visually-hidden">Your signed-in devices</caption>
                <thead>
                  <tr>
                    <th scope="col">Device</th>
                    <th scope="col">Signed in</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">
                      <span class="visually-hidden">Action</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list()}>
                    {(signIn) => (
                      <tr>
                        <td data-label="Device">
                          {deviceName(signIn.userAgent)}
                          <Show when={signIn.current}>
                            {' '}
                            <strong class="badge badge--teal">This device</strong>
                          </Show>
                        </td>
                        <td data-label="Signed in">{formatDateTime(signIn.createdAt)}</td>
                        <td data-label="Last seen">{formatDateTime(signIn.lastSeenAt)}</td>
                        <td>
                          <Show when={!signIn.current}>
                            <Button
                              variant="secondary"
                              busy={actions.busy() === `end-${signIn.id}`}
                              onClick={() => end(signIn.id)}
                            >
                              Sign out<span class="visually-hidden"> {deviceName(signIn.userAgent)}</span>
                            </Button>
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </ScrollRegion>
          )}
        </Show>
      </Show>
    </section>
  )
}
