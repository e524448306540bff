import { createEffect, createSignal, For, Show, untrack } from 'solid-js'
import { createPagedRead, createRead, useActions } from '../../lib/data'
import type { HistoryEntry } from '../../lib/documents'
import { errorInfo } from '../../lib/errors'
import { formatDateTime, listText } from '../../lib/format'
import { api } from '../../lib/trpc'
import { Button, SelectField } from '../Form'
import { ShowMore } from '../ShowMore'
import { ActionStatus, Loading } from '../Status'
import { DiffView } from './DiffView'

/** Every revision, newest first, with the changes each made, a comparison of any two, and restore. */
export function History(props: {
  id: string
  headNumber: number
  canRestore: boolean
  onRestored: () => Promise<void>
}) {
  const history = createPagedRead(
    'documents.history',
    () => `${props.id}:${props.headNumber}`,
    (_key, cursor) => api.documents.history.query({ id: props.id, cursor }),
  )
  const [from, setFrom] = createSignal('')
  const [to, setTo] = createSignal('')
  // The pair of revisions last asked for; a comparison is read once and kept (revisions do not change).
  const [pair, setPair] = createSignal<{ from: number; to: number } | null>(null)
  const diff = createRead(
    'documents.diff',
    () => {
      const p = pair()
      return p && { id: props.id, ...p }
    },
    (input) => api.documents.diff.query(input),
  )
  const diffError = () => (diff.error() ? errorInfo(diff.error()).message : null)
  const actions = useActions()
  let diffAnchor: HTMLDivElement | undefined
  // The comparison's heading takes the focus once the asked-for comparison is shown.
  let focusWhenShown = false
  const focusDiff = () => queueMicrotask(() => diffAnchor?.querySelector<HTMLElement>('h3')?.focus())
  createEffect(() => {
    if (diff.data() && !diff.loading() && focusWhenShown) {
      focusWhenShown = false
      focusDiff()
    }
  })

  function compare(a: number, b: number) {
    const shown = untrack(pair)
    if (shown && shown.from === a && shown.to === b && untrack(() => !diff.loading())) return focusDiff()
    focusWhenShown = true
    setPair({ from: a, to: b })
  }

  const numbers = () => history.items().map((h) => String(h.number))
  const options = () => numbers().map((n) => ({ value: n, label: `Revision ${n}` }))

  return (
    <section class="section" aria-labelledby="history-heading">
      <h2 id="history-heading" class="heading-l">
        History
      </h2>
      <ActionStatus message={actions.message()} error={actions.error()} />
      <Show
        when={!history.loading() || history.items().length > 0}
        fallback={<Loading label="Loading the history…" />}
      >
        <table class="doc-history" id="doc-history">
          <caption class="visually-hidden">Revisions, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Revision</th>
              <th scope="col">By</th>
              <th scope="col">When</th>
              <th scope="col">Actions</th>
            </tr>
          </thead>
          <tbody>
            <For each={history.items()}>
              {(entry: HistoryEntry) => (
                <tr data-revision={entry.number}>
                  <td>
                    {entry.number}
                    <Show when={entry.merged}>
                      {' '}
                      <span class="badge badge--teal">Merged</span>
                    </Show>
                    <Show when={entry.baseNumber !== null && entry.baseNumber !== entry.number - 1}>
                      <span class="hint"> (started from {entry.baseNumber})</span>
                    </Show>
                  </td>
                  <td>
                    {entry.contributors.length > 0
                      ? listText(entry.contributors.map((c) => c.name))
                      : entry.author.name}
                    <Show when={entry.note}>
                      <span class="hint revision-note"> “{entry.note}”</span>
                    </Show>
                  </td>
                  <td>{formatDateTime(entry.createdAt)}</td>
                  <td>
                    <Show when={entry.number > 1}>
                      <Button
                        variant="secondary"
                        onClick={() => compare(entry.number - 1, entry.number)}
                        aria-label={`Changes in revision ${entry.number}`}
                      >
                        Changes
                      </Button>
                    </Show>
                    <Show when={props.canRestore && entry.number !== props.headNumber}>
                      <Button
                        variant="secondary"
                        busy={actions.busy() === `restore-${entry.number}`}
                        aria-label={`Restore revision ${entry.number}`}
                        onClick={() =>
                          actions.run(`restore-${entry.number}`, async () => {
                            const r = await api.documents.restore.mutate({
                              id: props.id,
                              number: entry.number,
                            })
                            await props.onRestored()
                            return r.status === 'unchanged'
                              ? `Revision ${entry.number} has the same text as the latest revision.`
                              : `Revision ${entry.number} restored as revision ${r.status === 'conflict' ? '' : r.revision.number}.`
                          })
                        }
                      >
                        Restore
                      </Button>
                    </Show>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <ShowMore list={history} label="Show older revisions" listId="doc-history" focusSelector="tr" />
        <Show when={history.items().length > 1}>
          <form
            class="doc-compare"
            onSubmit={(e) => {
              e.preventDefault()
              const a = Number(from() || numbers().at(-1))
              const b = Number(to() || numbers()[0])
              compare(Math.min(a, b), Math.max(a, b))
            }}
          >
            <SelectField
              id="diff-from"
              label="Compare revision"
              value={from() || (numbers().at(-1) ?? '')}
              onValue={setFrom}
              options={options()}
              inline
            />
            <SelectField
              id="diff-to"
              label="with revision"
              value={to() || (numbers()[0] ?? '')}
              onValue={setTo}
              options={options()}
              inline
            />
            <Button type="submit" variant="secondary">
              Compare
            </Button>
          </form>
        </Show>
      </Show>
      <Show when={diffError()}>
        <div class="alert alert--error" role="alert">
          {diffError()}
        </div>
      </Show>
      <div ref={diffAnchor}>
        <Show when={!diff.loading() && diff.data()}>{(d) => <DiffView diff={d()} />}</Show>
      </div>
    </section>
  )
}
