import { createMemoryHistory, MemoryRouter, query, Route } from '@solidjs/router'
import { cleanup, fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { TRPCClientError } from '@trpc/client'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { SignInProvider } from '../lib/sign-in'
import { ItemPage } from './ItemPage'

// Who is signed in comes from me.get; the item from the fetch the page is given.
const me = vi.hoisted(() => ({ current: null as null | Record<string, unknown> }))
vi.mock('../lib/trpc', () => ({
  api: {
    me: { get: { query: async () => me.current } },
    dev: { demoAccounts: { query: async () => null } },
  },
}))

const notFound = () =>
  TRPCClientError.from({
    error: { code: -32004, message: 'That topic was not found.', data: { code: 'NOT_FOUND' } },
  })

let run = 0
function mount(fetch: (id: string) => Promise<{ title: string; summary: string }>) {
  // Each test reads under its own name: the router's cache is shared by the whole file.
  const read = `test.item.${++run}`
  const history = createMemoryHistory()
  history.set({ value: `/topics/t${run}` })
  render(() => (
    <MemoryRouter history={history} root={(props) => <SignInProvider>{props.children}</SignInProvider>}>
      <Route
        path="/topics/:id"
        component={() => (
          <ItemPage kind="topic" read={read} fetch={fetch}>
            {(topic, refetch) => (
              <article>
                <h1>{topic().title}</h1>
                <p>{topic().summary}</p>
                <button type="button" onClick={() => void refetch()}>
                  Read again
                </button>
              </article>
            )}
          </ItemPage>
        )}
      />
    </MemoryRouter>
  ))
}

describe('ItemPage', () => {
  beforeEach(() => {
    me.current = null
    // The router's cache outlives a test: who is signed in must be asked again.
    query.clear()
  })
  afterEach(() => cleanup())

  it('says it is loading, then shows the item and names the tab after it', async () => {
    let resolve!: (topic: { title: string; summary: string }) => void
    const fetch = vi.fn(() => new Promise<{ title: string; summary: string }>((r) => (resolve = r)))
    mount(fetch)
    expect((await screen.findByRole('status')).textContent).toContain('Loading the topic…')
    // Asked once the session is known, for the item the address names.
    await waitFor(() => expect(fetch).toHaveBeenCalledWith(`t${run}`))
    resolve({ title: 'Lung cancer', summary: 'Genomic testing' })
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Lung cancer')
    expect(screen.getByText('Genomic testing')).toBeTruthy()
    await waitFor(() => expect(document.title).toBe('Lung cancer – APPG Hub'))
    expect(fetch).toHaveBeenCalledTimes(1)
  })

  it('follows the item when it is read again (after a write)', async () => {
    let n = 0
    mount(async () => ({ title: `Lung cancer ${++n}`, summary: '' }))
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Lung cancer 1')
    fireEvent.click(screen.getByRole('button', { name: 'Read again' }))
    await waitFor(() => expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Lung cancer 2'))
  })

  it('offers to sign in when, signed out, the item is not found (it may be for its groups only)', async () => {
    mount(async () => {
      throw notFound()
    })
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Sign in to continue')
    expect(screen.getByText(/sign in to see this topic/)).toBeTruthy()
  })

  it('says the page was not found when a signed-in person cannot see the item', async () => {
    me.current = {
      id: 'p1',
      email: 'a@example.org',
      displayName: 'A',
      kind: 'person',
      isSiteAdmin: false,
      groups: [],
      canElsewhere: {},
    }
    mount(async () => {
      throw notFound()
    })
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('Page not found')
  })
})
