/** Random secrets and their stored hashes (sign-ins, invitation links, calendar feeds). */
import { sha256 } from '@noble/hashes/sha2.js'
import { bytesToHex } from '@noble/hashes/utils.js'

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
 * Computed in JavaScript: for a 32-character token that is a few microseconds, where WebCrypto's
 * `digest` is a round trip through Node's thread pool on every signed-in request.
 */
export async function hashToken(token: string): Promise<string> {
  return bytesToHex(sha256(new TextEncoder().encode(token)))
}
