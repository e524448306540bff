/** Turning API errors into words for people, placed next to the field at fault. */
import { TRPCClientError } from '@trpc/client'

export interface ErrorInfo {
  code: string | null
  message: string
  /** The input at fault, as the server named it (`data.field`). */
  field: string | null
  /** For invalid input: one message per field (`data.fieldErrors`). */
  fieldErrors: Record<string, string>
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = error.data as
      | { code?: string; field?: string | null; fieldErrors?: Record<string, string> }
      | undefined
    const offline = !data && /fetch|network/i.test(error.message)
    return {
      code: data?.code ?? null,
      message: offline ? 'We could not reach APPG Hub. Check your connection and try again.' : error.message,
      field: data?.field ?? null,
      fieldErrors: data?.fieldErrors ?? {},
    }
  }
  return { code: null, message: 'Something went wrong. Please try again.', field: null, fieldErrors: {} }
}

export interface FormErrors {
  /** Messages per field name, for the fields the form knows. */
  fields: Record<string, string>
  /** What could not be pinned on one field. */
  general: string | null
}

/** Places an error's messages on the fields the form knows; the rest is general. */
export function formErrors(error: unknown, known: readonly string[]): FormErrors {
  const info = errorInfo(error)
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const [field, message] of Object.entries(info.fieldErrors)) {
    if (known.includes(field)) fields[field] = message
    else rest.push(message)
  }
  if (Object.keys(info.fieldErrors).length === 0) {
    if (info.field && known.includes(info.field)) fields[info.field] = info.message
    else rest.push(info.message)
  }
  return { fields, general: rest.length > 0 ? rest.join(' ') : null }
}
