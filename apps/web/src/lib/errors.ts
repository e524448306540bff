/** Turning API errors into words for people, placed next to the field at fault. */
import { TRPCClientError } from '@trpc/client'

export interface ErrorInfo {
  code: string | null
  message: string
  /** The input at fault, as the server named it (`data.field`). */
  field: string | null
}

export function errorInfo(error: unknown): ErrorInfo {
  if (error instanceof TRPCClientError) {
    const data = error.data as { code?: string; field?: string | null } | undefined
    const offline = !data && /fetch|network/i.test(error.message)
    return {
      code: data?.code ?? null,
      message: offline ? 'We could not reach APPG Hub. Check your connection and try again.' : error.message,
      field: data?.field ?? null,
    }
  }
  return { code: null, message: 'Something went wrong. Please try again.', field: null }
}

export interface FormErrors {
  /** Messages per field name, for the fields the form knows. */
  fields: Record<string, string>
  /** What could not be pinned on one field. */
  general: string | null
}

/**
 * Splits an error into messages per field. Validation errors arrive as `field: message; field:
 * message`, domain errors as a message with `data.field`.
 */
export function formErrors(error: unknown, known: readonly string[]): FormErrors {
  const info = errorInfo(error)
  const fields: Record<string, string> = {}
  const rest: string[] = []
  for (const part of info.message.split('; ')) {
    const match = /^([A-Za-z][\w.]*): (.+)$/s.exec(part)
    if (match && known.includes(match[1]!)) fields[match[1]!] ??= match[2]!
    else rest.push(part)
  }
  if (rest.length > 0 && info.field && known.includes(info.field) && !fields[info.field]) {
    fields[info.field] = rest.join(' ')
    rest.length = 0
  }
  return { fields, general: rest.length > 0 ? rest.join(' ') : null }
}
