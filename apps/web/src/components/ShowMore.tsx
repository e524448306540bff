import { Show } from 'solid-js'
import type { PagedRead } from '../lib/data'

/**
 * "Show more" for a paged list. Afterwards focus moves to the first new entry (the element
 * matching `focusSelector` in the list with id `listId`), so reading continues where it left off.
 */
export function ShowMore(props: {
  list: PagedRead<unknown>
  label: string
  listId: string
  focusSelector: string
}) {
  async function more() {
    const container = document.getElementById(props.listId)
    const before = container?.querySelectorAll(props.focusSelector).length ?? 0
    const added = await props.list.showMore()
    if (added === 0) return
    queueMicrotask(() =>
      document
        .getElementById(props.listId)
        ?.querySelectorAll<HTMLElement>(props.focusSelector)
        [before]?.focus(),
    )
  }
  return (
    <Show when={props.list.hasMore()}>
      <p class="show-more">
        <button
          type="button"
          class="button button--secondary"
          aria-controls={props.listId}
          aria-disabled={props.list.loadingMore() ? 'true' : undefined}
          onClick={() => void more()}
        >
          {props.list.loadingMore() ? 'Loading…' : props.label}
        </button>
      </p>
    </Show>
  )
}
