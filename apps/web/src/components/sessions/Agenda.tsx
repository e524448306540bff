/** The agenda: ordered items; the host groups' chair, officers and secretariat edit it. */
import { agendaItemFields } from '@appg-hub/schemas'
import { createSignal, For, Show } from 'solid-js'
import type * as z from 'zod'
import { useActions } from '../../lib/data'
import { createForm } from '../../lib/form'
import { plural } from '../../lib/format'
import type { AgendaItem, Session } from '../../lib/sessions'
import { api } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, ErrorSummary, TextAreaField, TextField } from '../Form'
import { ActionStatus } from '../Status'

interface ItemDraft {
  title: string
  speakers: string
  duration: string
  notes: string
}

const EMPTY: ItemDraft = { title: '', speakers: '', duration: '', notes: '' }

/** The add and edit forms: the fields are checked with the schema both procedures share. */
function ItemForm(props: {
  prefix: string
  initial: ItemDraft
  submitLabel: string
  onSubmit: (d: z.output<typeof agendaItemFields>) => Promise<void>
  onCancel?: () => void
}) {
  const [d, setD] = createSignal<ItemDraft>({ ...props.initial })
  const id = (f: string) => `${props.prefix}-${f}`
  const form = createForm({
    schema: agendaItemFields,
    prefix: props.prefix,
    fields: ['title', 'speakers', 'durationMinutes', 'notes'],
    input: () => ({
      title: d().title,
      speakers: d().speakers.trim() || null,
      // A blank box is no number (Number('') is 0), so the schema asks for one.
      durationMinutes: d().duration.trim() ? Number(d().duration) : Number.NaN,
      notes: d().notes.trim() || null,
    }),
    send: (input) => props.onSubmit(input),
    onSent: () => {
      setD({ ...EMPTY })
    },
  })
  return (
    <form onSubmit={(e) => void form.submit(e)} novalidate class="inset">
      <ErrorSummary id={`${props.prefix}-errors`} items={form.summary()} />
      <TextField
        id={id('title')}
        label="Item"
        value={d().title}
        onValue={(v) => setD({ ...d(), title: v })}
        error={form.error('title')}
      />
      <TextField
        id={id('speakers')}
        label="Speakers (optional)"
        hint="Separate several with a semicolon."
        value={d().speakers}
        onValue={(v) => setD({ ...d(), speakers: v })}
        error={form.error('speakers')}
      />
      <TextField
        id={id('durationMinutes')}
        label="Minutes"
        inputMode="numeric"
        width="third"
        value={d().duration}
        onValue={(v) => setD({ ...d(), duration: v })}
        error={form.error('durationMinutes')}
      />
      <TextAreaField
        id={id('notes')}
        label="Notes (optional)"
        rows={2}
        value={d().notes}
        onValue={(v) => setD({ ...d(), notes: v })}
        error={form.error('notes')}
      />
      <div class="button-group">
        <Button type="submit" busy={form.busy()}>
          {props.submitLabel}
        </Button>
        <Show when={props.onCancel}>
          <Button variant="secondary" onClick={() => props.onCancel?.()}>
            Cancel
          </Button>
        </Show>
      </div>
    </form>
  )
}

export function Agenda(props: { session: Session; refetch: () => Promise<void> }) {
  const m = () => props.session
  const actions = useActions()
  const [editing, setEditing] = createSignal<string | null>(null)
  const over = () => m().agendaMinutes > m().sessionMinutes

  async function move(item: AgendaItem, direction: 'up' | 'down') {
    await actions.run(`move:${item.id}`, async () => {
      await api.sessions.agenda.move.mutate({ id: m().id, itemId: item.id, direction })
      await props.refetch()
      return `Moved “${item.title}” ${direction}.`
    })
  }

  return (
    <section class="section" aria-labelledby="agenda-heading">
      <h2 id="agenda-heading" class="heading-l">
        Agenda
      </h2>
      <Show when={m().agenda.length > 0} fallback={<p class="hint">No agenda items yet.</p>}>
        <ol class="agenda" aria-label="Agenda items">
          <For each={m().agenda}>
            {(item, i) => (
              <li class="agenda__item">
                <Show
                  when={editing() === item.id}
                  fallback={
                    <>
                      <div>
                        <p class="agenda__title">{item.title}</p>
                        <p class="agenda__meta">
                          {plural(item.durationMinutes, 'minute')}
                          <Show when={item.speakers}> · {item.speakers}</Show>
                        </p>
                        <Show when={item.notes}>
                          <p class="agenda__notes">{item.notes}</p>
                        </Show>
                      </div>
                      <Show when={m().can.editAgenda}>
                        <div class="agenda__tools">
                          <Show when={i() > 0}>
                            <Button
                              variant="secondary"
                              aria-label={`Move “${item.title}” up`}
                              onClick={() => move(item, 'up')}
                            >
                              Up
                            </Button>
                          </Show>
                          <Show when={i() < m().agenda.length - 1}>
                            <Button
                              variant="secondary"
                              aria-label={`Move “${item.title}” down`}
                              onClick={() => move(item, 'down')}
                            >
                              Down
                            </Button>
                          </Show>
                          <Button
                            variant="secondary"
                            aria-label={`Edit “${item.title}”`}
                            onClick={() => setEditing(item.id)}
                          >
                            Edit
                          </Button>
                          <ConfirmAction
                            label="Remove"
                            accessibleLabel={`Remove “${item.title}”`}
                            variant="secondary"
                            question={<>Remove “{item.title}” from the agenda?</>}
                            confirmLabel="Yes, remove"
                            busy={actions.busy() === `remove:${item.id}`}
                            onConfirm={async () => {
                              await actions.run(`remove:${item.id}`, async () => {
                                await api.sessions.agenda.remove.mutate({ id: m().id, itemId: item.id })
                                await props.refetch()
                                return `Removed “${item.title}”.`
                              })
                            }}
                          />
                        </div>
                      </Show>
                    </>
                  }
                >
                  <ItemForm
                    prefix={`agenda-edit-${item.id}`}
                    initial={{
                      title: item.title,
                      speakers: item.speakers ?? '',
                      duration: String(item.durationMinutes),
                      notes: item.notes ?? '',
                    }}
                    submitLabel="Save item"
                    onCancel={() => setEditing(null)}
                    onSubmit={async (d) => {
                      await api.sessions.agenda.update.mutate({ id: m().id, itemId: item.id, ...d })
                      await props.refetch()
                      setEditing(null)
                    }}
                  />
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={m().agenda.length > 0}>
        <p class="agenda-total" classList={{ 'session-warning': over() }} role={over() ? 'alert' : undefined}>
          The agenda takes {plural(m().agendaMinutes, 'minute')} of the session’s{' '}
          {plural(m().sessionMinutes, 'minute')}.
          <Show when={over()}> It runs {plural(m().agendaMinutes - m().sessionMinutes, 'minute')} over.</Show>
        </p>
      </Show>
      <ActionStatus message={actions.message()} error={actions.error()} compact />
      <Show when={m().can.editAgenda}>
        <h3 class="heading-m">Add an agenda item</h3>
        <ItemForm
          prefix="agenda-new"
          initial={EMPTY}
          submitLabel="Add to the agenda"
          onSubmit={async (d) => {
            await api.sessions.agenda.add.mutate({ id: m().id, ...d })
            await props.refetch()
          }}
        />
      </Show>
    </section>
  )
}
