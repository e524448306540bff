/** The error codes of docs/architecture.md §6, raised by domain code and mapped to tRPC and HTTP at the edge. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The input field at fault, for BAD_REQUEST and CONFLICT. */
    readonly field?: string,
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const badRequest = (message: string, field?: string) => new DomainError('BAD_REQUEST', message, field)
export const unauthorized = (message = 'Please sign in first.') => new DomainError('UNAUTHORIZED', message)
export const forbidden = (message: string) => new DomainError('FORBIDDEN', message)
/** Also used for items the caller may not see, so that their existence does not leak. */
export const notFound = (what: string) => new DomainError('NOT_FOUND', `${what} was not found.`)
export const conflict = (message: string, field?: string) => new DomainError('CONFLICT', message, field)
export const tooLarge = (message: string) => new DomainError('PAYLOAD_TOO_LARGE', message)
export const unsupportedType = (message: string) => new DomainError('UNSUPPORTED_MEDIA_TYPE', message)
