/**
 * The client's one form pattern. A form gives its input schema (from @appg-hub/schemas, the one the API
 * parses with, so each rule has one message, written once), how to build the input from its fields, and
 * what sending is. Submitting checks the input against the schema first and shows its messages on the
 * fields; a valid input is sent as a router action (so the page's reads are revalidated after it), and
 * the server's `fieldErrors` are shown on the same fields. Messages that belong to no field shown by the
 * form are `general`. `summary` feeds `ErrorSummary`, whose links go to `${prefix}-${field}`.
 */
import { action, json, useAction, useSubmission } from '@solidjs/router'
import { type Accessor, createSignal, untrack } from 'solid-js'
import type * as z from 'zod'
import type { SummaryItem } from '../components/Form'
import { formErrors } from './errors'

export interface FormOptions<S extends z.ZodType, R> {
  schema: S
  /** The input to check and send, built from the form's fields. */
  input: () => z.input<S>
  send: (input: z.output<S>) => Promise<R>
  /** The fields this form shows (top-level input names); other messages are general. */
  fields: readonly string[]
  /** The fields' ids are `${prefix}-${field}`, or the field's name when it is empty (for the summary's links). */
  prefix: string
  /** After a successful send (navigate, clear the fields, say so, refetch what the page shows). */
  onSent?: (result: R) => void | Promise<void>
  /**
   * The reads (names, lib/data.ts) this write changes, revalidated by the router when it completes. None by
   * default: revalidating every read of a busy page after each write delays what the writer sees.
   */
  revalidate?: string[]
}

export interface Form {
  /** The message for a field, if any. */
  error(field: string): string | undefined
  errors: Accessor<Record<string, string>>
  general: Accessor<string | null>
  busy: Accessor<boolean>
  /** Every message, each linked to its field, for `ErrorSummary`. */
  summary: Accessor<SummaryItem[]>
  /** The form's onSubmit. Resolves to true when the input was sent and accepted. */
  submit(event?: SubmitEvent): Promise<boolean>
  /** Forgets the messages (the form was cancelled or reset). */
  clear(): void
  /** Shows a message about the whole form found after sending (an answer that is not an error). */
  fail(message: string): void
}

/** Each field's first message from a zod error, by top-level field name. */
export function issuesByField(error: z.ZodError, fields: readonly string[]) {
  const found: Record<string, string> = {}
  const rest: string[] = []
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '')
    if (fields.includes(field)) found[field] ??= issue.message
    else if (!rest.includes(issue.message)) rest.push(issue.message)
  }
  return { fields: found, general: rest.length > 0 ? rest.join(' ') : null }
}

let formCount = 0

export function createForm<S extends z.ZodType, R>(options: FormOptions<S, R>): Form {
  const [errors, setErrors] = createSignal<Record<string, string>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  // A name of its own, so that this form's submission is not another form's.
  const send = action(
    async (input: z.output<S>) => json(await options.send(input), { revalidate: options.revalidate ?? [] }),
    `form-${options.prefix || 'fields'}-${++formCount}`,
  )
  const submission = useSubmission(send)
  const call = useAction(send) as unknown as (input: z.output<S>) => Promise<R>

  function show(result: { fields: Record<string, string>; general: string | null }) {
    setErrors(result.fields)
    setGeneral(result.general)
  }

  return {
    error: (field) => errors()[field],
    errors,
    general,
    busy: () => submission.pending === true,
    summary: () => [
      ...Object.entries(errors()).map(([field, message]) => ({
        field: `${options.prefix}-${field}`,
        message,
      })),
      ...(general() ? [{ message: general()! }] : []),
    ],
    async submit(event) {
      event?.preventDefault()
      if (untrack(() => submission.pending)) return false
      const parsed = options.schema.safeParse(untrack(options.input))
      if (!parsed.success) {
        show(issuesByField(parsed.error, options.fields))
        return false
      }
      show({ fields: {}, general: null })
      let result: R
      try {
        result = await call(parsed.data)
      } catch (caught) {
        show(formErrors(caught, options.fields))
        return false
      }
      await options.onSent?.(result)
      return true
    },
    clear: () => show({ fields: {}, general: null }),
    fail: (message) => show({ fields: {}, general: message }),
  }
}
