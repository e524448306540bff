/**
 * Application-generated ids (docs/architecture.md §5): 12 random bytes as 16 base64url characters after a
 * millisecond timestamp in base36, so ids made later sort later (handy for cursors and for
 * reading logs) while staying unguessable.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12))
  let random = ''
  for (const b of bytes) random += String.fromCharCode(b)
  const base64url = btoa(random).replace(/\+/g, '-').replace(/\//g, '_')
  return Date.now().toString(36).padStart(9, '0') + base64url
}
