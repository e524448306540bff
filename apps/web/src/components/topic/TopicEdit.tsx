import { createSignal, onMount } from 'solid-js'
import { formErrors } from '../../lib/errors'
import { api, type Topic } from '../../lib/trpc'
import { Button, ErrorSummary } from '../Form'
import { checkTopic, TOPIC_FIELDS, type TopicDraft, TopicFields } from '../TopicFields'

/** The topic's title, summary, tags and visibility, edited in place. */
export function TopicEdit(props: { topic: Topic; onSaved: () => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = createSignal<TopicDraft>({
    title: props.topic.title,
    summary: props.topic.summary,
    tags: [...props.topic.tags],
    visibility: props.topic.visibility,
  })
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  let heading: HTMLHeadingElement | undefined

  onMount(() => heading?.focus())

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    const found = checkTopic(draft())
    setErrors(found)
    setGeneral(null)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      const d = draft()
      await api.topics.update.mutate({
        id: props.topic.id,
        title: d.title.trim(),
        summary: d.summary,
        tags: d.tags,
        visibility: d.visibility,
      })
      await props.onSaved()
    } catch (caught) {
      const result = formErrors(caught, TOPIC_FIELDS)
      setErrors(result.fields)
      setGeneral(result.general)
    } finally {
      setBusy(false)
    }
  }

  const summary = () => [
    ...Object.entries(errors()).map(([field, message]) => ({ field: `edit-${field}`, message })),
    ...(general() ? [{ message: general()! }] : []),
  ]

  return (
    <section class="section section--boxed" aria-labelledby="edit-heading">
      <h2 id="edit-heading" class="heading-l" tabIndex={-1} ref={heading}>
        Edit topic
      </h2>
      <ErrorSummary items={summary()} id="edit-errors" />
      <form onSubmit={submit} novalidate>
        <TopicFields
          prefix="edit"
          draft={draft()}
          onChange={setDraft}
          errors={errors()}
          ownerTitle={props.topic.owner.title}
        />
        <div class="button-group">
          <Button type="submit" busy={busy()}>
            {busy() ? 'Saving…' : 'Save changes'}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  )
}
