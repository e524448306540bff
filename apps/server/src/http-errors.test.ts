import { DomainError, type ErrorCode } from '@appg-hub/core'
import { describe, expect, it } from 'vitest'
import { httpFailure } from './http-errors'

describe('httpFailure', () => {
  it('gives every domain error code the status of architecture.md §6', () => {
    const expected: Record<ErrorCode, number> = {
      BAD_REQUEST: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      TOO_MANY_REQUESTS: 429,
    }
    for (const [code, status] of Object.entries(expected) as [ErrorCode, number][])
      expect(httpFailure(new DomainError(code, 'Nope.'))).toEqual({ status, code, message: 'Nope.' })
  })

  it('leaves unexpected errors to the caller', () => {
    expect(httpFailure(new Error('boom'))).toBeNull()
  })
})
