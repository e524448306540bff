import { createSignal, onMount } from 'solid-js'
import { errorInfo } from '../../lib/errors'
import { formatCount } from '../../lib/format'
import { Button } from '../Form'
import { type ItemType, MentionTextarea } from './MentionTextarea'

const MAX_LENGTH = 10_000

/** Writing a comment, a reply or an edit. `onSubmit` resolves once the discussion has the change. */
export function CommentForm(props: {
  id: string
  mode: 'new' | 'reply' | 'edit'
  itemType: ItemType
  itemId: string
  initial?: string
  /** Who is being replied to, for the label. */
  replyTo?: string
  onSubmit: (body: string) => Promise<void>
  onCancel?: () => void
  /** Focus the textarea when the form appears (reply, edit). */
  autofocus?: boolean
}) {
  const [body, setBody] = createSignal(props.initial ?? '')
  const [error, setError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let textarea: HTMLTextAreaElement | undefined

  onMount(() => {
    if (props.autofocus) {
      textarea?.focus()
      const end = textarea?.value.length ?? 0
      textarea?.setSelectionRange(end, end)
    }
  })

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    const text = body().trim()
    if (!text) {
      setError(props.mode === 'reply' ? 'Enter your reply.' : 'Enter your comment.')
      textarea?.focus()
      return
    }
    if (text.length > MAX_LENGTH) {
      setError(`A comment must be ${formatCount(MAX_LENGTH)} characters or fewer.`)
      textarea?.focus()
      return
    }
    setBusy(true)
    setError(null)
    try {
      await props.onSubmit(text)
      if (props.mode === 'new') setBody('')
    } catch (caught) {
      const info = errorInfo(caught)
      setError(info.fieldErrors.body ?? info.message)
      textarea?.focus()
    } finally {
      setBusy(false)
    }
  }

  const label = () =>
    props.mode === 'edit'
      ? 'Edit your comment'
      : props.mode === 'reply'
        ? `Reply to ${props.replyTo ?? 'this comment'}`
        : 'Add a comment'

  return (
    <form
      class="comment-form"
      classList={{ 'comment-form--nested': props.mode !== 'new' }}
      onSubmit={submit}
      novalidate
    >
      <MentionTextarea
        id={props.id}
        label={label()}
        value={body()}
        onValue={(v) => {
          setBody(v)
          if (error() && v.trim()) setError(null)
        }}
        error={error()}
        itemType={props.itemType}
        itemId={props.itemId}
        rows={props.mode === 'new' ? 5 : 3}
        ref={(el) => {
          textarea = el
        }}
      />
      <div class="button-group">
        <Button type="submit" busy={busy()} class={props.mode === 'new' ? '' : 'button--small'}>
          {busy()
            ? 'Saving…'
            : props.mode === 'edit'
              ? 'Save changes'
              : props.mode === 'reply'
                ? 'Post reply'
                : 'Post comment'}
        </Button>
        {props.onCancel && (
          <Button variant="secondary" class="button--small" onClick={() => props.onCancel?.()}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  )
}
