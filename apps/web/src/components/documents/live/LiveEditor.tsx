/**
 * The live editor: CodeMirror 6 bound to the document's Y.Text over y-websocket
 * (/collab/documents/<id>), with other people's cursors and names, who is here, the connection's
 * state, a Markdown toolbar and "Save version". Loaded with `import()` from the document page
 * only. Offline, editing goes on; y-websocket merges the changes when the connection returns.
 * "Save version" without the live connection (a network that blocks WebSockets, a long outage)
 * saves through the page instead: the three-way merge from the revision the editor opened on,
 * with the resolution screen when it overlaps with what others saved; the editor then closes,
 * since its text is in a revision the live document merges.
 */
import './live-editor.css'
import { defaultKeymap, indentWithTab } from '@codemirror/commands'
import { markdown } from '@codemirror/lang-markdown'
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language'
import { EditorState } from '@codemirror/state'
import { EditorView, keymap, placeholder } from '@codemirror/view'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { createSignal, For, onCleanup, onMount, Show } from 'solid-js'
import { yCollab, yUndoManagerKeymap } from 'y-codemirror.next'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { api } from '../../../lib/trpc'
import { Button } from '../../Form'
import { ConflictResolution, type SaveConflict } from '../ConflictResolution'
import { markdownKeymap, TOOLBAR } from './markdown-commands'
import { colourIndex, remoteCursors } from './remote-cursors'
import { editorTheme } from './theme'

/** The hub's own messages beside y-websocket's (see packages/core/src/collab/room.ts). */
const MESSAGE_SAVE_VERSION = 64
const MESSAGE_SAVE_VERSION_FAILED = 65

export interface PresentEditor {
  id: string
  name: string
  readOnly: boolean
}

type Status = 'connecting' | 'connected' | 'disconnected'

export default function LiveEditor(props: {
  documentId: string
  /** The head revision when the editor opened: the base of a save made without the connection. */
  baseRevisionId: string
  readOnly: boolean
  me: { id: string; name: string }
  onClose: () => void
  /** Called when a version was saved (the page reloads its history). */
  onSaved: (number: number) => void
}) {
  const [status, setStatus] = createSignal<Status>('connecting')
  const [synced, setSynced] = createSignal(false)
  const [present, setPresent] = createSignal<PresentEditor[]>([])
  const [note, setNote] = createSignal('')
  const [saveMessage, setSaveMessage] = createSignal<{ text: string; error: boolean } | null>(null)
  const [saving, setSaving] = createSignal(false)
  const [conflict, setConflict] = createSignal<SaveConflict | null>(null)
  const baseRevisionId = props.baseRevisionId
  /** Whether the text ever arrived: before that there is nothing of the document to save. */
  let loaded = false
  let host!: HTMLDivElement
  let view: EditorView | undefined

  const ydoc = new Y.Doc()
  const ytext = ydoc.getText('body')
  const url = `${location.origin.replace(/^http/, 'ws')}/collab/documents`
  const provider = new WebsocketProvider(url, props.documentId, ydoc, { disableBc: true })
  const awareness = provider.awareness
  awareness.setLocalStateField('user', { id: props.me.id, name: props.me.name })

  provider.on('status', (event: { status: Status }) => setStatus(event.status))
  provider.on('sync', (isSynced: boolean) => {
    setSynced(isSynced)
    if (isSynced) loaded = true
  })
  provider.on('connection-close', (event: CloseEvent | null) => {
    // Access ended: reconnecting would only be refused again.
    if (event?.code === 4403) {
      provider.shouldConnect = false
      setSaveMessage({ text: 'Your access to this document has ended.', error: true })
    }
    // Too many messages at once: the server closed the connection; the provider reconnects and syncs.
    if (event?.code === 4429)
      setSaveMessage({ text: 'Too many changes were sent at once; reconnecting.', error: true })
  })

  provider.messageHandlers[MESSAGE_SAVE_VERSION] = (_encoder, decoder) => {
    const number = decoding.readVarUint(decoder)
    setSaving(false)
    setNote('')
    setSaveMessage({ text: number ? `Saved as revision ${number}.` : 'Nothing had changed.', error: false })
    if (number) props.onSaved(number)
  }
  provider.messageHandlers[MESSAGE_SAVE_VERSION_FAILED] = (_encoder, decoder) => {
    setSaving(false)
    setSaveMessage({ text: decoding.readVarString(decoder), error: true })
  }

  const updatePresence = () => {
    const seen = new Map<string, PresentEditor>()
    for (const state of awareness.getStates().values()) {
      const user = state.user as { id?: string; name?: string; readOnly?: boolean } | undefined
      if (user?.id && user.name && !seen.has(user.id))
        seen.set(user.id, { id: user.id, name: user.name, readOnly: Boolean(user.readOnly) })
    }
    setPresent([...seen.values()])
  }
  awareness.on('change', updatePresence)

  function saveVersion(event: Event) {
    event.preventDefault()
    if (!provider.wsconnected || !provider.ws) {
      if (!loaded) {
        setSaveMessage({ text: 'The document has not loaded yet: try again once it has.', error: true })
        return
      }
      void saveThroughPage(baseRevisionId, ytext.toString())
      return
    }
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_SAVE_VERSION)
    encoding.writeVarString(encoder, note())
    setSaving(true)
    setSaveMessage(null)
    provider.ws.send(encoding.toUint8Array(encoder))
  }

  /**
   * Saves the text as a revision without the live connection. The connection stays down meanwhile
   * (and after a save): this text then reaches the live document as a revision, not a second time
   * as Yjs updates.
   */
  async function saveThroughPage(base: string, body: string) {
    provider.disconnect()
    setSaving(true)
    setSaveMessage(null)
    try {
      const result = await api.documents.save.mutate({ id: props.documentId, baseRevisionId: base, body })
      if (result.status === 'conflict') {
        setConflict(result)
        return
      }
      setConflict(null)
      if (result.status !== 'unchanged') props.onSaved(result.revision.number)
      props.onClose()
    } catch {
      setSaveMessage({
        text: 'The version could not be saved: check your connection and try again.',
        error: true,
      })
      if (!conflict()) provider.connect()
    } finally {
      setSaving(false)
    }
  }

  onMount(() => {
    const undoManager = new Y.UndoManager(ytext)
    // CodeMirror injects its styles; in a document they would be a <style> element, which the
    // hub's Content-Security-Policy refuses. In a shadow root they are a constructed style sheet.
    const shadow = host.attachShadow({ mode: 'open' })
    const mount = document.createElement('div')
    shadow.append(mount)
    view = new EditorView({
      root: shadow,
      parent: mount,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          keymap.of([...markdownKeymap, ...yUndoManagerKeymap, indentWithTab, ...defaultKeymap]),
          markdown(),
          syntaxHighlighting(defaultHighlightStyle),
          EditorView.lineWrapping,
          editorTheme,
          EditorState.readOnly.of(props.readOnly),
          EditorView.editable.of(!props.readOnly),
          placeholder('Loading the document…'),
          EditorView.contentAttributes.of({
            'aria-label': 'Document text (Markdown)',
            'aria-multiline': 'true',
          }),
          // Awareness is handled by remoteCursors (no inline styles, see there).
          yCollab(ytext, null, { undoManager }),
          remoteCursors(ytext, awareness),
        ],
      }),
    })
  })

  onCleanup(() => {
    awareness.off('change', updatePresence)
    view?.destroy()
    provider.destroy()
    ydoc.destroy()
  })

  const statusText = () =>
    status() === 'connected'
      ? synced()
        ? 'Connected: changes are shared and kept as you type.'
        : 'Connected, loading the latest text…'
      : status() === 'connecting'
        ? 'Connecting…'
        : 'Offline: keep typing, your changes will merge when the connection returns (or save the version now).'

  return (
    <section class="live-editor" aria-labelledby="live-editor-heading">
      <h2 id="live-editor-heading" class="heading-m">
        {props.readOnly ? 'Following live editing' : 'Editing live'}
      </h2>
      <p
        class="live-status"
        classList={{ 'live-status--offline': status() !== 'connected' }}
        role="status"
        aria-live="polite"
      >
        {statusText()}
      </p>
      <div class="live-presence">
        <span id="live-presence-label">Here now:</span>
        <ul aria-labelledby="live-presence-label">
          <For each={present()}>
            {(p) => (
              <li class={`live-person live-colour-${colourIndex(p.id)}`}>
                {p.id === props.me.id ? `${p.name} (you)` : p.name}
                {p.readOnly ? ' (reading)' : ''}
              </li>
            )}
          </For>
        </ul>
      </div>
      <Show when={!props.readOnly}>
        <div class="live-toolbar" role="toolbar" aria-label="Formatting" aria-controls="live-editor-text">
          <For each={TOOLBAR}>
            {(tool) => (
              <button
                type="button"
                class="live-toolbar__button"
                title={`${tool.label} (${tool.shortcut})`}
                aria-keyshortcuts={tool.shortcut.replace('Ctrl', 'Control')}
                onClick={() => view && tool.run(view)}
              >
                {tool.label}
              </button>
            )}
          </For>
        </div>
      </Show>
      <p class="hint" id="live-editor-hint">
        {props.readOnly
          ? 'You can follow the text as the editors write it; only the chair, officers and secretariats of the writing groups can change it.'
          : 'Markdown. Everyone here sees your changes as you type; a revision is saved when editing pauses and when the last person leaves.'}
      </p>
      <Show when={conflict()}>
        {(c) => (
          <ConflictResolution
            conflict={c()}
            busy={saving()}
            onResolve={(text) => void saveThroughPage(c().headRevisionId, text)}
            onCancel={() => {
              setConflict(null)
              provider.connect()
            }}
          />
        )}
      </Show>
      <div class="live-editor__text" id="live-editor-text" ref={host} hidden={Boolean(conflict())} />
      <Show when={saveMessage()}>
        {(m) => (
          <p class={m().error ? 'live-message live-message--error' : 'live-message'} role="status">
            {m().text}
          </p>
        )}
      </Show>
      <Show when={!conflict()}>
        <form class="live-save" onSubmit={saveVersion}>
          <Show when={!props.readOnly}>
            <label class="label" for="live-version-note">
              Note for this version (optional)
            </label>
            <div class="live-save__row">
              <input
                id="live-version-note"
                class="input"
                maxLength={500}
                value={note()}
                onInput={(e) => setNote(e.currentTarget.value)}
              />
              <Button type="submit" busy={saving()}>
                Save version
              </Button>
            </div>
          </Show>
          <Button variant="secondary" onClick={() => props.onClose()}>
            Close the editor
          </Button>
        </form>
      </Show>
    </section>
  )
}
