/** Buttons that call the API: one at a time, with the outcome as a message or an error. */
import { createSignal } from 'solid-js'
import { errorInfo } from './errors'

export interface Actions {
  /** The key of the action under way, if any. */
  busy: () => string | null
  message: () => string | null
  error: () => string | null
  /**
   * Runs `action` unless another is under way; its result (a sentence) becomes the message.
   * Resolves to true when it succeeded.
   */
  run(key: string, action: () => Promise<string | null>): Promise<boolean>
  clear(): void
}

export function createActions(): Actions {
  const [busy, setBusy] = createSignal<string | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)
  return {
    busy,
    message,
    error,
    async run(key, action) {
      if (busy()) return false
      setBusy(key)
      setMessage(null)
      setError(null)
      try {
        setMessage(await action())
        return true
      } catch (caught) {
        setError(errorInfo(caught).message)
        return false
      } finally {
        setBusy(null)
      }
    },
    clear() {
      setMessage(null)
      setError(null)
    },
  }
}
