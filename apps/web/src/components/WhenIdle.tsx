import { createSignal, type JSX, onCleanup, onMount, Show } from 'solid-js'

/**
 * Mounts its children once the browser is idle after the page's first render (at most `timeout` ms
 * later), so that the parts of a long page below what the reader sees first are built, and ask for
 * their data, in a task of their own rather than in the one that shows the page. They appear as new
 * content further down: nothing already shown moves.
 */
export function WhenIdle(props: { children: JSX.Element; timeout?: number }) {
  const [idle, setIdle] = createSignal(false)
  onMount(() => {
    const timeout = props.timeout ?? 500
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(() => setIdle(true), { timeout })
      onCleanup(() => cancelIdleCallback(id))
    } else {
      const id = setTimeout(() => setIdle(true), 0)
      onCleanup(() => clearTimeout(id))
    }
  })
  return <Show when={idle()}>{props.children}</Show>
}
