import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'

/** A group's topic tags, each a link into the Register filtered by it. */
export function TagList(props: { tags: string[]; label?: string }) {
  return (
    <Show when={props.tags.length > 0}>
      <ul class="tag-list" aria-label={props.label ?? 'Tags'}>
        <For each={props.tags}>
          {(tag) => (
            <li>
              <A class="tag" href={`/register?tag=${encodeURIComponent(tag)}`}>
                {tag}
              </A>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}

export function StatusBadge(props: { status: string }) {
  return (
    <Show when={props.status !== 'registered'}>
      <strong class="badge badge--grey">No longer registered</strong>
    </Show>
  )
}
