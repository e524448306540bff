/**
 * Password hashing with scrypt, a memory-hard function that Node and Cloudflare Workers (through
 * `nodejs_compat`) both implement natively in `node:crypto`.
 *
 * Default cost: N = 2^15 (32 MiB per lane), r = 8, p = 3, OWASP's recommended scrypt setting, a
 * 16-byte random salt and a 32-byte key. The parameters travel inside the stored string
 * (`$scrypt$ln=15,r=8,p=3$salt$key`, PHC style), so a later change of cost still verifies old
 * hashes. Tests lower the cost through `PasswordCost` to stay quick.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'
import { PASSWORD_MAX_LENGTH } from '@appg-hub/schemas'
import { DomainError } from '../errors'
import { Semaphore } from '../semaphore'
import { weakPasswordProblem } from './password-strength'

export { PASSWORD_MAX_LENGTH } from '@appg-hub/schemas'

export interface PasswordCost {
  /** log2 of N. */
  ln: number
  r: number
  p: number
}

export const DEFAULT_PASSWORD_COST: PasswordCost = { ln: 15, r: 8, p: 3 }
const KEY_LENGTH = 32

export const PASSWORD_MIN_LENGTH = 10

/**
 * One scrypt at a time per process (each takes a core for ~0.1 s and 32 MiB per lane): a burst of
 * sign-ins queues here instead of taking both cores from signed-in requests. Past 100 waiting, the
 * answer is 429 at once.
 */
export const passwordWork = new Semaphore(
  1,
  100,
  () =>
    new DomainError(
      'TOO_MANY_REQUESTS',
      'Too many people are signing in just now. Please try again in a minute.',
    ),
)

function derive(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  return passwordWork.run(() => deriveNow(password, salt, cost))
}

function deriveNow(password: string, salt: Buffer, cost: PasswordCost): Promise<Buffer> {
  const N = 2 ** cost.ln
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_LENGTH,
      { N, r: cost.r, p: cost.p, maxmem: 256 * N * cost.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    )
  })
}

export async function hashPassword(
  password: string,
  cost: PasswordCost = DEFAULT_PASSWORD_COST,
): Promise<string> {
  const salt = randomBytes(16)
  const key = await derive(password, salt, cost)
  return `$scrypt$ln=${cost.ln},r=${cost.r},p=${cost.p}$${salt.toString('base64url')}$${key.toString('base64url')}`
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  const match = /^\$scrypt\$ln=(\d+),r=(\d+),p=(\d+)\$([\w-]+)\$([\w-]+)$/.exec(stored)
  if (!match) return false
  const [, ln, r, p, salt, key] = match
  const expected = Buffer.from(key!, 'base64url')
  const actual = await derive(password, Buffer.from(salt!, 'base64url'), {
    ln: Number(ln),
    r: Number(r),
    p: Number(p),
  })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}

/**
 * Why a new password is refused, or null when it is acceptable: its length, then how guessable it
 * is (common passwords, patterns, the person's own name or address in `personal`).
 */
export async function passwordProblem(password: string, personal: string[] = []): Promise<string | null> {
  if (password.length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters.`
  if (password.length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters.`
  return weakPasswordProblem(password, personal)
}
