import '../../styles/documents.css'
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'
import { Loading } from '../Status'
import { DocumentItems } from './GroupDocuments'

/** The topic page's documents: those linked to the topic that the reader may see. */
export function TopicDocuments(props: { topicId: string; groups: { slug: string; title: string }[] }) {
  const signIn = useSignIn()
  const docs = createRead(
    'documents.listForTopic',
    () => signIn.ready() && props.topicId,
    (topicId) => api.documents.listForTopic.query({ topicId }),
  )
  const writable = () => props.groups.filter((g) => signIn.can(g.slug)?.createItems)
  return (
    <section class="section" aria-labelledby="topic-documents-heading">
      <h2 id="topic-documents-heading" class="heading-l">
        Documents
      </h2>
      <Show when={writable().length > 0}>
        <div class="button-group">
          <For each={writable()}>
            {(g) => (
              <A
                href={`/groups/${g.slug}/documents/new?topic=${props.topicId}`}
                class="button button--secondary"
              >
                {writable().length > 1
                  ? `Write a briefing for ${g.title}`
                  : 'Write a briefing for this topic'}
              </A>
            )}
          </For>
        </div>
      </Show>
      <Show when={!docs.loading()} fallback={<Loading label="Loading documents…" />}>
        <Show when={docs.error()}>
          <div class="alert alert--error" role="alert">
            {errorInfo(docs.error()).message}
          </div>
        </Show>
        <Show
          when={(docs.data() ?? []).length > 0}
          fallback={<p>No documents you can see are linked to this topic.</p>}
        >
          <DocumentItems items={docs.data() ?? []} id="topic-documents" />
        </Show>
      </Show>
    </section>
  )
}
