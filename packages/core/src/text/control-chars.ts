/**
 * Control characters (U+0000–U+001F and U+007F) in text people typed: RFC 5545 §3.3.11 forbids
 * them in iCalendar TEXT, and in a plain-text email they can rewrite what a terminal or a mail
 * client shows. Tab is kept everywhere; line ends only where a value may span lines.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS_EXCEPT_TAB = /[\u0000-\u0008\u000A-\u001F\u007F]/g
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
const CONTROLS_EXCEPT_TAB_AND_LF = /[\u0000-\u0008\u000B-\u001F\u007F]/g

/** One line of text (an iCalendar value, an email subject): every control character but tab goes. */
export function withoutControls(value: string): string {
  return value.replace(CONTROLS_EXCEPT_TAB, '')
}

/** Text of several lines (an email body): line ends become `\n`, other controls but tab go. */
export function plainTextLines(value: string): string {
  return value.replace(/\r\n?/g, '\n').replace(CONTROLS_EXCEPT_TAB_AND_LF, '')
}
