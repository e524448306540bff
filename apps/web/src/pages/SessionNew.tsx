import { createSessionInput } from '@appg-hub/schemas'
import { A, useNavigate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import {
  SESSION_FIELDS,
  type SessionDraft,
  SessionFields,
  sessionInput,
} from '../components/sessions/SessionFields'
import { createRead } from '../lib/data'
import { createForm } from '../lib/form'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import '../styles/sessions.css'

export default function SessionNew() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  const group = () => signIn.me()?.groups.find((g) => g.slug === params.slug)
  useTitle(() => (group() ? `Draft a session – ${group()!.title}` : 'Draft a session'))
  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" what="this page" />}>
        <Show
          when={group()?.can.createItems}
          fallback={
            <>
              <Heading>You cannot draft a session for this group</Heading>
              <p class="lead">Only the chair, officers and secretariat of a group can draft its sessions.</p>
              <p>
                <A href={`/groups/${params.slug}`}>Back to the group</A>
              </p>
            </>
          }
        >
          <NewSessionForm slug={params.slug} groupTitle={group()!.title} />
        </Show>
      </Show>
    </Show>
  )
}

function NewSessionForm(props: { slug: string; groupTitle: string }) {
  const navigate = useNavigate()
  const topics = createRead(
    'topics.listForGroup',
    () => props.slug,
    (slug) => api.topics.listForGroup.query({ slug }),
  )
  const [draft, setDraft] = createSignal<SessionDraft>({
    title: '',
    description: '',
    date: '',
    startTime: '',
    endTime: '',
    place: '',
    onlineUrl: '',
    visibility: 'participants',
    capacity: '',
    topicId: '',
  })
  const form = createForm({
    schema: createSessionInput,
    prefix: 'session',
    fields: SESSION_FIELDS,
    input: () => ({ groupSlug: props.slug, ...sessionInput(draft()), visibility: draft().visibility }),
    send: (input) => api.sessions.create.mutate(input),
    onSent: (result) => navigate(`/sessions/${result.id}`),
  })

  return (
    <div class="grid-main--form">
      <A href={`/groups/${props.slug}/sessions`} class="back-link">
        Back to the sessions of {props.groupTitle}
      </A>
      <Heading caption={props.groupTitle}>Draft a session</Heading>
      <p class="lead">
        A draft is seen by your group (and the groups you invite to co-host) until an officer schedules it.
      </p>
      <ErrorSummary items={form.summary()} />
      <form onSubmit={form.submit} novalidate>
        <SessionFields
          prefix="session"
          draft={draft()}
          onChange={setDraft}
          errors={form.errors()}
          topics={(topics.data()?.items ?? []).filter((t) => t.status === 'open')}
          showVisibility
        />
        <div class="button-group">
          <Button type="submit" busy={form.busy()}>
            {form.busy() ? 'Saving the draft…' : 'Save draft'}
          </Button>
          <A href={`/groups/${props.slug}/sessions`} class="link-secondary">
            Cancel
          </A>
        </div>
      </form>
    </div>
  )
}
