import { describe, expect, it } from 'vitest'
import type * as z from 'zod'
import { agendaItemFields, createSessionInput, registerInterestInput, signUpInput, slug } from './index'

/** The first message of a failed parse, as the API's error formatter shows it per field. */
function messages(schema: z.ZodType, value: unknown): Record<string, string> {
  const result = schema.safeParse(value)
  if (result.success) return {}
  const found: Record<string, string> = {}
  for (const issue of result.error.issues) found[issue.path.join('.')] ??= issue.message
  return found
}

describe('shared input schemas', () => {
  it('names a group by its slug', () => {
    expect(slug.safeParse('cancer').success).toBe(true)
    expect(messages(slug, 'Cancer Care')).toEqual({ '': 'A group is named by its slug, such as "cancer".' })
  })

  it('gives one message for an email address wherever one is asked for', () => {
    const bad = 'not-an-address'
    const expected = 'Enter an email address such as name@example.org.'
    expect(messages(signUpInput, { email: bad, password: 'x', displayName: 'A' })).toEqual({
      email: expected,
    })
    expect(messages(registerInterestInput, { id: 'm1', name: 'A', email: bad })).toEqual({ email: expected })
  })

  it('asks for an agenda item’s duration in whole minutes, whatever was typed', () => {
    const item = { title: 'Welcome', speakers: null, notes: null }
    const expected = { durationMinutes: 'Give the duration in whole minutes.' }
    // The form sends NaN for an empty box (Number('') would be 0).
    for (const durationMinutes of [Number.NaN, 1.5, -5])
      expect(messages(agendaItemFields, { ...item, durationMinutes })).toEqual(expected)
    expect(messages(agendaItemFields, { ...item, durationMinutes: 0 })).toEqual({})
  })

  it('trims an email address before checking it', () => {
    const parsed = registerInterestInput.parse({ id: 'm1', name: 'A', email: ' a@example.org ' })
    expect(parsed.email).toBe('a@example.org')
  })

  it("names the item in a title's message", () => {
    const session = { groupSlug: 'cancer', title: ' ', description: '', date: '2026-01-02' }
    expect(
      messages(createSessionInput, {
        ...session,
        startTime: '10:00',
        endTime: '11:00',
        visibility: 'public',
      }),
    ).toEqual({ title: 'Give the session a title.' })
  })
})
