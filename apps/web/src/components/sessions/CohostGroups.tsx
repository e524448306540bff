import { createEffect, createMemo, createSignal, For, on, Show, untrack } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { formatDate, listText } from '../../lib/format'
import { createGroupSearch, MIN_SEARCH_LENGTH } from '../../lib/group-search'
import type { Session } from '../../lib/sessions'
import { api } from '../../lib/trpc'
import { Button, CheckboxGroup, TextAreaField, TextField } from '../Form'
import { ActionStatus } from '../Status'

interface Group {
  slug: string
  title: string
}

/**
 * Co-hosting a session outside a topic: several groups invited in one step. It offers the groups
 * the session's group already works with (the partners in its topics) and finds others by name;
 * choosing none says so instead of sending nothing.
 */
export function CohostGroups(props: { session: Session; refetch: () => Promise<void> }) {
  const m = () => props.session
  const [chosen, setChosen] = createSignal<string[]>([])
  const [found, setFound] = createSignal<Group[]>([])
  const [q, setQ] = createSignal('')
  const [message, setMessage] = createSignal('')
  // What was last searched for (on Search), and a message about what is typed.
  const [term, setTerm] = createSignal('')
  const searched = createGroupSearch(term)
  const [typedError, setTypedError] = createSignal<string | null>(null)
  const [choiceError, setChoiceError] = createSignal<string | null>(null)
  const actions = useActions()
  const taken = () =>
    new Set([
      m().owner.slug,
      ...m().cohosts.map((c) => c.slug),
      ...m().pendingInvitations.map((p) => p.group.slug),
    ])

  const topics = createRead(
    'topics.listForGroup',
    () => m().owner.slug,
    (slug) => api.topics.listForGroup.query({ slug }),
  )
  /** The groups this session's group works with in its topics, most often first. */
  const partners = createMemo<Group[]>(() => {
    const counts = new Map<string, { group: Group; n: number }>()
    for (const t of topics.data()?.items ?? [])
      for (const g of [t.owner, ...t.partners]) {
        if (taken().has(g.slug)) continue
        const entry = counts.get(g.slug) ?? { group: g, n: 0 }
        entry.n += 1
        counts.set(g.slug, entry)
      }
    return [...counts.values()]
      .sort((a, b) => b.n - a.n || a.group.title.localeCompare(b.group.title))
      .map((e) => e.group)
  })
  const choices = () => {
    const seen = new Set<string>()
    return [...partners(), ...found()].filter(
      (g) => !taken().has(g.slug) && !seen.has(g.slug) && seen.add(g.slug),
    )
  }

  // Groups found stay offered (and ticked) while the next search is made.
  createEffect(
    on(searched.items, (items) => {
      if (!items) return
      const fresh = items.filter((g) => !taken().has(g.slug))
      setFound([...untrack(found), ...fresh.map((g) => ({ slug: g.slug, title: g.title }))])
    }),
  )
  const searchError = () => {
    if (typedError()) return typedError()
    if (searched.error()) return errorInfo(searched.error()).message
    const items = searched.items()
    return items && !items.some((g) => !taken().has(g.slug)) ? 'No group of that name can be invited.' : null
  }

  function search(e: SubmitEvent) {
    e.preventDefault()
    setTypedError(null)
    if (q().trim().length < MIN_SEARCH_LENGTH) {
      setTypedError('Type part of a group’s name.')
      return
    }
    setTerm(q())
  }

  function send() {
    setChoiceError(null)
    const slugs = chosen().filter((s) => !taken().has(s))
    if (slugs.length === 0) {
      setChoiceError('Choose at least one group to invite to co-host.')
      return
    }
    const titles = choices()
      .filter((g) => slugs.includes(g.slug))
      .map((g) => g.title)
    void actions.run('send', async () => {
      await api.invitations.send.mutate({
        itemType: 'meeting',
        itemId: m().id,
        toGroupSlugs: slugs,
        message: message().trim() || undefined,
      })
      setChosen([])
      setFound([])
      setMessage('')
      setQ('')
      setTerm('')
      await props.refetch()
      return `Invitations sent to ${listText(titles)}. Their officers will accept or decline.`
    })
  }

  return (
    <section class="section" aria-labelledby="cohost-heading">
      <h2 id="cohost-heading" class="heading-l">
        Invite groups to co-host
      </h2>
      <p class="hint">
        A session created in a topic is hosted by the topic’s groups already. Here you invite other groups,
        several at once.
      </p>
      <form onSubmit={search} novalidate class="search-form">
        <TextField id="cohost-search" label="Find a group" value={q()} onValue={setQ} error={searchError()} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <form
        onSubmit={(e) => {
          e.preventDefault()
          send()
        }}
        novalidate
      >
        <Show when={choices().length > 0} fallback={<p>Search for the groups to invite.</p>}>
          <CheckboxGroup
            id="cohost-groups"
            legend="Groups to invite"
            hint={partners().length ? 'First, the groups yours already works with in its topics.' : undefined}
            error={choiceError()}
            choices={choices().map((g) => ({ value: g.slug, label: g.title }))}
            values={chosen()}
            onValues={(v) => {
              setChosen(v)
              setChoiceError(null)
            }}
          />
        </Show>
        <Show when={choices().length === 0 && choiceError()}>
          <p class="field-error" role="alert">
            {choiceError()}
          </p>
        </Show>
        <TextAreaField
          id="cohost-message"
          label="Message (optional)"
          rows={2}
          value={message()}
          onValue={setMessage}
        />
        <Button type="submit" busy={actions.busy() === 'send'}>
          {chosen().length > 1 ? `Invite ${chosen().length} groups` : 'Send the invitation'}
        </Button>
      </form>
      <ActionStatus message={actions.message()} error={actions.error()} compact />
      <Show when={m().pendingInvitations.length > 0}>
        <h3 class="heading-m">Waiting for an answer</h3>
        <ul class="list">
          <For each={m().pendingInvitations}>
            {(p) => (
              <li>
                {p.group.title}{' '}
                <span class="hint-inline">
                  (invited {formatDate(p.createdAt)}, until {formatDate(p.expiresAt)})
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
