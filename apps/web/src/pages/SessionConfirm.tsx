import { A, useParams } from '@solidjs/router'
import { createSignal, onMount, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { useTitle } from '../lib/page'
import { api } from '../lib/trpc'

/** The one-time link from the "confirm your interest" email. */
export default function SessionConfirm() {
  const params = useParams<{ token: string }>()
  const [result, setResult] = createSignal<{ sessionId: string; title: string } | null>(null)
  const [error, setError] = createSignal<unknown>()
  useTitle(() => 'Confirm your interest')
  onMount(async () => {
    try {
      setResult(await api.sessions.confirmInterest.mutate({ token: params.token }))
    } catch (caught) {
      setError(() => caught)
    }
  })
  return (
    <Show when={!error()} fallback={<PageError error={error()} />}>
      <Show when={result()} fallback={<Loading label="Confirming…" />}>
        {(r) => (
          <>
            <Heading>Your interest is confirmed</Heading>
            <p class="lead">
              The hosts of “{r().title}” now know you would like to come. If the session changes or is
              cancelled, we will email you.
            </p>
            <p>
              <A href={`/sessions/${r().sessionId}`}>Back to the session</A>
            </p>
          </>
        )}
      </Show>
    </Show>
  )
}
