/**
 * Who takes part in a group on APPG Hub, kept apart from the Register's officers and members: for
 * signed-in people of the group and its partner groups the full list (hub role and, when they are
 * on the Register too, their Register title); for everyone else only those who chose to be listed.
 */
import { For, Show } from 'solid-js'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { roleName } from '../lib/format'
import { useSignIn } from '../lib/sign-in'
import { api, type Group } from '../lib/trpc'

interface Line {
  name: string
  role: Group['publicParticipants'][number]['role']
  registerTitle?: string | null
}

export function GroupParticipants(props: { slug: string; title: string; publicParticipants: Line[] }) {
  const signIn = useSignIn()
  const full = createRead(
    'people.participants',
    () => (signIn.me() ? props.slug : null),
    (slug) => api.people.participants.query({ slug }),
  )
  /** Refused (not of the group or a partner): the public list stands in, as for anyone. */
  const refused = () => Boolean(full.error()) && errorInfo(full.error()).code === 'FORBIDDEN'
  const lines = (): Line[] | null =>
    full.data()?.participants ?? (!signIn.me() || refused() ? props.publicParticipants : null)
  const isFull = () => Boolean(full.data())

  return (
    <Show when={lines() && (isFull() || lines()!.length > 0)}>
      <section class="section" aria-labelledby="hub-people-heading">
        <h2 id="hub-people-heading" class="heading-l">
          On APPG Hub
        </h2>
        <p class="hint">
          {isFull()
            ? `People with an account who take part in ${props.title} on the hub. Shown to signed-in people of the group and of the groups working with it; not part of the Register.`
            : 'People who take part on the hub and chose to be listed publicly. Not part of the Register.'}
        </p>
        <Show when={lines()!.length > 0} fallback={<p>Nobody takes part on the hub yet.</p>}>
          <ul class="people-list">
            <For each={lines()!}>
              {(line) => (
                <li class="person">
                  <span class="person__role">{roleName(line.role)}</span>
                  <span class="person__name">{line.name}</span>
                  <Show when={line.registerTitle}>
                    <span class="person__party">{line.registerTitle} on the Register</span>
                  </Show>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </Show>
  )
}
