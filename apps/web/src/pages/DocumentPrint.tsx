import '../styles/documents.css'
import { A } from '@solidjs/router'
import { Show } from 'solid-js'
import { PublicationNotice } from '../components/documents/PublicationNotice'
import { Button } from '../components/Form'
import { ItemPage } from '../components/ItemPage'
import { ServerHtml } from '../components/Markdown'
import type { DocumentView } from '../lib/documents'
import { KIND_NAMES } from '../lib/documents'
import { formatDate, listText } from '../lib/format'
import { READS } from '../lib/preload'

/** The print view of a published document, with the notice the rules require. */
export default function DocumentPrint() {
  return (
    <ItemPage kind="document" read={READS.document.name} fetch={READS.document.fetch}>
      {(doc) => <PrintView doc={doc()} />}
    </ItemPage>
  )
}

function PrintView(props: { doc: DocumentView }) {
  const d = () => props.doc
  return (
    <article class="doc-print">
      <p class="caption">
        {KIND_NAMES[d().kind]} · {listText([d().owner.title, ...d().coAuthors.map((g) => g.title)])}
      </p>
      <h1 tabIndex={-1}>{d().title}</h1>
      <Show
        when={d().publication}
        fallback={<p class="alert alert--error">This document is a draft: it has not been published.</p>}
      >
        <p class="hint">
          Published version, revision {d().published?.number ?? d().head.number},{' '}
          {formatDate(d().published?.createdAt ?? d().head.createdAt)}.
        </p>
      </Show>
      <div class="doc-toolbar no-print">
        <Button onClick={() => window.print()}>Print</Button>
        <A class="button button--secondary" href={`/documents/${d().id}`}>
          Back to the document
        </A>
      </div>
      <ServerHtml html={d().published?.bodyHtml ?? d().bodyHtml} class="doc-html" />
      <Show when={d().publication}>
        {(p) => <PublicationNotice notice={p()} headingId="print-notice-heading" heading="Notice" />}
      </Show>
    </article>
  )
}
