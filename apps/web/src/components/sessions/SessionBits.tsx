import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { listText } from '../../lib/format'
import { SESSION_STATUS_NAMES, type SessionSummary, SIGNUP_NAMES, sessionWhen } from '../../lib/sessions'
import { VisibilityBadge } from '../TopicBits'
import '../../styles/sessions.css'

export function SessionStatusBadge(props: { status: string }) {
  return (
    <strong
      class="badge"
      classList={{
        'badge--green': props.status === 'scheduled',
        'badge--grey': props.status === 'draft' || props.status === 'held',
        'badge--red': props.status === 'cancelled',
      }}
    >
      {SESSION_STATUS_NAMES[props.status as keyof typeof SESSION_STATUS_NAMES] ?? props.status}
    </strong>
  )
}

/** Sessions as cards: title, London time, place, hosts, status, places and my sign-up. */
export function SessionList(props: { items: SessionSummary[]; id?: string }) {
  return (
    <ul class="card-list session-list" id={props.id}>
      <For each={props.items}>
        {(s) => (
          <li class="card session-card">
            <h3 class="card__title">
              <A href={`/sessions/${s.id}`}>{s.title}</A>
            </h3>
            <p class="card__text session-card__when">
              <time datetime={s.startsAt}>{sessionWhen(s.startsAt, s.endsAt)}</time>
            </p>
            <p class="card__meta">
              <SessionStatusBadge status={s.status} /> <VisibilityBadge visibility={s.visibility} />
              <Show when={s.mySignup}>
                {' '}
                <strong class="badge badge--blue">{SIGNUP_NAMES[s.mySignup!]}</strong>
              </Show>
            </p>
            <p class="card__text">
              {s.place ?? (s.onlineUrl ? 'Online' : 'Place to be confirmed')}
              <span class="block hint-inline">
                Hosted by {s.owner.title}
                <Show when={s.cohosts.length > 0}> with {listText(s.cohosts.map((c) => c.title))}</Show>
              </span>
            </p>
            <p class="card__meta">
              {s.going} going{s.capacity !== null ? ` of ${s.capacity} places` : ''}
            </p>
          </li>
        )}
      </For>
    </ul>
  )
}
