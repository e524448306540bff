import { updateTopicInput } from '@appg-hub/schemas'
import { createSignal, onMount } from 'solid-js'
import { createForm } from '../../lib/form'
import { api, type Topic } from '../../lib/trpc'
import { Button, ErrorSummary } from '../Form'
import { TOPIC_FIELDS, type TopicDraft, TopicFields } from '../TopicFields'

/** The topic's title, summary, tags and visibility, edited in place. */
export function TopicEdit(props: { topic: Topic; onSaved: () => Promise<void>; onCancel: () => void }) {
  const [draft, setDraft] = createSignal<TopicDraft>({
    title: props.topic.title,
    summary: props.topic.summary,
    tags: [...props.topic.tags],
    visibility: props.topic.visibility,
  })
  let heading: HTMLHeadingElement | undefined
  const form = createForm({
    schema: updateTopicInput,
    prefix: 'edit',
    fields: TOPIC_FIELDS,
    input: () => ({ id: props.topic.id, ...draft(), title: draft().title.trim() }),
    send: (input) => api.topics.update.mutate(input),
    onSent: () => props.onSaved(),
  })

  onMount(() => heading?.focus())

  return (
    <section class="section section--boxed" aria-labelledby="edit-heading">
      <h2 id="edit-heading" class="heading-l" tabIndex={-1} ref={heading}>
        Edit topic
      </h2>
      <ErrorSummary items={form.summary()} id="edit-errors" />
      <form onSubmit={form.submit} novalidate>
        <TopicFields
          prefix="edit"
          draft={draft()}
          onChange={setDraft}
          errors={form.errors()}
          ownerTitle={props.topic.owner.title}
        />
        <div class="button-group">
          <Button type="submit" busy={form.busy()}>
            {form.busy() ? 'Saving…' : 'Save changes'}
          </Button>
          <Button variant="secondary" onClick={props.onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  )
}
