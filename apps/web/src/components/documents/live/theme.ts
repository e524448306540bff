/**
 * The editor's look, inside its shadow root (see LiveEditor): page style sheets do not reach it,
 * so everything CodeMirror shows is styled here, including others' cursors and their colours.
 */
import { EditorView } from '@codemirror/view'

/** Eight colours, each dark enough for white text (WCAG AA); the same in live-editor.css. */
export const COLOURS: [string, string][] = [
  ['#1d5e99', '#d2e2f1'],
  ['#a8321d', '#f6d8d2'],
  ['#00703c', '#cce8db'],
  ['#6f3c97', '#e6d9f0'],
  ['#8a5300', '#f3e2c7'],
  ['#00594f', '#d0ebe7'],
  ['#b0135f', '#f6d1e3'],
  ['#3d4a55', '#dde2e6'],
]

const colourRules = Object.fromEntries(
  COLOURS.flatMap(([colour, light], i) => [
    [`.live-colour-${i}.live-selection`, { backgroundColor: light }],
    [`.live-colour-${i}.live-caret`, { borderLeftColor: colour }],
    [`.live-colour-${i} .live-caret__name`, { backgroundColor: colour }],
  ]),
)

export const editorTheme = EditorView.theme({
  '&': {
    minHeight: '24rem',
    fontSize: '0.95rem',
    color: '#0b0c0c',
    backgroundColor: '#ffffff',
  },
  '&.cm-focused': { outline: '3px solid #ffdd00' },
  '.cm-scroller': {
    fontFamily: 'ui-monospace, "SFMono-Regular", Menlo, Consolas, "Liberation Mono", monospace',
    lineHeight: '1.5',
    minHeight: '24rem',
  },
  '.cm-content': { padding: '0.75rem 0.5rem' },
  '.cm-placeholder': { color: '#484f53' },
  '.live-caret': {
    position: 'relative',
    borderLeft: '2px solid',
    marginLeft: '-1px',
    marginRight: '-1px',
  },
  '.live-caret__name': {
    position: 'absolute',
    top: '-1.3em',
    left: '-2px',
    padding: '0 0.3rem',
    fontFamily: 'system-ui, sans-serif',
    fontSize: '0.75rem',
    lineHeight: '1.3',
    whiteSpace: 'nowrap',
    color: '#ffffff',
    pointerEvents: 'none',
    zIndex: '1',
  },
  ...colourRules,
})
