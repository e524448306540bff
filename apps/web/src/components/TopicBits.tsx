import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDateTime, listText, plural } from '../lib/format'
import type { TopicSummary } from '../lib/trpc'

export const STATUS_NAMES: Record<string, string> = { open: 'Open', closed: 'Closed', archived: 'Archived' }

export const VISIBILITY_NAMES: Record<string, string> = {
  participants: 'Groups taking part',
  public: 'Public',
}

export function TopicStatusBadge(props: { status: string }) {
  return (
    <strong
      class="badge"
      classList={{
        'badge--green': props.status === 'open',
        'badge--grey': props.status !== 'open',
      }}
    >
      {STATUS_NAMES[props.status] ?? props.status}
    </strong>
  )
}

export function VisibilityBadge(props: { visibility: string }) {
  return (
    <strong
      class="badge"
      classList={{
        'badge--blue': props.visibility === 'public',
        'badge--teal': props.visibility !== 'public',
      }}
    >
      <span class="visually-hidden">Visible to: </span>
      {VISIBILITY_NAMES[props.visibility] ?? props.visibility}
    </strong>
  )
}

/** Topics as cards: title, status, owner and partner groups, comment count, last activity. */
export function TopicList(props: { items: TopicSummary[]; id?: string }) {
  return (
    <ul class="card-list topic-list" id={props.id}>
      <For each={props.items}>
        {(topic) => (
          <li class="card topic-card">
            <h3 class="card__title">
              <A href={`/topics/${topic.id}`}>{topic.title}</A>
            </h3>
            <p class="card__meta topic-card__badges">
              <TopicStatusBadge status={topic.status} /> <VisibilityBadge visibility={topic.visibility} />
            </p>
            <p class="card__text topic-card__groups">
              Proposed by {topic.owner.title}
              <Show when={topic.partners.length > 0}>
                <span class="block hint-inline">With {listText(topic.partners.map((p) => p.title))}</span>
              </Show>
            </p>
            <p class="card__meta">
              {plural(topic.commentCount, 'comment')} · Last activity{' '}
              <time datetime={topic.lastActivityAt}>{formatDateTime(topic.lastActivityAt)}</time>
            </p>
          </li>
        )}
      </For>
    </ul>
  )
}
