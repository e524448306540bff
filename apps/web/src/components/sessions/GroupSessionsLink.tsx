/** The group page's pointer to its sessions, with "Draft a session" for its staff. */
import { A } from '@solidjs/router'
import { Show } from 'solid-js'
import { useSignIn } from '../../lib/sign-in'

export function GroupSessionsLink(props: { slug: string; title: string }) {
  const signIn = useSignIn()
  return (
    <section class="section" aria-labelledby="group-sessions-heading">
      <h2 id="group-sessions-heading" class="heading-l">
        Sessions
      </h2>
      <p>Meetings and events that {props.title} hosts or co-hosts.</p>
      <div class="button-group">
        <A href={`/groups/${props.slug}/sessions`} class="button button--secondary">
          Sessions calendar
        </A>
        <Show when={signIn.can(props.slug)?.createItems}>
          <A href={`/groups/${props.slug}/sessions/new`} class="button button--primary">
            Draft a session
          </A>
        </Show>
      </div>
    </section>
  )
}
