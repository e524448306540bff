import { MemoryRouter, Route } from '@solidjs/router'
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { createSignal, For, Show } from 'solid-js'
import { afterEach, describe, expect, it, vi } from 'vitest'

const list = vi.fn(async ({ q }: { q: string }) => ({
  items: [{ slug: q.toLowerCase(), title: `APPG on ${q}` }],
  nextCursor: null,
}))
vi.mock('./trpc', () => ({ api: { register: { list: { query: (input: { q: string }) => list(input) } } } }))

const { createGroupSearch } = await import('./group-search')

function SearchField() {
  const [words, setWords] = createSignal('')
  const found = createGroupSearch(words)
  return (
    <>
      <label>
        Find
        <input value={words()} onInput={(e) => setWords(e.currentTarget.value)} />
      </label>
      <Show when={found.items()} fallback={<p>none</p>}>
        {(items) => <For each={items()}>{(g) => <p>{g.title}</p>}</For>}
      </Show>
    </>
  )
}

function type(text: string) {
  fireEvent.input(screen.getByLabelText('Find'), { target: { value: text } })
}

describe('createGroupSearch', () => {
  afterEach(() => {
    cleanup()
    list.mockClear()
  })

  it('asks nothing for fewer than two letters, reads words once, and shows nothing once cleared', async () => {
    render(() => (
      <MemoryRouter>
        <Route path="/" component={SearchField} />
      </MemoryRouter>
    ))
    type('C')
    await Promise.resolve()
    expect(list).not.toHaveBeenCalled()
    type('Cancer')
    await screen.findByText('APPG on Cancer')
    type('Lung')
    await screen.findByText('APPG on Lung')
    // Back to words already read: from the cache, no second request.
    type('Cancer')
    await screen.findByText('APPG on Cancer')
    expect(list.mock.calls.map(([input]) => input.q)).toEqual(['Cancer', 'Lung'])
    type('')
    await waitFor(() => expect(screen.getByText('none')).toBeTruthy())
  })
})
