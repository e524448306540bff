/**
 * Europe/London wall-clock time ⇄ UTC, with `Intl` only (it carries the tz database), correct
 * across the clock changes. Sessions are stored in UTC and shown in London time.
 */
import { badRequest } from '../errors'

export const LONDON = 'Europe/London'

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})

/** London's wall clock at `ms` (UTC), as `{ date: 'YYYY-MM-DD', time: 'HH:MM' }`. */
export function toLondon(at: Date | string): { date: string; time: string } {
  const map: Record<string, string> = {}
  for (const p of parts.formatToParts(new Date(at))) map[p.type] = p.value
  return { date: `${map.year}-${map.month}-${map.day}`, time: `${map.hour}:${map.minute}` }
}

/** Minutes London is ahead of UTC at the instant `ms` (0 in winter, 60 in summer). */
function offsetMinutes(ms: number): number {
  const { date, time } = toLondon(new Date(ms))
  const wall = Date.parse(`${date}T${time}:00Z`)
  return Math.round((wall - Math.floor(ms / 60_000) * 60_000) / 60_000)
}

/**
 * The UTC instant (ISO) of a London date and time. A time that the spring change skips
 * (01:30 on the last Sunday of March) is refused; one that the autumn change repeats is taken
 * at its first occurrence (British Summer Time).
 */
export function londonToUtc(date: string, time: string, field = 'date'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  const t = /^(\d{2}):(\d{2})$/.exec(time)
  if (!m || !t) throw badRequest('Give the date as YYYY-MM-DD and the time as HH:MM.', field)
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(t[1]), Number(t[2]))
  if (Number.isNaN(wall) || new Date(wall).toISOString().slice(0, 10) !== date || Number(t[1]) > 23)
    throw badRequest('That date or time does not exist.', field)
  // Try the summer offset first, so that a repeated autumn hour resolves to its first occurrence.
  for (const offset of [60, 0]) {
    const candidate = wall - offset * 60_000
    if (offsetMinutes(candidate) === offset) return new Date(candidate).toISOString()
  }
  throw badRequest(`${time} on ${date} does not exist in London: the clocks go forward then.`, field)
}

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: LONDON,
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
})

/** "Tuesday 8 December 2026": the London date of an instant, in words. */
export function formatLondonDate(at: Date | string): string {
  return dayFormat.format(new Date(at)).replace(',', '')
}

/** "9:30am", "10am", "1:05pm", "midday", "midnight" (GOV.UK style) for a London wall-clock "HH:MM". */
export function formatClockTime(time: string): string {
  const [h, m] = time.split(':').map(Number) as [number, number]
  if (m === 0 && h === 12) return 'midday'
  if (m === 0 && h === 0) return 'midnight'
  const hour12 = h % 12 === 0 ? 12 : h % 12
  return `${hour12}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}${h < 12 ? 'am' : 'pm'}`
}

/** "Tuesday 8 December 2026, 9:30am" in London time, for emails and messages. */
export function formatLondonDateTime(at: Date | string): string {
  return `${formatLondonDate(at)}, ${formatClockTime(toLondon(at).time)}`
}

/** "Tuesday 27 October 2026, 10am–11:30am" in London time, for notices and emails. */
export function formatLondonRange(startsAt: string, endsAt: string): string {
  const start = toLondon(startsAt)
  const end = toLondon(endsAt)
  const endText =
    end.date === start.date
      ? formatClockTime(end.time)
      : `${formatClockTime(end.time)} on ${formatLondonDate(endsAt)}`
  return `${formatLondonDate(startsAt)}, ${formatClockTime(start.time)}–${endText}`
}
