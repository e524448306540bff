import '../styles/documents.css'
import { A, useParams } from '@solidjs/router'
import { createSignal, For, type JSX, onCleanup, Show } from 'solid-js'
import { Discussion } from '../components/comments/Discussion'
import { CoAuthorPanel } from '../components/documents/CoAuthorPanel'
import { ConflictPanel } from '../components/documents/ConflictPanel'
import { History } from '../components/documents/History'
import { LinkForm } from '../components/documents/LinkForm'
import { LinkList } from '../components/documents/LinkList'
import { PublicationNotice } from '../components/documents/PublicationNotice'
import { PublishedBanner } from '../components/documents/PublishedBanner'
import { Button, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { ServerHtml } from '../components/Markdown'
import { PublicationPanel } from '../components/publication/PublicationPanel'
import { ActionStatus, Loading, PageError } from '../components/Status'
import { createActions } from '../lib/action'
import { type Conflict, type DocumentView, KIND_NAMES } from '../lib/documents'
import { formatDateTime, listText } from '../lib/format'
import { useTitle } from '../lib/page'
import { createQuery } from '../lib/query'
import { useSession } from '../lib/session'
import { api } from '../lib/trpc'

/** How often the editor says it is here and asks who else is (entries count for 30 s). */
const PRESENCE_EVERY_MS = 10_000

export default function DocumentPage() {
  const params = useParams<{ id: string }>()
  const session = useSession()
  const doc = createQuery(
    () => session.ready() && params.id,
    (id) => api.documents.get.query({ id }),
  )
  useTitle(() => doc.data()?.title ?? (doc.error() ? null : 'Document'))
  return (
    <Show when={!doc.error()} fallback={<PageError error={doc.error()} what="this document" />}>
      <Show when={doc.data()} fallback={<Loading label="Loading the document…" />}>
        {(d) => <DocumentScreen doc={d()} refetch={doc.refetch} />}
      </Show>
    </Show>
  )
}

function Groups(props: { doc: DocumentView }): JSX.Element {
  return (
    <p class="doc-groups">
      By <A href={`/groups/${props.doc.owner.slug}`}>{props.doc.owner.title}</A>
      <For each={props.doc.coAuthors}>
        {(g, i) => (
          <>
            {i() === props.doc.coAuthors.length - 1 ? ' and ' : ', '}
            <A href={`/groups/${g.slug}`}>{g.title}</A>
          </>
        )}
      </For>
    </p>
  )
}

function DocumentScreen(props: { doc: DocumentView; refetch: () => Promise<void> }) {
  const d = () => props.doc
  const session = useSession()
  const [editing, setEditing] = createSignal(false)
  const [title, setTitle] = createSignal('')
  const [body, setBody] = createSignal('')
  const [base, setBase] = createSignal<{ id: string; number: number }>({ id: '', number: 0 })
  const [previewHtml, setPreviewHtml] = createSignal<string | null>(null)
  const [conflict, setConflict] = createSignal<Conflict | null>(null)
  const [others, setOthers] = createSignal(d().presence)
  const [headNumber, setHeadNumber] = createSignal(d().head.number)
  const actions = createActions()
  const linkActions = createActions()
  let editButton: HTMLButtonElement | undefined
  let textarea: HTMLTextAreaElement | undefined

  // Presence: participants only (a reader of a published document is not shown to its editors).
  const participant = () => d().can.edit || d().can.comment
  async function poll() {
    if (!session.me() || !participant()) return
    try {
      const p = await api.documents.presence.mutate({ id: d().id })
      setOthers(p.others)
      setHeadNumber(p.headNumber)
    } catch {
      // A missed tick is not worth an error on the page; the next one tries again.
    }
  }
  void poll()
  const timer = setInterval(() => void poll(), PRESENCE_EVERY_MS)
  onCleanup(() => clearInterval(timer))

  function startEditing() {
    actions.clear()
    setTitle(d().title)
    setBody(d().body)
    setBase({ id: d().head.id, number: d().head.number })
    setPreviewHtml(null)
    setConflict(null)
    setEditing(true)
    queueMicrotask(() => textarea?.focus())
  }

  function stopEditing() {
    setEditing(false)
    setConflict(null)
    queueMicrotask(() => editButton?.focus())
  }

  async function save(text: string) {
    await actions.run('save', async () => {
      const r = await api.documents.save.mutate({
        id: d().id,
        baseRevisionId: base().id,
        body: text,
        title: title(),
      })
      if (r.status === 'conflict') {
        setConflict(r)
        setHeadNumber(r.headNumber)
        return null
      }
      setConflict(null)
      setEditing(false)
      await props.refetch()
      setHeadNumber(r.revision.number)
      queueMicrotask(() => editButton?.focus())
      if (r.status === 'unchanged') return 'Nothing had changed, so no new revision was made.'
      if (r.status === 'merged')
        return `Saved as revision ${r.revision.number}, merged with changes others saved since you started.`
      return `Saved as revision ${r.revision.number}.`
    })
  }

  function resolve(text: string) {
    const c = conflict()
    if (!c) return
    setBase({ id: c.headRevisionId, number: c.headNumber })
    setBody(text)
    void save(text)
  }

  async function preview() {
    await actions.run('preview', async () => {
      setPreviewHtml((await api.documents.preview.mutate({ body: body() })).html)
      return null
    })
  }

  const stale = () => editing() && headNumber() > base().number && !conflict()

  return (
    <>
      <Heading caption={KIND_NAMES[d().kind]}>{d().title}</Heading>
      <p class="doc-badges">
        <span
          class="badge"
          classList={{ 'badge--green': d().status === 'published', 'badge--grey': d().status === 'draft' }}
        >
          {d().status === 'published' ? 'Published' : 'Draft'}
        </span>
        <span class="badge badge--grey">
          {d().visibility === 'public'
            ? d().status === 'published'
              ? 'Public'
              : 'Public when published'
            : 'Participants only'}
        </span>
        <span class="badge badge--grey">Revision {d().head.number}</span>
      </p>
      <Groups doc={d()} />
      <PublishedBanner doc={d()} editing={editing()} />
      <p class="hint">
        Last saved by {d().head.author.name} on {formatDateTime(d().head.createdAt)}
        {d().head.merged ? ' (merged with changes saved meanwhile)' : ''}.
      </p>

      <Show when={participant() && (others().length > 0 || stale())}>
        <div
          class="doc-presence"
          classList={{ 'doc-presence--stale': stale() }}
          role="status"
          aria-live="polite"
        >
          <Show when={others().length > 0}>
            <p>Also open now: {listText(others().map((p) => p.name))}.</p>
          </Show>
          <Show when={stale()}>
            <p>
              <strong>
                Revision {headNumber()} was saved since you started editing revision {base().number}.
              </strong>{' '}
              Your save will be merged with it; if you changed the same lines you will be asked to choose.
            </p>
          </Show>
        </div>
      </Show>

      <ActionStatus message={actions.message()} error={actions.error()} />

      <Show when={!editing()}>
        <div class="doc-toolbar">
          <Show when={d().can.edit}>
            <Button ref={editButton} onClick={startEditing}>
              Edit
            </Button>
          </Show>
          <Show when={d().status === 'published'}>
            <A class="button button--secondary" href={`/documents/${d().id}/print`}>
              Print view
            </A>
          </Show>
        </div>
        <article class="doc-body" aria-label="Document text">
          <ServerHtml html={d().bodyHtml} class="doc-html" />
        </article>
      </Show>

      <Show when={editing()}>
        <Show
          when={conflict()}
          fallback={
            <form
              class="doc-editor"
              onSubmit={(e) => {
                e.preventDefault()
                void save(body())
              }}
            >
              <TextField id="doc-title" label="Title" value={title()} onValue={setTitle} />
              <div
                class="doc-editor__columns"
                classList={{ 'doc-editor__columns--preview': previewHtml() !== null }}
              >
                <div class="field">
                  <label class="label" for="doc-body">
                    Text
                  </label>
                  <p class="hint" id="doc-body-hint">
                    Markdown. Refer to other items with [[topic:id]], [[doc:id]] or [[session:id]], or paste
                    their address.
                  </p>
                  <textarea
                    id="doc-body"
                    class="textarea"
                    ref={textarea}
                    rows={24}
                    value={body()}
                    onInput={(e) => setBody(e.currentTarget.value)}
                    aria-describedby="doc-body-hint"
                  />
                </div>
                <Show when={previewHtml() !== null}>
                  <section aria-labelledby="preview-heading">
                    <h2 id="preview-heading" class="heading-m">
                      Preview
                    </h2>
                    <div class="doc-preview">
                      <ServerHtml html={previewHtml()!} />
                    </div>
                  </section>
                </Show>
              </div>
              <div class="button-group">
                <Button type="submit" busy={actions.busy() === 'save'}>
                  Save
                </Button>
                <Button variant="secondary" onClick={() => void preview()}>
                  {previewHtml() === null ? 'Preview' : 'Update preview'}
                </Button>
                <Button variant="secondary" onClick={stopEditing}>
                  Cancel
                </Button>
              </div>
            </form>
          }
        >
          {(c) => (
            <ConflictPanel
              conflict={c()}
              busy={actions.busy() === 'save'}
              onResolve={resolve}
              onCancel={stopEditing}
            />
          )}
        </Show>
      </Show>

      <Show when={d().publication}>
        {(p) => (
          <PublicationNotice notice={p()} headingId="notice-heading" heading="About this publication" />
        )}
      </Show>

      <Show when={participant()}>
        <PublicationPanel itemType="document" itemId={d().id} onChange={props.refetch} />
      </Show>

      <section class="section" aria-labelledby="links-heading">
        <h2 id="links-heading" class="heading-l">
          Links
        </h2>
        <ActionStatus message={linkActions.message()} error={linkActions.error()} compact />
        <LinkList
          id="doc-links"
          links={d().links}
          empty="This document links to nothing yet."
          onRemove={
            d().can.edit
              ? (link) =>
                  void linkActions.run(`unlink-${link.id}`, async () => {
                    await api.documents.unlink.mutate({ id: d().id, linkId: link.id })
                    await props.refetch()
                    return 'Link removed.'
                  })
              : undefined
          }
        />
        <Show when={d().can.edit}>
          <LinkForm id={d().id} onLinked={props.refetch} />
        </Show>
        <h3 class="heading-m">Backlinks</h3>
        <LinkList
          id="doc-backlinks"
          links={d().backlinks}
          backlinks
          empty="Nothing links to this document yet."
        />
      </section>

      <Show when={d().can.invite}>
        <CoAuthorPanel id={d().id} exclude={[d().owner.slug, ...d().coAuthors.map((g) => g.slug)]} />
      </Show>

      <Show when={participant()}>
        <History
          id={d().id}
          headNumber={d().head.number}
          canRestore={d().can.edit}
          onRestored={props.refetch}
        />
      </Show>

      <Discussion itemType="document" itemId={d().id} canComment={d().can.comment} />
    </>
  )
}
