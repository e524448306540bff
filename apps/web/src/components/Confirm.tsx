import { createSignal, type JSX, Show } from 'solid-js'
import { Button } from './Form'

/**
 * A destructive action in two steps: the first button reveals a question with Confirm and Cancel,
 * focus moves to the question, and Cancel puts focus back.
 */
export function ConfirmAction(props: {
  label: string
  /** Names the action for screen readers when several sit on one page, e.g. "Remove Jane Smith". */
  accessibleLabel?: string
  question: JSX.Element
  confirmLabel: string
  onConfirm: () => Promise<void> | void
  variant?: 'warning' | 'secondary' | 'link'
  busy?: boolean
}) {
  const [asking, setAsking] = createSignal(false)
  let trigger: HTMLButtonElement | undefined
  let question: HTMLFieldSetElement | undefined
  return (
    <Show
      when={asking()}
      fallback={
        <Button
          ref={trigger}
          variant={props.variant ?? 'warning'}
          aria-label={props.accessibleLabel}
          onClick={() => {
            setAsking(true)
            queueMicrotask(() => question?.focus())
          }}
        >
          {props.label}
        </Button>
      }
    >
      <fieldset class="confirm" ref={question} tabIndex={-1}>
        <legend class="confirm__question">{props.question}</legend>
        <div class="button-group">
          <Button
            variant="warning"
            busy={props.busy}
            onClick={async () => {
              if (props.busy) return
              await props.onConfirm()
              setAsking(false)
            }}
          >
            {props.confirmLabel}
          </Button>
          <Button
            variant="secondary"
            onClick={() => {
              setAsking(false)
              queueMicrotask(() => trigger?.focus())
            }}
          >
            Cancel
          </Button>
        </div>
      </fieldset>
    </Show>
  )
}
