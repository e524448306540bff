import { A, useNavigate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import {
  checkSession,
  SESSION_FIELDS,
  type SessionDraft,
  SessionFields,
  sessionInput,
} from '../components/sessions/SessionFields'
import { createRead } from '../lib/data'
import { formErrors } from '../lib/errors'
import { useTitle } from '../lib/page'
import { useSession } from '../lib/session'
import { api } from '../lib/trpc'
import '../styles/sessions.css'

export default function SessionNew() {
  const params = useParams<{ slug: string }>()
  const session = useSession()
  const group = () => session.me()?.groups.find((g) => g.slug === params.slug)
  useTitle(() => (group() ? `Draft a session – ${group()!.title}` : 'Draft a session'))
  return (
    <Show when={session.ready()} fallback={<Loading />}>
      <Show when={session.me()} fallback={<PageError code="UNAUTHORIZED" what="this page" />}>
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
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    const found = checkSession(draft())
    setErrors(found)
    setGeneral(null)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      const result = await api.meetings.create.mutate({
        groupSlug: props.slug,
        ...sessionInput(draft()),
        visibility: draft().visibility,
      })
      navigate(`/sessions/${result.id}`)
    } catch (caught) {
      const result = formErrors(caught, SESSION_FIELDS)
      setErrors(result.fields)
      setGeneral(result.general)
    } finally {
      setBusy(false)
    }
  }

  const summary = () => [
    ...Object.entries(errors()).map(([field, message]) => ({ field: `session-${field}`, message })),
    ...(general() ? [{ message: general()! }] : []),
  ]

  return (
    <div class="grid-main--form">
      <A href={`/groups/${props.slug}/sessions`} class="back-link">
        Back to the sessions of {props.groupTitle}
      </A>
      <Heading caption={props.groupTitle}>Draft a session</Heading>
      <p class="lead">
        A draft is seen by your group (and the groups you invite to co-host) until an officer schedules it.
      </p>
      <ErrorSummary items={summary()} />
      <form onSubmit={submit} novalidate>
        <SessionFields
          prefix="session"
          draft={draft()}
          onChange={setDraft}
          errors={errors()}
          topics={(topics.data()?.items ?? []).filter((t) => t.status === 'open')}
          showVisibility
        />
        <div class="button-group">
          <Button type="submit" busy={busy()}>
            {busy() ? 'Saving the draft…' : 'Save draft'}
          </Button>
          <A href={`/groups/${props.slug}/sessions`} class="link-secondary">
            Cancel
          </A>
        </div>
      </form>
    </div>
  )
}
