import { MemoryRouter, Route } from '@solidjs/router'
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { TRPCClientError } from '@trpc/client'
import { createSignal } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'
import * as z from 'zod'
import { ErrorSummary, TextField } from '../components/Form'
import { createForm } from './form'

const schema = z.object({
  title: z.string().trim().min(1, 'Give the topic a title.').max(20, 'Keep the title under 20 characters.'),
  groupSlug: z.string(),
})

/** A small form as the pages write one: fields, the summary, the submit button. */
function TitleForm(props: {
  send: (input: z.output<typeof schema>) => Promise<{ id: string }>
  sent: (id: string) => void
}) {
  const [title, setTitle] = createSignal('')
  const form = createForm({
    schema,
    prefix: 'topic',
    fields: ['title'],
    input: () => ({ title: title(), groupSlug: 'cancer' }),
    send: props.send,
    onSent: (result) => props.sent(result.id),
  })
  return (
    <>
      <ErrorSummary items={form.summary()} />
      <form onSubmit={form.submit} novalidate>
        <TextField
          id="topic-title"
          label="Title"
          value={title()}
          onValue={setTitle}
          error={form.error('title')}
        />
        <button type="submit">{form.busy() ? 'Sending…' : 'Send'}</button>
      </form>
    </>
  )
}

function mount(send: (input: z.output<typeof schema>) => Promise<{ id: string }>) {
  const sent = vi.fn()
  render(() => (
    <MemoryRouter>
      <Route path="/" component={() => <TitleForm send={send} sent={sent} />} />
    </MemoryRouter>
  ))
  return { sent, input: () => screen.getByLabelText('Title') as HTMLInputElement }
}

describe('createForm', () => {
  afterEach(() => {
    cleanup()
    vi.restoreAllMocks()
  })

  it("shows the schema's message on the field before sending, and sends nothing", async () => {
    const send = vi.fn(async () => ({ id: 't1' }))
    const { input } = mount(send)
    fireEvent.click(await screen.findByRole('button', { name: 'Send' }))
    const error = await screen.findByText('Give the topic a title.', { selector: '.field-error' })
    expect(error.id).toBe('topic-title-error')
    expect(input().getAttribute('aria-invalid')).toBe('true')
    expect(input().getAttribute('aria-describedby')).toContain('topic-title-error')
    // The summary links the message to the field.
    const link = screen.getByRole('link', { name: 'Give the topic a title.' })
    expect(link.getAttribute('href')).toBe('#topic-title')
    expect(send).not.toHaveBeenCalled()
  })

  it("shows the server's fieldErrors on the same field after sending", async () => {
    const refusal = TRPCClientError.from({
      error: {
        code: -32600,
        message: 'A topic with that title exists.',
        data: { code: 'CONFLICT', field: 'title', fieldErrors: { title: 'A topic with that title exists.' } },
      },
    })
    const send = vi.fn(async () => {
      throw refusal
    })
    const { input, sent } = mount(send)
    fireEvent.input(input(), { target: { value: '  Lung cancer  ' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    await screen.findByText('A topic with that title exists.', { selector: '.field-error' })
    // What was sent is the schema's output (trimmed), not the raw fields.
    expect(send).toHaveBeenCalledWith({ title: 'Lung cancer', groupSlug: 'cancer' })
    expect(input().getAttribute('aria-invalid')).toBe('true')
    expect(sent).not.toHaveBeenCalled()
  })

  it('puts a message for no shown field in the summary, and clears messages once sent', async () => {
    let fail = true
    const send = vi.fn(async () => {
      if (fail)
        throw TRPCClientError.from({
          error: { code: -32600, message: 'Too many topics today.', data: { code: 'TOO_MANY_REQUESTS' } },
        })
      return { id: 't2' }
    })
    const { input, sent } = mount(send)
    fireEvent.input(input(), { target: { value: 'Obesity' } })
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    const alert = await screen.findByRole('alert')
    expect(alert.textContent).toContain('Too many topics today.')
    expect(input().getAttribute('aria-invalid')).toBeNull()
    fail = false
    fireEvent.click(screen.getByRole('button', { name: 'Send' }))
    await waitFor(() => expect(sent).toHaveBeenCalledWith('t2'))
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
