import { describe, expect, it } from 'vitest'
import { isDatabaseUnavailable } from './unavailable'

function withCode(code: string) {
  return Object.assign(new Error(code), { code })
}

describe('isDatabaseUnavailable', () => {
  it('recognises an unreachable database on every driver', () => {
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true)
    expect(isDatabaseUnavailable(withCode('PROTOCOL_CONNECTION_LOST'))).toBe(true)
    expect(isDatabaseUnavailable(withCode('SQLITE_BUSY'))).toBe(true)
    expect(isDatabaseUnavailable(new TypeError('fetch failed'))).toBe(true)
    const vitess = Object.assign(
      new Error('vttablet: rpc error: code = Unavailable desc = connect ECONNREFUSED'),
      {
        name: 'DatabaseError',
        status: 400,
        body: { code: 'unavailable' },
      },
    )
    expect(isDatabaseUnavailable(vitess)).toBe(true)
    expect(isDatabaseUnavailable(new Error('wrapped', { cause: withCode('ETIMEDOUT') }))).toBe(true)
  })

  it('leaves bugs and bad statements alone', () => {
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false)
    expect(isDatabaseUnavailable(withCode('ER_DUP_ENTRY'))).toBe(false)
    expect(isDatabaseUnavailable(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBe(false)
    const duplicate = Object.assign(new Error('Duplicate entry (errno 1062)'), {
      name: 'DatabaseError',
      status: 400,
      body: { code: 'already_exists' },
    })
    expect(isDatabaseUnavailable(duplicate)).toBe(false)
    expect(isDatabaseUnavailable(null)).toBe(false)
  })
})
