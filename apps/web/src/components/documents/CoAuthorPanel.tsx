import { createSignal, For, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { api } from '../../lib/trpc'
import { Button, TextField } from '../Form'
import { ActionStatus } from '../Status'

/**
 * The owner group's officers invite other groups to co-write the document (the handshake:
 * their officers answer from the group's invitations page; accepting makes their secretariat
 * and officers editors).
 */
export function CoAuthorPanel(props: { id: string; exclude: string[] }) {
  const [q, setQ] = createSignal('')
  const [search, setSearch] = createSignal('')
  const [message, setMessage] = createSignal('')
  const actions = useActions()
  const groups = createRead(
    'register.list.firstEight',
    () => search().trim().length >= 2 && search().trim(),
    (text) => api.register.list.query({ q: text, limit: 8 }),
  )
  const found = () => (groups.data()?.items ?? []).filter((g) => !props.exclude.includes(g.slug))
  return (
    <section class="section" aria-labelledby="coauthor-heading">
      <h2 id="coauthor-heading" class="heading-l">
        Invite a group to co-write
      </h2>
      <form
        class="doc-compare"
        onSubmit={(e) => {
          e.preventDefault()
          setSearch(q())
        }}
      >
        <TextField id="coauthor-q" label="Find a group" value={q()} onValue={setQ} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <TextField id="coauthor-message" label="Message (optional)" value={message()} onValue={setMessage} />
      <ActionStatus message={actions.message()} error={actions.error()} />
      <Show when={search() && !groups.loading()}>
        <Show when={found().length > 0} fallback={<p>No group found with those words.</p>}>
          <ul class="doc-list">
            <For each={found()}>
              {(g) => (
                <li>
                  {g.title}{' '}
                  <Button
                    variant="secondary"
                    busy={actions.busy() === g.slug}
                    aria-label={`Invite ${g.title}`}
                    onClick={() =>
                      actions.run(g.slug, async () => {
                        await api.invitations.send.mutate({
                          itemType: 'document',
                          itemId: props.id,
                          toGroupSlugs: [g.slug],
                          message: message() || undefined,
                        })
                        return `Invitation sent to ${g.title}: their officers will answer it.`
                      })
                    }
                  >
                    Invite
                  </Button>
                </li>
              )}
            </For>
          </ul>
        </Show>
      </Show>
    </section>
  )
}
