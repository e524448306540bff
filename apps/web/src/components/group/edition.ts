/** Register editions are named YYMMDD ("260629"); anything else is shown as given. */
export function editionDate(edition: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(edition)
  return m ? `20${m[1]}-${m[2]}-${m[3]}` : edition
}
