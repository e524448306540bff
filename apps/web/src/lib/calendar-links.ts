/**
 * Links that put the hub's calendars into people's calendar programs: `webcal://` (Apple Calendar,
 * Outlook on the desktop, Thunderbird subscribe to it), and the web calendars' own "add" pages.
 * A feed is subscribed to (it follows later changes); one session is added as an event, because a
 * participants-only session's `.ics` needs the reader's sign-in, which a calendar server has not.
 */

/** The same address with the `webcal:` scheme, which calendar programs open as a subscription. */
export function webcalUrl(url: string): string {
  return url.replace(/^https?:\/\//i, 'webcal://')
}

export interface CalendarLinks {
  google: string
  outlook: string
}

/** Subscribe to a feed at `url` (http or https), named `name` in Outlook. */
export function feedLinks(url: string, name: string): CalendarLinks & { webcal: string } {
  const webcal = webcalUrl(url)
  return {
    webcal,
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({ cid: webcal })}`,
    outlook: `https://outlook.live.com/calendar/0/addfromweb?${new URLSearchParams({ url, name })}`,
  }
}

/** "20260715T090000Z", as Google's event template wants times. */
function googleTime(iso: string): string {
  return new Date(iso).toISOString().replace(/[-:]|\.\d{3}/g, '')
}

/** Add one event; times are ISO instants (UTC). */
export function eventLinks(event: {
  title: string
  startsAt: string
  endsAt: string
  details: string
  location: string | null
}): CalendarLinks {
  const location = event.location ?? ''
  return {
    google: `https://calendar.google.com/calendar/render?${new URLSearchParams({
      action: 'TEMPLATE',
      text: event.title,
      dates: `${googleTime(event.startsAt)}/${googleTime(event.endsAt)}`,
      details: event.details,
      location,
    })}`,
    outlook: `https://outlook.live.com/calendar/0/deeplink/compose?${new URLSearchParams({
      path: '/calendar/action/compose',
      rru: 'addevent',
      subject: event.title,
      startdt: new Date(event.startsAt).toISOString(),
      enddt: new Date(event.endsAt).toISOString(),
      body: event.details,
      location,
    })}`,
  }
}
