/**
 * Domain errors as HTTP answers on the plain routes. Domain error codes are tRPC's codes by design
 * (packages/core/src/errors.ts), so tRPC's own table gives the status, for procedures (its error
 * formatter's `httpStatus`) and for these routes alike: one mapping.
 */
import { DATABASE_UNAVAILABLE } from '@appg-hub/api'
import { DomainError, WordConversionUnavailable } from '@appg-hub/core'
import { isDatabaseUnavailable } from '@appg-hub/db'
import { TRPCError } from '@trpc/server'
import { getHTTPStatusCodeFromError } from '@trpc/server/http'
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

export interface HttpFailure {
  status: ContentfulStatusCode
  code: string
  message: string
}

/** The answer for an expected failure (a domain error, an unreachable service), or null. */
export function httpFailure(error: unknown): HttpFailure | null {
  if (error instanceof DomainError) {
    const status = getHTTPStatusCodeFromError(new TRPCError({ code: error.code })) as ContentfulStatusCode
    return { status, code: error.code, message: error.message }
  }
  if (isDatabaseUnavailable(error))
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: DATABASE_UNAVAILABLE }
  // The Word converter (a separate service) did not answer: try again later, as for the database.
  if (error instanceof WordConversionUnavailable)
    return { status: 503, code: 'SERVICE_UNAVAILABLE', message: error.message }
  return null
}

/** An expected failure as plain text (for links people open: calendars, downloads); others rethrown. */
export function failureText(c: Context, error: unknown): Response {
  const failure = httpFailure(error)
  if (!failure) throw error
  return c.text(failure.message, failure.status)
}

/** An expected failure as `{ error: { message, code } }` (for the web client's uploads); others rethrown. */
export function failureJson(c: Context, error: unknown): Response {
  const failure = httpFailure(error)
  if (!failure) throw error
  return c.json({ error: { message: failure.message, code: failure.code } }, failure.status)
}
