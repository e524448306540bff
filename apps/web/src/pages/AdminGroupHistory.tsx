/**
 * For the site administrator: a group's history across editions of the Register, found by its name.
 * The chosen group is in the address (`?group=slug`), so the view can be bookmarked or sent.
 */
import { A, useSearchParams } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { Button, TextField } from '../components/Form'
import { GroupHistory } from '../components/group/GroupHistory'
import { Heading } from '../components/Heading'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { createGroupSearch, MIN_SEARCH_LENGTH } from '../lib/group-search'
import { useTitle } from '../lib/page'
import { READS } from '../lib/preload'
import { useSignIn } from '../lib/sign-in'
import '../styles/admin.css'

export default function AdminGroupHistory() {
  useTitle(() => 'Group history')
  const signIn = useSignIn()
  const [params] = useSearchParams<{ group?: string }>()
  const [q, setQ] = createSignal('')
  const [term, setTerm] = createSignal('')
  const found = createGroupSearch(term)
  const group = createRead(
    READS.group.name,
    () => signIn.me()?.isSiteAdmin === true && params.group,
    READS.group.fetch,
  )

  return (
    <AdminOnly>
      <Heading caption="Site administration">Group history</Heading>
      <p>What changed in a group's entry from one edition of the Register to the next.</p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setTerm(q().trim())
        }}
        novalidate
      >
        <TextField
          id="history-q"
          label="Group"
          hint={`Part of its name, ${MIN_SEARCH_LENGTH} letters or more.`}
          value={q()}
          onValue={setQ}
          autocomplete="off"
          width="half"
          error={found.error() ? errorInfo(found.error()).message : null}
        />
        <Button type="submit">Find the group</Button>
      </form>
      <Show when={found.items()}>
        {(items) => (
          <Show when={items().length > 0} fallback={<p>No group of that name.</p>}>
            <ul class="list list--bullet">
              <For each={items()}>
                {(g) => (
                  <li>
                    <A href={`/admin/group-history?group=${g.slug}`} onClick={() => setTerm('')}>
                      {g.title}
                    </A>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={group.data()}>
        {(g) => (
          <>
            <p>
              The history of <A href={`/groups/${g().slug}`}>{g().title}</A>.
            </p>
            <GroupHistory slug={g().slug} title={g().title} />
          </>
        )}
      </Show>
      <Show when={group.error()}>
        <div class="alert alert--error" role="alert">
          {errorInfo(group.error()).message}
        </div>
      </Show>
    </AdminOnly>
  )
}
