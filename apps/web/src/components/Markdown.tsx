import { createEffect, createSignal, type JSX, onMount, Show } from 'solid-js'
import { describedBy, FieldError } from './Form'
import { Loading } from './Status'
import { Tabs } from './Tabs'

/**
 * The server's own Markdown renderer (packages/core/src/markdown.ts, markdown-it with its safe-link and
 * mention rules), loaded the first time a preview is shown: what you preview is what is published.
 */
const loadRenderer = () => import('@appg-hub/core/markdown')

/** Markdown shown exactly as it will be published, rendered in the browser by the server's renderer. */
export function MarkdownPreview(props: { source: string; empty?: string }) {
  // A signal rather than a resource: loading the renderer must not suspend the page around the field.
  const [renderer, setRenderer] = createSignal<Awaited<ReturnType<typeof loadRenderer>>>()
  onMount(() => void loadRenderer().then(setRenderer))
  const html = () => {
    const r = renderer()
    return r && props.source.trim() ? r.renderMarkdown(props.source).html : ''
  }
  return (
    <div class="prose prose--preview">
      <Show
        when={props.source.trim()}
        fallback={<p class="hint">{props.empty ?? 'Nothing to preview yet.'}</p>}
      >
        <Show when={renderer()} fallback={<Loading label="Preparing the preview…" />}>
          <div innerHTML={html()} />
        </Show>
      </Show>
    </div>
  )
}

/**
 * Puts each table of rendered HTML in a named region that scrolls sideways and takes focus (as
 * ScrollRegion does), and makes each code block such a region, so that wide content neither widens
 * the page on a phone nor is out of reach of the keyboard.
 */
function wrapTables(root: HTMLElement): void {
  // Named by their content, so that two regions on a page (a body, a comment) are told apart.
  const named = (kind: string, words: string) => {
    const text = words.replace(/\s+/g, ' ').trim()
    return text ? `${kind}: ${text.length > 60 ? `${text.slice(0, 59)}…` : text}` : kind
  }
  // A code block scrolls by itself (white-space: pre): it becomes its own focusable region.
  for (const pre of root.querySelectorAll('pre')) {
    pre.setAttribute('role', 'region')
    pre.setAttribute('aria-label', named('Code', pre.textContent?.split('\n')[0] ?? ''))
    pre.tabIndex = 0
  }
  for (const table of root.querySelectorAll('table')) {
    if (table.parentElement?.classList.contains('table-wrap')) continue
    const headers = [...table.querySelectorAll('tr:first-child > th')].map((th) => th.textContent ?? '')
    const region = document.createElement('div')
    region.className = 'table-wrap'
    region.setAttribute('role', 'region')
    region.setAttribute('aria-label', named('Table', headers.join(', ')))
    region.tabIndex = 0
    table.replaceWith(region)
    region.append(table)
  }
}

/** HTML the server rendered and sanitised (summaryHtml, bodyHtml). */
export function ServerHtml(props: { html: string; class?: string }) {
  let root: HTMLDivElement | undefined
  createEffect(() => {
    void props.html
    if (root) wrapTables(root)
  })
  return <div ref={root} class={`prose ${props.class ?? ''}`} innerHTML={props.html} />
}

/** A Markdown textarea with Write and Preview tabs under one label. */
export function MarkdownField(props: {
  id: string
  label: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  value: string
  onValue: (value: string) => void
  rows?: number
}) {
  const [tab, setTab] = createSignal('write')
  // A mistake in the text is fixed in the Write tab: go back there when one is reported.
  createEffect(() => {
    if (props.error) setTab('write')
  })
  return (
    <div class="field markdown-field" classList={{ 'field--error': Boolean(props.error) }}>
      <label for={props.id} class="label">
        {props.label}
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={props.id} error={props.error} />
      <Tabs
        id={props.id}
        label="Write or preview"
        class="tabs--compact"
        selected={tab()}
        onSelect={setTab}
        tabs={[
          {
            id: 'write',
            label: 'Write',
            focusable: false,
            panel: () => (
              <textarea
                id={props.id}
                name={props.id}
                class="textarea"
                rows={props.rows ?? 8}
                value={props.value}
                onInput={(e) => props.onValue(e.currentTarget.value)}
                aria-describedby={describedBy(props.id, props.hint, props.error)}
                aria-invalid={props.error ? 'true' : undefined}
              />
            ),
          },
          {
            id: 'preview',
            label: 'Preview',
            panel: () => <MarkdownPreview source={props.value} />,
          },
        ]}
      />
    </div>
  )
}
