import { describe, expect, it } from 'vitest'
import { hashPassword, passwordProblem, passwordWork, verifyPassword } from './password'

const cheap = { ln: 10, r: 8, p: 1 }

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('correct horse battery', cheap)
    expect(hash).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$/)
    expect(await verifyPassword(hash, 'correct horse battery')).toBe(true)
    expect(await verifyPassword(hash, 'correct horse battery ')).toBe(false)
  })

  it('salts: the same password hashes differently twice', async () => {
    expect(await hashPassword('same password!', cheap)).not.toBe(await hashPassword('same password!', cheap))
  })

  it('verifies with the cost stored in the hash, so costs can change later', async () => {
    const hash = await hashPassword('a different cost', { ln: 11, r: 8, p: 2 })
    expect(await verifyPassword(hash, 'a different cost')).toBe(true)
  })

  it('treats a malformed stored hash as a mismatch', async () => {
    expect(await verifyPassword('not a hash', 'anything')).toBe(false)
  })

  it('uses the OWASP scrypt cost by default', async () => {
    expect(await hashPassword('default cost pw')).toMatch(/^\$scrypt\$ln=15,r=8,p=3\$/)
  })

  it('asks for at least ten characters', async () => {
    expect(await passwordProblem('short')).toMatch(/at least 10/)
    expect(await passwordProblem('long enough, really!')).toBeNull()
  })
})

describe('password hashing concurrency', () => {
  it('runs one scrypt at a time; the others wait their turn', async () => {
    const hashes = [1, 2, 3, 4].map((n) => hashPassword(`password number ${n}`, cheap))
    expect(passwordWork.active).toBe(1)
    expect(passwordWork.queued).toBe(3)
    expect(await Promise.all(hashes)).toHaveLength(4)
    expect(passwordWork.active + passwordWork.queued).toBe(0)
  })
})

describe('new passwords', () => {
  it('refuses common and patterned passwords with advice, whatever their length', async () => {
    for (const weak of ['1234567890', 'password12', 'qwertyuiop', 'Password2026!', 'aaaaaaaaaaaa']) {
      const problem = await passwordProblem(weak)
      expect(problem, weak).toMatch(/^This password is too easy to guess\. .+/)
    }
    expect(await passwordProblem('qwertyuiop')).toContain('frequently used password')
  })

  it('refuses a password built from the person’s own name or address, or the site’s', async () => {
    expect(await passwordProblem('adalovelace1815')).toBeNull()
    expect(
      await passwordProblem('adalovelace1815', ['adalovelace@example.org', 'Ada Lovelace']),
    ).not.toBeNull()
    expect(await passwordProblem('appghub12345')).not.toBeNull()
  })

  it('accepts a few unrelated words, and checks length first', async () => {
    expect(await passwordProblem('correct horse battery staple')).toBeNull()
    expect(await passwordProblem('appg-demo-2026')).toBeNull()
    expect(await passwordProblem('short')).toBe('Use at least 10 characters.')
    expect(await passwordProblem('x'.repeat(201))).toBe('Use at most 200 characters.')
  })

  it('scores only the start of a long password, so that scoring stays quick', async () => {
    // Repeated patterns are zxcvbn's slowest case; 200 characters of them took over a second.
    expect(await passwordProblem('aB3$'.repeat(50))).toMatch(/too easy to guess/)
    expect(await passwordProblem(`${'aB3$'.repeat(12)}correct horse battery staple`)).not.toBeNull()
  })
})
