import '../styles/documents.css'
import { useNavigate, useParams, useSearchParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { Button, RadioGroup, SelectField, TextField } from '../components/Form'
import { WordImport } from '../components/files/WordImport'
import { Heading } from '../components/Heading'
import { ActionStatus, PageError } from '../components/Status'
import { useActions } from '../lib/data'
import { type DocumentKind, KIND_NAMES } from '../lib/documents'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

/** A new draft document of a group's, optionally for a topic (`?topic=<id>`). */
export default function DocumentNew() {
  const params = useParams<{ slug: string }>()
  const [search] = useSearchParams<{ topic?: string }>()
  const signIn = useSignIn()
  const navigate = useNavigate()
  useTitle(() => 'New document')
  const [kind, setKind] = createSignal<DocumentKind>(search.topic ? 'briefing' : 'notes')
  const [title, setTitle] = createSignal('')
  const [body, setBody] = createSignal('')
  const [visibility, setVisibility] = createSignal<'participants' | 'public'>('participants')
  const actions = useActions()
  const allowed = () => signIn.can(params.slug)?.createItems

  return (
    <Show when={signIn.ready()}>
      <Show when={signIn.me()} fallback={<PageError code="UNAUTHORIZED" />}>
        <Heading caption="New document">Write a document</Heading>
        <Show
          when={allowed()}
          fallback={
            <p>Only the chair, officers and secretariat of this group can create documents for it.</p>
          }
        >
          <form
            onSubmit={(e) => {
              e.preventDefault()
              void actions.run('create', async () => {
                const { id } = await api.documents.create.mutate({
                  groupSlug: params.slug,
                  kind: kind(),
                  title: title(),
                  body: body(),
                  visibility: visibility(),
                  topicId: search.topic ?? null,
                })
                navigate(`/documents/${id}`)
                return null
              })
            }}
          >
            <SelectField
              id="doc-kind"
              label="Kind"
              value={kind()}
              onValue={(v) => setKind(v as DocumentKind)}
              options={Object.entries(KIND_NAMES).map(([value, label]) => ({ value, label }))}
            />
            <TextField id="doc-new-title" label="Title" value={title()} onValue={setTitle} />
            <div class="field doc-editor">
              <label class="label" for="doc-new-body">
                Text
              </label>
              <p class="hint" id="doc-new-body-hint">
                Markdown. You can keep writing after saving; every save is kept as a revision.
              </p>
              <textarea
                id="doc-new-body"
                class="textarea"
                rows={14}
                value={body()}
                onInput={(e) => setBody(e.currentTarget.value)}
                aria-describedby="doc-new-body-hint"
              />
            </div>
            <RadioGroup
              id="doc-visibility"
              legend="Who can read it once published"
              value={visibility()}
              onValue={(v) => setVisibility(v as 'participants' | 'public')}
              choices={[
                { value: 'participants', label: 'The groups writing it' },
                { value: 'public', label: 'Anyone (when an officer publishes it)' },
              ]}
            />
            <ActionStatus message={actions.message()} error={actions.error()} />
            <Button type="submit" busy={actions.busy() === 'create'}>
              Create the draft
            </Button>
          </form>
          <WordImport
            groupSlug={params.slug}
            kind={kind()}
            visibility={visibility()}
            topicId={search.topic}
          />
        </Show>
      </Show>
    </Show>
  )
}
