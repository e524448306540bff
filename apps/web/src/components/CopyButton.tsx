import { createSignal } from 'solid-js'

/**
 * Copies a text to the clipboard and says so in a live region. Where the clipboard is not
 * available (an insecure origin, a refused permission), it selects the text to copy by hand.
 */
export function CopyButton(props: { text: string; label: string; selectId?: string }) {
  const [said, setSaid] = createSignal('')
  async function copy() {
    try {
      await navigator.clipboard.writeText(props.text)
      setSaid('Copied.')
    } catch {
      const target = props.selectId ? document.getElementById(props.selectId) : null
      if (target) window.getSelection()?.selectAllChildren(target)
      setSaid('Could not copy: the text is selected, press Ctrl+C (or ⌘C) to copy it.')
    }
  }
  return (
    <p class="copy-button">
      <button type="button" class="button button--secondary button--small" onClick={() => void copy()}>
        {props.label}
      </button>{' '}
      <span role="status" aria-live="polite" class="hint-inline">
        {said()}
      </span>
    </p>
  )
}
