import '../../styles/publication.css'
import { Show } from 'solid-js'
import type { DocumentView } from '../../lib/documents'
import { formatDateTime } from '../../lib/format'
import { DiffView } from './DiffView'

/**
 * For the groups writing a published document: it says plainly which revision the public reads,
 * that saved edits are not public until every group approves them, and what changed since.
 */
export function PublishedBanner(props: { doc: DocumentView; editing: boolean }) {
  const d = () => props.doc
  return (
    <Show when={d().published && (d().can.edit || d().changesSincePublication)}>
      <div class="doc-published" role="note" aria-label="Published revision">
        <p>
          <strong>This document is published.</strong> The public reads revision {d().published!.number} (
          {formatDateTime(d().published!.createdAt)}).{' '}
          {props.editing
            ? 'What you save now is a working draft for the groups: it is not public until every group approves it.'
            : 'Edits saved since then are a working draft for the groups, not public until every group approves them.'}
        </p>
        <Show when={d().changesSincePublication}>
          {(c) => (
            <details class="doc-published__changes">
              <summary>
                Changes since publication (revision {c().fromNumber} to {c().toNumber})
              </summary>
              <DiffView
                diff={{
                  ...c(),
                  from: { number: c().fromNumber, author: '', createdAt: d().published!.createdAt },
                  to: { number: c().toNumber, author: d().head.author.name, createdAt: d().head.createdAt },
                }}
              />
            </details>
          )}
        </Show>
      </div>
    </Show>
  )
}
