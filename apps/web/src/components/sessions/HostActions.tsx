/** What the hosts do to a session: schedule, edit, invite co-hosts, cancel, mark as held. */
import { createSignal, For, Show } from 'solid-js'
import { createActions } from '../../lib/action'
import { errorInfo, formErrors } from '../../lib/errors'
import { formatDate } from '../../lib/format'
import { createQuery } from '../../lib/query'
import { londonParts, type Meeting } from '../../lib/sessions'
import { api, type GroupSummary } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, ErrorSummary, TextAreaField, TextField } from '../Form'
import { ActionStatus } from '../Status'
import { checkSession, SESSION_FIELDS, type SessionDraft, SessionFields, sessionInput } from './SessionFields'

export function LifecycleActions(props: {
  meeting: Meeting
  refetch: () => Promise<void>
  onEdit: () => void
}) {
  const m = () => props.meeting
  const actions = createActions()
  const [cancelling, setCancelling] = createSignal(false)
  const [reason, setReason] = createSignal('')
  const [reasonError, setReasonError] = createSignal<string | null>(null)

  async function cancel(e: SubmitEvent) {
    e.preventDefault()
    if (!reason().trim()) {
      setReasonError('Say why the session is cancelled.')
      return
    }
    setReasonError(null)
    const ok = await actions.run('cancel', async () => {
      await api.meetings.cancel.mutate({ id: m().id, reason: reason().trim() })
      await props.refetch()
      return 'The session is cancelled. Everyone signed up has been told.'
    })
    if (ok) setCancelling(false)
  }

  return (
    <Show when={m().can.edit || m().can.schedule || m().can.cancel || m().can.markHeld}>
      <div class="button-group">
        <Show when={m().can.edit}>
          <Button variant="secondary" onClick={() => props.onEdit()}>
            Edit details
          </Button>
        </Show>
        <Show when={m().can.schedule}>
          <Button
            busy={actions.busy() === 'schedule'}
            onClick={() =>
              actions.run('schedule', async () => {
                await api.meetings.schedule.mutate({ id: m().id })
                await props.refetch()
                return m().visibility === 'public'
                  ? 'The session is scheduled and public.'
                  : 'The session is scheduled: members of the host groups can sign up.'
              })
            }
          >
            Schedule the session
          </Button>
        </Show>
        <Show when={m().can.markHeld}>
          <ConfirmAction
            label="Mark as held"
            variant="secondary"
            question={<>Mark this session as held? The hosts will be asked for its minutes.</>}
            confirmLabel="Yes, it was held"
            busy={actions.busy() === 'held'}
            onConfirm={async () => {
              await actions.run('held', async () => {
                await api.meetings.markHeld.mutate({ id: m().id })
                await props.refetch()
                return 'Marked as held. Attach the minutes when they are ready.'
              })
            }}
          />
        </Show>
        <Show when={m().can.cancel && !cancelling()}>
          <Button variant="warning" onClick={() => setCancelling(true)}>
            Cancel the session
          </Button>
        </Show>
      </div>
      <Show when={cancelling()}>
        <form class="inset" onSubmit={cancel} novalidate>
          <TextAreaField
            id="cancel-reason"
            label="Why is it cancelled?"
            hint="Everyone signed up is told, with this reason."
            rows={3}
            value={reason()}
            onValue={setReason}
            error={reasonError()}
          />
          <div class="button-group">
            <Button type="submit" variant="warning" busy={actions.busy() === 'cancel'}>
              Cancel the session
            </Button>
            <Button variant="secondary" onClick={() => setCancelling(false)}>
              Keep it
            </Button>
          </div>
        </form>
      </Show>
      <ActionStatus message={actions.message()} error={actions.error()} focus />
    </Show>
  )
}

export function EditSession(props: { meeting: Meeting; onSaved: () => Promise<void>; onCancel: () => void }) {
  const m = () => props.meeting
  const start = londonParts(m().startsAt)
  const topics = createQuery(
    () => m().owner.slug,
    (slug) => api.topics.listForGroup.query({ slug }),
  )
  const [draft, setDraft] = createSignal<SessionDraft>({
    title: m().title,
    description: m().description,
    date: start.date,
    startTime: start.time,
    endTime: londonParts(m().endsAt).time,
    place: m().place ?? '',
    onlineUrl: m().onlineUrl ?? '',
    visibility: m().visibility,
    capacity: m().capacity === null ? '' : String(m().capacity),
    topicId: m().topic?.id ?? '',
  })
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    const found = checkSession(draft())
    setErrors(found)
    setGeneral(null)
    if (Object.keys(found).length) return
    setBusy(true)
    try {
      await api.meetings.update.mutate({
        id: m().id,
        ...sessionInput(draft()),
        ...(m().can.changeVisibility ? { visibility: draft().visibility } : {}),
      })
      await props.onSaved()
    } catch (caught) {
      const r = formErrors(caught, SESSION_FIELDS)
      setErrors(r.fields)
      setGeneral(r.general)
    } finally {
      setBusy(false)
    }
  }
  return (
    <section class="section inset" aria-labelledby="edit-heading">
      <h2 id="edit-heading" class="heading-l">
        Edit the session
      </h2>
      <Show when={m().status === 'scheduled'}>
        <p class="hint">A change of time or place is told to everyone signed up.</p>
      </Show>
      <ErrorSummary
        id="edit-errors"
        items={[
          ...Object.entries(errors()).map(([f, message]) => ({ field: `edit-${f}`, message })),
          ...(general() ? [{ message: general()! }] : []),
        ]}
      />
      <form onSubmit={submit} novalidate>
        <SessionFields
          prefix="edit"
          draft={draft()}
          onChange={setDraft}
          errors={errors()}
          topics={(topics.data()?.items ?? []).filter((t) => t.status === 'open' || t.id === m().topic?.id)}
          showVisibility={m().can.changeVisibility}
        />
        <div class="button-group">
          <Button type="submit" busy={busy()}>
            Save changes
          </Button>
          <Button variant="secondary" onClick={() => props.onCancel()}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  )
}

/** The owner group's officers ask other groups to co-host, through the handshake. */
export function CohostInvite(props: { meeting: Meeting; refetch: () => Promise<void> }) {
  const m = () => props.meeting
  const [q, setQ] = createSignal('')
  const [results, setResults] = createSignal<GroupSummary[] | null>(null)
  const [chosen, setChosen] = createSignal<string | null>(null)
  const [message, setMessage] = createSignal('')
  const [searchError, setSearchError] = createSignal<string | null>(null)
  const actions = createActions()
  const taken = () =>
    new Set([
      m().owner.slug,
      ...m().cohosts.map((c) => c.slug),
      ...m().pendingInvitations.map((p) => p.group.slug),
    ])

  async function search(e: SubmitEvent) {
    e.preventDefault()
    setSearchError(null)
    if (!q().trim()) {
      setSearchError('Type part of a group’s name.')
      return
    }
    try {
      const page = await api.register.list.query({ q: q().trim(), limit: 8 })
      setResults(page.items.filter((g) => !taken().has(g.slug)))
    } catch (caught) {
      setSearchError(errorInfo(caught).message)
    }
  }

  return (
    <section class="section" aria-labelledby="cohost-heading">
      <h2 id="cohost-heading" class="heading-l">
        Invite a group to co-host
      </h2>
      <form onSubmit={search} novalidate class="search-form">
        <TextField id="cohost-search" label="Find a group" value={q()} onValue={setQ} error={searchError()} />
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </form>
      <Show when={results()}>
        <Show when={results()!.length > 0} fallback={<p>No group found that can be invited.</p>}>
          <fieldset class="fieldset">
            <legend class="fieldset__legend">Choose the group</legend>
            <div class="choices">
              <For each={results()!}>
                {(g, i) => (
                  <div class="checkbox checkbox--radio">
                    <input
                      class="checkbox__input"
                      type="radio"
                      name="cohost-group"
                      id={`cohost-group-${i()}`}
                      value={g.slug}
                      checked={chosen() === g.slug}
                      onChange={() => setChosen(g.slug)}
                    />
                    <div class="checkbox__text">
                      <label class="checkbox__label" for={`cohost-group-${i()}`}>
                        {g.title}
                      </label>
                    </div>
                  </div>
                )}
              </For>
            </div>
          </fieldset>
          <TextAreaField
            id="cohost-message"
            label="Message (optional)"
            rows={2}
            value={message()}
            onValue={setMessage}
          />
          <Button
            busy={actions.busy() === 'send'}
            onClick={() => {
              const slug = chosen()
              if (!slug) return
              void actions.run('send', async () => {
                await api.invitations.send.mutate({
                  itemType: 'meeting',
                  itemId: m().id,
                  toGroupSlugs: [slug],
                  message: message().trim() || undefined,
                })
                setResults(null)
                setChosen(null)
                setMessage('')
                setQ('')
                await props.refetch()
                return 'Invitation sent. The group’s officers will accept or decline it.'
              })
            }}
          >
            Send the invitation
          </Button>
        </Show>
      </Show>
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
