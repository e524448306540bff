import '../styles/documents.css'
import { A } from '@solidjs/router'
import { createSignal, For, type JSX, lazy, Show, Suspense } from 'solid-js'
import { Discussion } from '../components/comments/Discussion'
import { CoAuthorPanel } from '../components/documents/CoAuthorPanel'
import { History } from '../components/documents/History'
import { LinkForm } from '../components/documents/LinkForm'
import { LinkList } from '../components/documents/LinkList'
import { PublicationNotice } from '../components/documents/PublicationNotice'
import { PublishedBanner } from '../components/documents/PublishedBanner'
import { Button, TextField } from '../components/Form'
import { DocumentFiles } from '../components/files/DocumentFiles'
import { Heading } from '../components/Heading'
import { ItemPage } from '../components/ItemPage'
import { ServerHtml } from '../components/Markdown'
import { PublicationPanel } from '../components/publication/PublicationPanel'
import { ActionStatus, Loading } from '../components/Status'
import { WhenIdle } from '../components/WhenIdle'
import { useActions } from '../lib/data'
import { type DocumentView, KIND_NAMES } from '../lib/documents'
import { formatDateTime } from '../lib/format'
import { READS } from '../lib/preload'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

/** CodeMirror, Yjs and the connection load only when someone opens the editor. */
const LiveEditor = lazy(() => import('../components/documents/live/LiveEditor'))

export default function DocumentPage() {
  return (
    <ItemPage kind="document" read={READS.document.name} fetch={READS.document.fetch}>
      {(doc, refetch) => <DocumentScreen doc={doc()} refetch={refetch} />}
    </ItemPage>
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
  const signIn = useSignIn()
  const [editing, setEditing] = createSignal(false)
  const [title, setTitle] = createSignal('')
  const [historyKey, setHistoryKey] = createSignal(0)
  const actions = useActions()
  const linkActions = useActions()
  let editButton: HTMLButtonElement | undefined

  // The writing groups' people take part in live editing: editors write, the others follow.
  const participant = () => d().can.edit || d().can.comment

  function startEditing() {
    actions.clear()
    setTitle(d().title)
    setEditing(true)
  }

  async function stopEditing() {
    setEditing(false)
    await props.refetch()
    queueMicrotask(() => editButton?.focus())
  }

  /** A new title, saved as a revision of the head's text (the live room merges it without repeating edits). */
  async function rename(event: Event) {
    event.preventDefault()
    await actions.run('rename', async () => {
      const head = await api.documents.get.query({ id: d().id })
      const r = await api.documents.save.mutate({
        id: d().id,
        baseRevisionId: head.head.id,
        body: head.body,
        title: title(),
      })
      await props.refetch()
      return r.status === 'unchanged' ? 'The title was already that.' : 'Title changed.'
    })
  }

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

      <ActionStatus message={actions.message()} error={actions.error()} />

      <Show when={!editing()}>
        <div class="doc-toolbar">
          <Show when={participant() && signIn.me()}>
            <Button ref={editButton} onClick={startEditing}>
              {d().can.edit ? 'Edit' : 'Follow live editing'}
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

      <Show when={editing() && signIn.me()}>
        {(me) => (
          <>
            <Show when={d().can.edit}>
              <form class="doc-rename" onSubmit={rename}>
                <TextField id="doc-title" label="Title" value={title()} onValue={setTitle} />
                <Button type="submit" variant="secondary" busy={actions.busy() === 'rename'}>
                  Change the title
                </Button>
              </form>
            </Show>
            <Suspense fallback={<Loading label="Loading the editor…" />}>
              <LiveEditor
                documentId={d().id}
                baseRevisionId={d().head.id}
                readOnly={!d().can.edit}
                me={{ id: me().id, name: me().displayName }}
                onClose={() => void stopEditing()}
                onSaved={() => setHistoryKey((k) => k + 1)}
              />
            </Suspense>
          </>
        )}
      </Show>

      <Show when={d().publication}>
        {(p) => (
          <PublicationNotice notice={p()} headingId="notice-heading" heading="About this publication" />
        )}
      </Show>

      {/* What follows the text is built once the text is on screen (a task of its own). */}
      <WhenIdle>
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
          <Show when={historyKey() + 1} keyed>
            <History
              id={d().id}
              headNumber={d().head.number}
              canRestore={d().can.edit}
              onRestored={props.refetch}
            />
          </Show>
        </Show>

        <DocumentFiles documentId={d().id} />
        <Discussion itemType="document" itemId={d().id} canComment={d().can.comment} />
      </WhenIdle>
    </>
  )
}
