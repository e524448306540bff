/** Sessions on the client: their types from the API, and times shown in London (Europe/London). */
import type { api } from './trpc'

type Api = typeof api
type Out<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>
export type Session = Out<Api['sessions']['get']['query']>
export type SessionSummary = Out<Api['sessions']['listForGroup']['query']>['items'][number]
export type AgendaItem = Session['agenda'][number]
export type SignupList = Out<Api['sessions']['signups']['query']>
export type SessionStatus = Session['status']
export type SignupStatus = NonNullable<Session['mySignup']>['status']

const LONDON = 'Europe/London'

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})
const timeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** "Tuesday 27 October 2026" in London. */
export function sessionDay(iso: string): string {
  return dayFormat.format(new Date(iso)).replace(',', '')
}

/** "10:00" in London. */
export function sessionTime(iso: string): string {
  return timeFormat.format(new Date(iso))
}

/** "Tuesday 27 October 2026, 10:00 to 11:30" in London. */
export function sessionWhen(startsAt: string, endsAt: string): string {
  const sameDay = londonParts(startsAt).date === londonParts(endsAt).date
  return `${sessionDay(startsAt)}, ${sessionTime(startsAt)} to ${sessionTime(endsAt)}${
    sameDay ? '' : ` on ${sessionDay(endsAt)}`
  }`
}

/** The London date (`YYYY-MM-DD`) and time (`HH:MM`) of a UTC instant, for the form's fields. */
export function londonParts(iso: string): { date: string; time: string } {
  const map: Record<string, string> = {}
  for (const p of partsFormat.formatToParts(new Date(iso))) map[p.type] = p.value
  return { date: `${map.year}-${map.month}-${map.day}`, time: `${map.hour}:${map.minute}` }
}

export const SESSION_STATUS_NAMES: Record<SessionStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  cancelled: 'Cancelled',
  held: 'Held',
}

export const SIGNUP_NAMES: Record<SignupStatus, string> = {
  going: 'Going',
  maybe: 'Maybe',
  not_going: 'Not going',
  waitlist: 'On the waiting list',
  interest: 'Interest confirmed',
  interest_unconfirmed: 'Interest not yet confirmed',
}
