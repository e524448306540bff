/**
 * For the site administrator: accounts and their rights (AccountsPanel), and people of the Register, found by any of their names, with the other
 * names they are known by (and why), to merge two that are one real person or split a wrong merge.
 * Every merge and split is audited; the Register import keeps them (issue #12: one person per real person).
 */
import { createSignal, For, Show } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { AccountsPanel } from '../components/admin/AccountsPanel'
import { Button, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { ActionStatus, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDate, plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { type AdminPerson, api } from '../lib/trpc'

export default function AdminPeople() {
  useTitle(() => 'People and accounts')
  const signIn = useSignIn()
  const [q, setQ] = createSignal('')
  const [asked, setAsked] = createSignal<string | null>(null)
  const [keep, setKeep] = createSignal<AdminPerson | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const people = createRead(
    'people.search',
    () => (signIn.me()?.isSiteAdmin === true ? asked() : null),
    (text) => api.people.search.query({ q: text }),
  )

  async function act(what: () => Promise<unknown>, done: string) {
    if (busy()) return
    setBusy(true)
    setMessage(null)
    setError(null)
    try {
      await what()
      setMessage(done)
      setKeep(null)
      await people.refetch()
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <AdminOnly>
      <Heading caption="Site administration">People and accounts</Heading>
      <AccountsPanel />
      <h2 class="heading-l">People of the Register</h2>
      <p>
        The Register import merges people on their parliamentary ids and on the two forms of a peer's title.
        Merge two people it could not tell are one, or split a name it merged wrongly; the next imports keep
        your decision. Only people without an account are listed.
      </p>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          setAsked(q().trim())
        }}
        novalidate
      >
        <TextField id="people-q" label="Name" value={q()} onValue={setQ} autocomplete="off" width="half" />
        <Button type="submit">Search</Button>
      </form>
      <ActionStatus message={message()} error={error()} />
      <Show when={keep()}>
        {(kept) => (
          <p>
            Merging into <strong>{kept().name}</strong>: choose the person to merge into them.{' '}
            <Button variant="link" onClick={() => setKeep(null)}>
              Cancel
            </Button>
          </p>
        )}
      </Show>
      <Show when={!people.error()} fallback={<PageError error={people.error()} />}>
        <Show when={asked() !== null && people.data()}>
          {(list) => (
            <>
              <p>{plural(list().length, 'person', 'people')}</p>
              <ul class="list">
                <For each={list()}>
                  {(person) => (
                    <li class="section section--boxed">
                      <h3 class="heading-m">{person.name}</h3>
                      <p>
                        {person.mnisId ? `MNIS id ${person.mnisId}; ` : 'No MNIS id; '}
                        {plural(person.groups, 'group')}
                      </p>
                      <Show when={person.aliases.length > 0}>
                        <h4 class="heading-s">Also known as</h4>
                        <ul>
                          <For each={person.aliases}>
                            {(alias) => (
                              <li>
                                {alias.name} ({alias.source}: {alias.reason}){' '}
                                <Show when={!alias.mergeId && alias.source !== 'admin'}>
                                  <Button
                                    variant="secondary"
                                    busy={busy()}
                                    onClick={() =>
                                      act(
                                        () =>
                                          api.people.splitAlias.mutate({
                                            aliasId: alias.id,
                                            takeIds: false,
                                          }),
                                        `${alias.name} is a person of their own now.`,
                                      )
                                    }
                                  >
                                    Split off {alias.name}
                                  </Button>
                                </Show>
                              </li>
                            )}
                          </For>
                        </ul>
                      </Show>
                      <For each={person.merges}>
                        {(merge) => (
                          <p>
                            {merge.name} was merged into {person.name} on {formatDate(merge.at)}.{' '}
                            <Button
                              variant="secondary"
                              busy={busy()}
                              onClick={() =>
                                act(
                                  () => api.people.splitMerge.mutate({ mergeId: merge.id }),
                                  `${merge.name} is a person of their own again.`,
                                )
                              }
                            >
                              Split {merge.name} off again
                            </Button>
                          </p>
                        )}
                      </For>
                      <Show
                        when={keep()}
                        fallback={
                          <Button variant="secondary" onClick={() => setKeep(person)}>
                            Merge another person into {person.name}
                          </Button>
                        }
                      >
                        {(kept) => (
                          <Show when={kept().id !== person.id}>
                            <Button
                              variant="warning"
                              busy={busy()}
                              onClick={() =>
                                act(
                                  () => api.people.merge.mutate({ keepId: kept().id, mergedId: person.id }),
                                  `${person.name} is merged into ${kept().name}.`,
                                )
                              }
                            >
                              Merge {person.name} into {kept().name}
                            </Button>
                          </Show>
                        )}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </AdminOnly>
  )
}
