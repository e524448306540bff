/**
 * Dates and times in London, written out without Intl. A page's first Intl formatter
 * (DateTimeFormat, NumberFormat, PluralRules) makes the browser load its locale data, about 40 ms of
 * main thread on a laptop and four times that on a mid-range phone: most of what blocked the
 * document page's first render, for one "Last saved on …" line. The rules here are few and fixed.
 */

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/** CLDR's short English (en-GB) month names, as Intl wrote them here before: "Sept" has four letters. */
export const SHORT_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
] as const

/** 01:00 UTC on the last Sunday of the month (month 0–11) of that year. */
function lastSundayAtOne(year: number, month: number): number {
  const last = new Date(Date.UTC(year, month + 1, 0, 1))
  return last.getTime() - last.getUTCDay() * 86_400_000
}

/** The year from which British Summer Time has followed the EU rule used here (it changed before). */
export const BST_RULE_SINCE = 1996

/**
 * The calendar fields of an instant as a London clock shows it: British Summer Time (UTC+1) from
 * 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October, GMT otherwise.
 * Null before 1996, when the dates of the change were other.
 */
export function londonClock(
  date: Date,
): { year: number; month: number; day: number; hour: number; minute: number } | null {
  const year = date.getUTCFullYear()
  if (year < BST_RULE_SINCE) return null
  const t = date.getTime()
  const summer = t >= lastSundayAtOne(year, 2) && t < lastSundayAtOne(year, 9)
  const local = new Date(t + (summer ? 3_600_000 : 0))
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth(),
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  }
}

/** "2:05pm", "12:30am": a twelve-hour clock, as people write it. */
export function clockTime(hour: number, minute: number): string {
  return `${hour % 12 || 12}:${String(minute).padStart(2, '0')}${hour < 12 ? 'am' : 'pm'}`
}
