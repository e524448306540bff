import { createMemo, createSignal, For, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { listText, plural } from '../../lib/format'
import { createGroupSearch } from '../../lib/group-search'
import { debounce } from '../../lib/page'
import { api, type GroupSummary, type Topic } from '../../lib/trpc'
import { Button, CheckboxGroup, ErrorSummary, TextAreaField } from '../Form'
import { ActionStatus, Loading } from '../Status'

interface Candidate {
  slug: string
  title: string
  reasons: string[]
}

/**
 * "Invite groups", for the officers of the topic's groups: suggested partners with the reasons
 * for each, a search of the Register to add any other group, and an optional message.
 */
export function InvitePanel(props: { topic: Topic; refetch: () => Promise<void> }) {
  const t = () => props.topic
  // Asked again only when the groups taking part or invited change.
  const suggestionKey = createMemo(() =>
    [t().id, ...t().partners.map((p) => p.slug), ...t().pendingInvitations.map((i) => i.id)].join(' '),
  )
  const suggestions = createRead('topics.suggestPartners', suggestionKey, () =>
    api.topics.suggestPartners.query({ id: t().id, limit: 8 }),
  )
  const [added, setAdded] = createSignal<Candidate[]>([])
  const [chosen, setChosen] = createSignal<string[]>([])
  const [message, setMessage] = createSignal('')
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const actions = useActions()

  /** Groups that cannot be invited again: the owner, partners and those already asked. */
  const taken = () =>
    new Set([
      t().owner.slug,
      ...t().partners.map((p) => p.slug),
      ...t().pendingInvitations.map((i) => i.group.slug),
    ])
  const candidates = (): Candidate[] => {
    const out: Candidate[] = []
    const seen = new Set<string>()
    for (const c of [...(suggestions.data() ?? []), ...added()]) {
      if (seen.has(c.slug) || taken().has(c.slug)) continue
      seen.add(c.slug)
      out.push(c)
    }
    return out
  }

  // Search the Register.
  const [q, setQ] = createSignal('')
  // The words searched for: what is typed, once typing pauses (Enter searches at once).
  const [term, setTerm] = createSignal('')
  const found = createGroupSearch(term)
  const results = found.items
  const searching = found.searching
  const [addedNote, setAddedNote] = createSignal<string | null>(null)
  const searchNote = () => {
    if (addedNote()) return addedNote()
    if (found.error()) return errorInfo(found.error()).message
    const items = results()
    if (!items) return ''
    return items.length === 0 ? 'No groups found.' : `${plural(items.length, 'group')} found.`
  }
  const search = debounce((text: string) => {
    setAddedNote(null)
    setTerm(text)
  }, 300)

  function add(group: GroupSummary) {
    if (!added().some((g) => g.slug === group.slug)) {
      setAdded([
        ...added(),
        { slug: group.slug, title: group.title, reasons: ['Added from a search of the Register'] },
      ])
    }
    if (!chosen().includes(group.slug)) setChosen([...chosen(), group.slug])
    setAddedNote(`${group.title} added to the groups to invite, and ticked.`)
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    const slugs = chosen().filter((slug) => !taken().has(slug))
    setGeneral(null)
    if (slugs.length === 0) {
      setErrors({ groups: 'Choose at least one group to invite.' })
      return
    }
    setErrors({})
    await actions.run('send', async () => {
      try {
        const result = await api.invitations.send.mutate({
          itemType: 'topic',
          itemId: t().id,
          toGroupSlugs: slugs,
          message: message().trim() || undefined,
        })
        setChosen([])
        setAdded([])
        setMessage('')
        setQ('')
        search.flush()
        setTerm('')
        await props.refetch()
        const names = result.invitations.map((i) => i.to.title)
        return `${names.length === 1 ? 'Invitation' : 'Invitations'} sent to ${listText(names)}. Their officers can accept or decline.`
      } catch (caught) {
        const info = errorInfo(caught)
        if (info.field === 'message' || info.fieldErrors.message) {
          setErrors({ message: info.fieldErrors.message ?? info.message })
          return null
        }
        if (info.field === 'toGroupSlugs' || info.fieldErrors.toGroupSlugs) {
          setErrors({ groups: info.fieldErrors.toGroupSlugs ?? info.message })
          return null
        }
        throw caught
      }
    })
  }

  const summary = () => [
    ...Object.entries(errors()).map(([field, text]) => ({ field: `invite-${field}`, message: text })),
    ...(general() ? [{ message: general()! }] : []),
  ]

  return (
    <section class="section section--boxed invite-panel" aria-labelledby="invite-heading">
      <h2 id="invite-heading" class="heading-l">
        Invite groups
      </h2>
      <p>
        The officers of each group you invite can accept or decline. When a group accepts, its members can
        read the topic and join the discussion.
      </p>
      <ErrorSummary items={summary()} id="invite-errors" />
      <form onSubmit={submit} novalidate>
        <Show
          when={!suggestions.loading() || suggestions.data()}
          fallback={<Loading label="Finding groups to suggest…" />}
        >
          <CheckboxGroup
            id="invite-groups"
            legend="Groups to invite"
            hint={
              candidates().length > 0
                ? 'Suggested from shared subjects, people and past joint work. Tick the groups to invite.'
                : 'No suggestions yet: search the Register below.'
            }
            error={errors().groups}
            choices={candidates().map((c) => ({
              value: c.slug,
              label: c.title,
              hint: c.reasons.length > 0 ? c.reasons.join(' · ') : undefined,
            }))}
            values={chosen()}
            onValues={(v) => {
              setChosen(v)
              if (v.length > 0) setErrors({})
            }}
          />
        </Show>

        <div class="field group-search">
          <label class="label" for="invite-search">
            Find another group
          </label>
          <p class="hint" id="invite-search-hint">
            Search the Register by name or subject, then add the group to the list above.
          </p>
          <input
            id="invite-search"
            type="search"
            class="input input--half"
            value={q()}
            autocomplete="off"
            aria-describedby="invite-search-hint"
            aria-controls="invite-search-results"
            onInput={(e) => {
              setQ(e.currentTarget.value)
              search(e.currentTarget.value)
            }}
            onKeyDown={(e) => {
              // Enter searches at once rather than sending the invitations.
              if (e.key === 'Enter') {
                e.preventDefault()
                search.flush()
                setAddedNote(null)
                setTerm(e.currentTarget.value)
              }
            }}
          />
          <p class="visually-hidden" role="status" aria-live="polite">
            {searchNote()}
          </p>
          <div id="invite-search-results">
            <Show when={searching()}>
              <Loading label="Searching…" />
            </Show>
            <Show when={results() && !searching()}>
              <Show
                when={results()!.length > 0}
                fallback={<p class="hint">No groups match “{term().trim()}”.</p>}
              >
                <ul class="search-results">
                  <For each={results()!}>
                    {(group) => (
                      <li class="search-results__item">
                        <span class="search-results__title">{group.title}</span>
                        <Show
                          when={!taken().has(group.slug)}
                          fallback={<span class="hint-inline">Already taking part or invited</span>}
                        >
                          <Show
                            when={!chosen().includes(group.slug)}
                            fallback={<span class="hint-inline">Added</span>}
                          >
                            <Button
                              variant="secondary"
                              class="button--small"
                              aria-label={`Add ${group.title}`}
                              onClick={() => add(group)}
                            >
                              Add
                            </Button>
                          </Show>
                        </Show>
                      </li>
                    )}
                  </For>
                </ul>
              </Show>
            </Show>
          </div>
        </div>

        <TextAreaField
          id="invite-message"
          label="Message (optional)"
          hint="The officers of the groups you invite will see it with the invitation."
          value={message()}
          onValue={setMessage}
          error={errors().message}
          rows={3}
          maxLength={2000}
        />
        <Button type="submit" busy={actions.busy() === 'send'}>
          {actions.busy() === 'send'
            ? 'Sending…'
            : chosen().length > 1
              ? `Send ${chosen().length} invitations`
              : 'Send invitation'}
        </Button>
      </form>
      <ActionStatus message={actions.message()} error={actions.error()} />
    </section>
  )
}
