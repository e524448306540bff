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

  it('asks for at least ten characters', () => {
    expect(passwordProblem('short')).toMatch(/at least 10/)
    expect(passwordProblem('long enough!')).toBeNull()
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
