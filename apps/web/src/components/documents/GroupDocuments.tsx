import '../../styles/documents.css'
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { createPagedRead } from '../../lib/data'
import { type DocumentSummary, KIND_NAMES } from '../../lib/documents'
import { errorInfo } from '../../lib/errors'
import { formatDate } from '../../lib/format'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'
import { ShowMore } from '../ShowMore'
import { Loading } from '../Status'

export function DocumentItems(props: { items: DocumentSummary[]; id: string }) {
  return (
    <ul class="doc-list" id={props.id}>
      <For each={props.items}>
        {(doc) => (
          <li>
            <A href={`/documents/${doc.id}`}>{doc.title}</A>{' '}
            <span class="badge badge--grey">{KIND_NAMES[doc.kind]}</span>{' '}
            <span
              class="badge"
              classList={{
                'badge--green': doc.status === 'published',
                'badge--grey': doc.status !== 'published',
              }}
            >
              {doc.status === 'published' ? 'Published' : 'Draft'}
            </span>
            <span class="hint">
              {' '}
              {doc.owner.title} · revision {doc.headNumber} · {formatDate(doc.updatedAt)}
            </span>
          </li>
        )}
      </For>
    </ul>
  )
}

/** The group page's "Documents": owned or co-authored, as far as the reader may see them. */
export function GroupDocuments(props: { slug: string; title: string }) {
  const signIn = useSignIn()
  const docs = createPagedRead(
    'documents.listForGroup',
    () => signIn.ready() && props.slug,
    (slug, cursor) => api.documents.listForGroup.query({ slug, cursor }),
  )
  const mayWrite = () => signIn.can(props.slug)?.createItems
  return (
    <section class="section" aria-labelledby="documents-heading">
      <h2 id="documents-heading" class="heading-l">
        Documents
      </h2>
      <Show when={mayWrite()}>
        <div class="button-group">
          <A href={`/groups/${props.slug}/documents/new`} class="button button--secondary">
            Write a document
          </A>
        </div>
      </Show>
      <Show when={!docs.loading()} fallback={<Loading label="Loading documents…" />}>
        <Show when={docs.error()}>
          <div class="alert alert--error" role="alert">
            {errorInfo(docs.error()).message}
          </div>
        </Show>
        <Show
          when={docs.items().length > 0}
          fallback={<p>{props.title} has no documents you can see yet.</p>}
        >
          <DocumentItems items={docs.items()} id="group-documents" />
          <ShowMore list={docs} label="Show more documents" listId="group-documents" focusSelector="li a" />
        </Show>
      </Show>
    </section>
  )
}
