/**
 * Other people's cursors and selections, with their names, from Yjs awareness. y-codemirror.next
 * has its own, but it colours them with inline `style` attributes, which the hub's Content-
 * Security-Policy (`style-src 'self'`) refuses; these use a palette of classes instead. Also
 * publishes the local cursor, as relative positions that survive others' edits.
 */
import { type Range, RangeSet } from '@codemirror/state'
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
  WidgetType,
} from '@codemirror/view'
import type { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'

export const PALETTE_SIZE = 8

/** A person's colour: the same on every screen, from their id. */
export function colourIndex(id: string): number {
  let hash = 0
  for (let i = 0; i < id.length; i++) hash = (hash * 31 + id.charCodeAt(i)) >>> 0
  return hash % PALETTE_SIZE
}

class CaretWidget extends WidgetType {
  constructor(
    readonly colour: number,
    readonly name: string,
  ) {
    super()
  }
  override eq(other: CaretWidget) {
    return other.colour === this.colour && other.name === this.name
  }
  toDOM() {
    const caret = document.createElement('span')
    caret.className = `live-caret live-colour-${this.colour}`
    caret.setAttribute('aria-hidden', 'true')
    const label = document.createElement('span')
    label.className = 'live-caret__name'
    label.textContent = this.name
    caret.append('\u2060', label, '\u2060')
    return caret
  }
  override ignoreEvent() {
    return true
  }
}

export function remoteCursors(ytext: Y.Text, awareness: Awareness) {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet = RangeSet.of([])
      private readonly listener: () => void
      constructor(private readonly view: EditorView) {
        this.listener = () => queueMicrotask(() => this.view.dispatch({}))
        awareness.on('change', this.listener)
      }
      destroy() {
        awareness.off('change', this.listener)
      }
      update(update: ViewUpdate) {
        const doc = ytext.doc!
        const local = awareness.getLocalState()
        if (local && update.view.hasFocus) {
          const sel = update.state.selection.main
          const anchor = Y.createRelativePositionFromTypeIndex(ytext, sel.anchor)
          const head = Y.createRelativePositionFromTypeIndex(ytext, sel.head)
          const current = local.cursor as { anchor: unknown; head: unknown } | null | undefined
          if (
            !current ||
            !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.anchor), anchor) ||
            !Y.compareRelativePositions(Y.createRelativePositionFromJSON(current.head), head)
          )
            awareness.setLocalStateField('cursor', { anchor, head })
        }
        const decorations: Range<Decoration>[] = []
        const length = update.state.doc.length
        awareness.getStates().forEach((state, clientId) => {
          if (clientId === doc.clientID || !state.cursor?.anchor || !state.cursor?.head) return
          const anchor = Y.createAbsolutePositionFromRelativePosition(
            Y.createRelativePositionFromJSON(state.cursor.anchor),
            doc,
          )
          const head = Y.createAbsolutePositionFromRelativePosition(
            Y.createRelativePositionFromJSON(state.cursor.head),
            doc,
          )
          if (!anchor || !head || anchor.type !== ytext || head.type !== ytext) return
          const user = (state.user ?? {}) as { id?: string; name?: string }
          const colour = colourIndex(user.id ?? String(clientId))
          const from = Math.min(anchor.index, head.index, length)
          const to = Math.min(Math.max(anchor.index, head.index), length)
          if (to > from)
            decorations.push(
              Decoration.mark({ class: `live-selection live-colour-${colour}` }).range(from, to),
            )
          decorations.push(
            Decoration.widget({ widget: new CaretWidget(colour, user.name ?? 'Someone'), side: 1 }).range(
              Math.min(head.index, length),
            ),
          )
        })
        this.decorations = Decoration.set(decorations, true)
      }
    },
    { decorations: (v) => v.decorations },
  )
}
