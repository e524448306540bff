import { createEffect, onCleanup } from 'solid-js'

const SITE = 'APPG Hub'

/** Sets the document title for the page: "Page – APPG Hub". */
export function useTitle(title: () => string | null | undefined) {
  createEffect(() => {
    const t = title()
    document.title = t ? `${t} – ${SITE}` : SITE
  })
}

/** The path whose heading last received focus; the first page load keeps focus where the browser put it. */
let focusedPath = typeof window === 'undefined' ? '' : window.location.pathname

/**
 * Moves focus to a page's heading once per navigation, so screen readers start from the new page.
 * `path` is the router's location: while the new page renders, `window.location` may still show
 * the old one.
 */
export function focusOnNavigation(el: HTMLElement, path: string = window.location.pathname) {
  if (path === focusedPath) return
  focusedPath = path
  queueMicrotask(() => el.focus({ preventScroll: true }))
}

/** Calls `fn` after `ms` of quiet; cancelled when the owner is disposed. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | undefined
  onCleanup(() => clearTimeout(timer))
  const call = (...args: A) => {
    clearTimeout(timer)
    timer = setTimeout(() => fn(...args), ms)
  }
  call.flush = () => clearTimeout(timer)
  return call
}
