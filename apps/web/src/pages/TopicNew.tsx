import { createTopicInput } from '@appg-hub/schemas'
import { A, useNavigate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { TOPIC_FIELDS, type TopicDraft, TopicFields } from '../components/TopicFields'
import { createForm } from '../lib/form'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

export default function TopicNew() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  const group = () => signIn.me()?.groups.find((g) => g.slug === params.slug)
  useTitle(() => (group() ? `Start a topic – ${group()!.title}` : 'Start a topic'))

  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="this page" />}>
        <Show
          when={group()?.can.createItems}
          fallback={
            <>
              <Heading>You cannot start a topic for this group</Heading>
              <p class="lead">
                Only the chair, officers and secretariat of a group can start a topic on its behalf.
              </p>
              <p>
                <A href={`/groups/${params.slug}`}>Back to the group</A>
              </p>
            </>
          }
        >
          <NewTopicForm slug={params.slug} groupTitle={group()!.title} />
        </Show>
      </Show>
    </Show>
  )
}

function NewTopicForm(props: { slug: string; groupTitle: string }) {
  const navigate = useNavigate()
  const [draft, setDraft] = createSignal<TopicDraft>({
    title: '',
    summary: '',
    tags: [],
    visibility: 'participants',
  })
  const form = createForm({
    schema: createTopicInput,
    prefix: 'topic',
    fields: TOPIC_FIELDS,
    input: () => ({ groupSlug: props.slug, ...draft(), title: draft().title.trim() }),
    send: (input) => api.topics.create.mutate(input),
    onSent: (result) => navigate(`/topics/${result.id}`),
  })

  return (
    <div class="grid-main--form">
      <A href={`/groups/${props.slug}`} class="back-link">
        Back to {props.groupTitle}
      </A>
      <Heading caption={props.groupTitle}>Start a topic</Heading>
      <p class="lead">
        A topic is joint work your group proposes to other groups. Once it exists you can invite other groups
        to take part; their officers accept or decline.
      </p>
      <ErrorSummary items={form.summary()} />
      <form onSubmit={form.submit} novalidate>
        <TopicFields
          prefix="topic"
          draft={draft()}
          onChange={setDraft}
          errors={form.errors()}
          ownerTitle={props.groupTitle}
        />
        <div class="button-group">
          <Button type="submit" busy={form.busy()}>
            {form.busy() ? 'Creating the topic…' : 'Create topic'}
          </Button>
          <A href={`/groups/${props.slug}`} class="link-secondary">
            Cancel
          </A>
        </div>
      </form>
    </div>
  )
}
