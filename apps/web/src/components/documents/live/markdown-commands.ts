/**
 * The Markdown toolbar's commands, for people who do not write Markdown: each wraps or prefixes
 * the selection (or inserts a template) in one transaction, and has a keyboard shortcut.
 */
import { EditorSelection, type EditorState } from '@codemirror/state'
import type { Command, KeyBinding } from '@codemirror/view'

/** Wraps each selection in `mark` (removing it if already wrapped); an empty one gets a placeholder. */
function wrap(mark: string, placeholder: string): Command {
  return (view) => {
    if (view.state.readOnly) return false
    view.dispatch(
      view.state.changeByRange((range) => {
        const text = view.state.sliceDoc(range.from, range.to)
        const before = view.state.sliceDoc(range.from - mark.length, range.from)
        const after = view.state.sliceDoc(range.to, range.to + mark.length)
        if (before === mark && after === mark && !range.empty)
          return {
            changes: [
              { from: range.from - mark.length, to: range.from },
              { from: range.to, to: range.to + mark.length },
            ],
            range: EditorSelection.range(range.from - mark.length, range.to - mark.length),
          }
        const inner = text || placeholder
        return {
          changes: { from: range.from, to: range.to, insert: `${mark}${inner}${mark}` },
          range: EditorSelection.range(range.from + mark.length, range.from + mark.length + inner.length),
        }
      }),
    )
    view.focus()
    return true
  }
}

/** Adds `prefix` to the start of every selected line (or takes it away if all have it). */
function prefixLines(prefix: string): Command {
  return (view) => {
    if (view.state.readOnly) return false
    const lines = selectedLines(view.state)
    const all = lines.every((l) => l.text.startsWith(prefix))
    view.dispatch({
      changes: lines.map((l) =>
        all ? { from: l.from, to: l.from + prefix.length } : { from: l.from, insert: prefix },
      ),
    })
    view.focus()
    return true
  }
}

function selectedLines(state: EditorState) {
  const seen = new Map<number, { from: number; text: string }>()
  for (const range of state.selection.ranges) {
    for (let n = state.doc.lineAt(range.from).number; n <= state.doc.lineAt(range.to).number; n++) {
      const line = state.doc.line(n)
      seen.set(line.from, { from: line.from, text: line.text })
    }
  }
  return [...seen.values()]
}

export const bold = wrap('**', 'bold text')
export const italic = wrap('_', 'italic text')
export const heading = prefixLines('## ')
export const bulletList = prefixLines('- ')

export const link: Command = (view) => {
  if (view.state.readOnly) return false
  view.dispatch(
    view.state.changeByRange((range) => {
      const text = view.state.sliceDoc(range.from, range.to) || 'link text'
      const insert = `[${text}](https://)`
      const urlAt = range.from + text.length + 3
      return {
        changes: { from: range.from, to: range.to, insert },
        range: EditorSelection.range(urlAt, urlAt + 8),
      }
    }),
  )
  view.focus()
  return true
}

const TABLE = '| Heading | Heading |\n| ------- | ------- |\n| Cell    | Cell    |\n'

export const table: Command = (view) => {
  if (view.state.readOnly) return false
  const at = view.state.selection.main.head
  const line = view.state.doc.lineAt(at)
  // A table needs a line of its own, with a blank line before it.
  const lead = line.length === 0 ? '' : line.to === at ? '\n\n' : '\n\n'
  const from = line.length === 0 ? at : line.to
  view.dispatch({
    changes: { from, insert: `${lead}${TABLE}` },
    selection: EditorSelection.range(from + lead.length + 2, from + lead.length + 9),
  })
  view.focus()
  return true
}

export const TOOLBAR: { label: string; shortcut: string; run: Command }[] = [
  { label: 'Bold', shortcut: 'Ctrl+B', run: bold },
  { label: 'Italic', shortcut: 'Ctrl+I', run: italic },
  { label: 'Heading', shortcut: 'Ctrl+Alt+H', run: heading },
  { label: 'List', shortcut: 'Ctrl+Shift+8', run: bulletList },
  { label: 'Link', shortcut: 'Ctrl+K', run: link },
  { label: 'Table', shortcut: 'Ctrl+Alt+T', run: table },
]

export const markdownKeymap: KeyBinding[] = [
  { key: 'Mod-b', run: bold },
  { key: 'Mod-i', run: italic },
  { key: 'Mod-Alt-h', run: heading },
  { key: 'Mod-Shift-8', run: bulletList },
  { key: 'Mod-k', run: link },
  { key: 'Mod-Alt-t', run: table },
]
