import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { KIND_NAMES, LINK_TYPE_NAMES } from '../../lib/documents'
import type { api } from '../../lib/trpc'

type Session = Awaited<ReturnType<typeof api.sessions.get.query>>

/** The documents linked to a session (minutes, briefings, agendas), once each; restricted ones untitled. */
export function SessionDocuments(props: { session: Session }) {
  return (
    <section class="section" aria-labelledby="session-documents-heading">
      <h2 id="session-documents-heading" class="heading-l">
        Documents
      </h2>
      <Show
        when={props.session.documents.length > 0}
        fallback={<p>No document is linked to this session yet.</p>}
      >
        <ul class="link-items">
          <For each={props.session.documents}>
            {(d) => (
              <li class="link-items__item">
                <span class="badge badge--grey">
                  {d.kind ? (KIND_NAMES[d.kind as keyof typeof KIND_NAMES] ?? 'Document') : 'Document'}
                </span>{' '}
                <Show
                  when={!d.restricted && d.documentId}
                  fallback={<span class="hint-inline">A document you cannot open</span>}
                >
                  <A href={`/documents/${d.documentId}`}>{d.title}</A>
                </Show>
                <span class="block hint-inline link-items__meta">
                  {d.linkType === 'minutes_of'
                    ? 'Minutes of this session'
                    : d.linkType === 'briefing_for'
                      ? 'Briefing for this session'
                      : (LINK_TYPE_NAMES[d.linkType] ?? 'Linked')}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  )
}
