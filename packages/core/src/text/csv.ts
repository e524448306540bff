/** CSV for the hub's downloads (sign-ups, the audit log): one way to write a cell, safe in a spreadsheet. */

/** A CSV cell that a spreadsheet will not run as a formula (OWASP CSV injection). */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value)
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/** Rows as CSV text, CRLF line ends as RFC 4180 has them. */
export function csvText(rows: readonly (readonly (string | number | null)[])[]): string {
  return `${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`
}
