/** Random secrets and their stored hashes (sign-ins, invitation links, calendar feeds). */

/** 160 random bits, base32 (lower case, no padding): 32 characters, safe in URLs and cookies. */
export function newToken(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
  const bytes = crypto.getRandomValues(new Uint8Array(20))
  let out = ''
  let buffer = 0
  let bits = 0
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += alphabet[(buffer >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

/**
 * SHA-256 of a token, hex. Only this is stored, so a copy of the table cannot be replayed.
 * WebCrypto, as on every runtime the hub runs on; the sign-in check, which hashes the same cookie on
 * every request, keeps the tokens it has hashed lately (`auth/sign-in.ts`).
 */
export async function hashToken(token: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(token)))
  let hex = ''
  for (const byte of digest) hex += byte.toString(16).padStart(2, '0')
  return hex
}
