/** Where a calendar can go: subscribe to a feed, or add one session, in the usual calendar programs. */
import { For } from 'solid-js'
import { eventLinks, feedLinks } from '../../lib/calendar-links'

/** Subscribe links for a feed at `path` (on this site) or an absolute address. */
export function FeedLinks(props: { url: string; name: string; label: string }) {
  const absolute = () => new URL(props.url, window.location.origin).href
  const links = () => feedLinks(absolute(), props.name)
  return (
    <ul class="calendar-links" aria-label={props.label}>
      <li>
        <a href={links().webcal}>Subscribe in your calendar app (webcal)</a>
      </li>
      <li>
        <a href={links().outlook} rel="noopener noreferrer" target="_blank">
          Add to Outlook<span class="visually-hidden"> (opens in a new tab)</span>
        </a>
      </li>
      <li>
        <a href={links().google} rel="noopener noreferrer" target="_blank">
          Add to Google Calendar<span class="visually-hidden"> (opens in a new tab)</span>
        </a>
      </li>
      <li>
        <a href={props.url} download="">
          Download the .ics file
        </a>
      </li>
    </ul>
  )
}

/** One session: its `.ics`, and an event added to Outlook or Google Calendar. */
export function SessionCalendarLinks(props: {
  id: string
  title: string
  startsAt: string
  endsAt: string
  location: string | null
}) {
  const links = () =>
    eventLinks({
      title: props.title,
      startsAt: props.startsAt,
      endsAt: props.endsAt,
      details: `${window.location.origin}/sessions/${props.id}`,
      location: props.location,
    })
  const items = () => [
    { href: `/sessions/${props.id}.ics`, text: 'Add to your calendar (.ics)', download: true },
    { href: links().outlook, text: 'Add to Outlook', external: true },
    { href: links().google, text: 'Add to Google Calendar', external: true },
  ]
  return (
    <ul class="calendar-links" aria-label="Add this session to your calendar">
      <For each={items()}>
        {(item) => (
          <li>
            <a
              href={item.href}
              download={item.download ? '' : undefined}
              rel={item.external ? 'noopener noreferrer' : undefined}
              target={item.external ? '_blank' : undefined}
            >
              {item.text}
              {item.external ? <span class="visually-hidden"> (opens in a new tab)</span> : null}
            </a>
          </li>
        )}
      </For>
    </ul>
  )
}
