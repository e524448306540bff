import { updateSessionInput } from '@appg-hub/schemas'
/** What the hosts do to a session: schedule, edit, invite co-hosts, cancel, mark as held. */
import { createSignal, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { createForm } from '../../lib/form'
import { londonParts, type Session } from '../../lib/sessions'
import { api } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, ErrorSummary, TextAreaField } from '../Form'
import { ActionStatus } from '../Status'
import { SESSION_FIELDS, type SessionDraft, SessionFields, sessionInput } from './SessionFields'

export function LifecycleActions(props: {
  session: Session
  refetch: () => Promise<void>
  onEdit: () => void
}) {
  const m = () => props.session
  const actions = useActions()
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
      await api.sessions.cancel.mutate({ id: m().id, reason: reason().trim() })
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
                await api.sessions.schedule.mutate({ id: m().id })
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
                await api.sessions.markHeld.mutate({ id: m().id })
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

export function EditSession(props: { session: Session; onSaved: () => Promise<void>; onCancel: () => void }) {
  const m = () => props.session
  const start = londonParts(m().startsAt)
  const topics = createRead(
    'topics.listForGroup',
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
  const form = createForm({
    schema: updateSessionInput,
    prefix: 'edit',
    fields: SESSION_FIELDS,
    input: () => ({
      id: m().id,
      ...sessionInput(draft()),
      ...(m().can.changeVisibility ? { visibility: draft().visibility } : {}),
    }),
    send: (input) => api.sessions.update.mutate(input),
    onSent: () => props.onSaved(),
  })
  return (
    <section class="section inset" aria-labelledby="edit-heading">
      <h2 id="edit-heading" class="heading-l">
        Edit the session
      </h2>
      <Show when={m().status === 'scheduled'}>
        <p class="hint">A change of time or place is told to everyone signed up.</p>
      </Show>
      <ErrorSummary id="edit-errors" items={form.summary()} />
      <form onSubmit={form.submit} novalidate>
        <SessionFields
          prefix="edit"
          draft={draft()}
          onChange={setDraft}
          errors={form.errors()}
          topics={(topics.data()?.items ?? []).filter((t) => t.status === 'open' || t.id === m().topic?.id)}
          showVisibility={m().can.changeVisibility}
        />
        <div class="button-group">
          <Button type="submit" busy={form.busy()}>
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
