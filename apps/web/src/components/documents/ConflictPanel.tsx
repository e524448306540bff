import { createSignal, Show } from 'solid-js'
import { type Conflict, hasConflictMarkers } from '../../lib/documents'
import { Button } from '../Form'

/**
 * Someone saved the same lines meanwhile: the three texts side by side (where both started, what
 * is saved now, and this editor's), and the merged text with both versions of each overlap between
 * markers, to edit into one and save on top of the new head.
 */
export function ConflictPanel(props: {
  conflict: Conflict
  busy: boolean
  onResolve: (text: string) => void
  onCancel: () => void
}) {
  const [text, setText] = createSignal(props.conflict.marked)
  const [error, setError] = createSignal<string | null>(null)
  let heading: HTMLHeadingElement | undefined
  queueMicrotask(() => heading?.focus())

  function resolve() {
    if (hasConflictMarkers(text())) {
      setError(
        'Choose between the two versions in each marked place, and remove the <<<<<<<, ======= and >>>>>>> lines.',
      )
      return
    }
    setError(null)
    props.onResolve(text())
  }

  return (
    <section class="conflict" aria-labelledby="conflict-heading">
      <h2 id="conflict-heading" class="heading-l" tabIndex={-1} ref={heading}>
        Your changes overlap with revision {props.conflict.headNumber}
      </h2>
      <p>
        Someone saved changes to the same{' '}
        {props.conflict.conflicts === 1 ? 'place' : `${props.conflict.conflicts} places`} since you started
        from revision {props.conflict.baseNumber}. Nothing has been lost: compare the three texts, edit the
        merged text below into one, and save it.
      </p>
      <div class="conflict__texts">
        <div>
          <h3 class="heading-s">Where you both started (revision {props.conflict.baseNumber})</h3>
          <pre data-testid="conflict-base">{props.conflict.base}</pre>
        </div>
        <div>
          <h3 class="heading-s">Saved meanwhile (revision {props.conflict.headNumber})</h3>
          <pre data-testid="conflict-theirs">{props.conflict.theirs}</pre>
        </div>
        <div>
          <h3 class="heading-s">Yours</h3>
          <pre data-testid="conflict-yours">{props.conflict.yours}</pre>
        </div>
      </div>
      <div class="field doc-editor" classList={{ 'field--error': Boolean(error()) }}>
        <label class="label" for="conflict-merged">
          Merged text
        </label>
        <p class="hint" id="conflict-merged-hint">
          Each overlap shows your version between “&lt;&lt;&lt;&lt;&lt;&lt;&lt; yours” and “=======”, and the
          saved one between “=======” and “&gt;&gt;&gt;&gt;&gt;&gt;&gt; theirs”.
        </p>
        <Show when={error()}>
          <p class="error-message" id="conflict-merged-error">
            <span class="visually-hidden">Error:</span> {error()}
          </p>
        </Show>
        <textarea
          id="conflict-merged"
          class="textarea"
          rows={16}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
          aria-describedby={`conflict-merged-hint${error() ? ' conflict-merged-error' : ''}`}
        />
      </div>
      <div class="button-group">
        <Button onClick={resolve} busy={props.busy}>
          Save the merged text
        </Button>
        <Button variant="secondary" onClick={() => props.onCancel()}>
          Discard my changes
        </Button>
      </div>
    </section>
  )
}
