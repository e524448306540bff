/**
 * `/search?q=…`: everything the reader may read that matches, ranked, with filters by kind, group
 * and date, and "Show more results" paging with the server's cursor. Snippets arrive as segments
 * of plain text; matched words are rendered in <mark>, and every segment as text, never as HTML.
 */
import { A, useSearchParams } from '@solidjs/router'
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { ShowMore } from '../components/ShowMore'
import { Loading } from '../components/Status'
import { createPagedRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDate, plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import '../styles/search.css'

type SearchPage = Awaited<ReturnType<typeof api.search.query.query>>
type Result = SearchPage['items'][number]
type Kind = Result['type']

const KINDS: { value: Kind; label: string }[] = [
  { value: 'group', label: 'Groups' },
  { value: 'topic', label: 'Topics' },
  { value: 'session', label: 'Sessions' },
  { value: 'document', label: 'Documents' },
  { value: 'comment', label: 'Comments' },
]
const KIND_NAME: Record<Kind, string> = {
  group: 'Group',
  topic: 'Topic',
  session: 'Session',
  document: 'Document',
  comment: 'Comment',
}
const PAGE_SIZE = 20
const DAY = /^\d{4}-\d{2}-\d{2}$/

type Params = { q?: string; type?: string; group?: string; from?: string; to?: string }

export default function Search() {
  const signIn = useSignIn()
  const [params, setParams] = useSearchParams<Params>()
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
  const filters = createMemo(
    () => {
      const types = one(params.type)
        .split(',')
        .filter((t): t is Kind => KINDS.some((k) => k.value === t))
      const day = (v: string) => (DAY.test(v) ? v : '')
      return {
        q: one(params.q).trim().slice(0, 500),
        types,
        group: one(params.group),
        from: day(one(params.from)),
        to: day(one(params.to)),
      }
    },
    undefined,
    { equals: (a, b) => JSON.stringify(a) === JSON.stringify(b) },
  )
  useTitle(() => (filters().q ? `“${filters().q}” – Search` : 'Search'))

  const [text, setText] = createSignal(filters().q)
  createEffect(
    on(
      () => filters().q,
      (q) => setText(q),
      { defer: true },
    ),
  )

  const list = createPagedRead(
    'search.query',
    () => (filters().q ? filters() : false),
    (f, cursor) =>
      api.search.query.query({
        q: f.q,
        types: f.types.length > 0 ? f.types : undefined,
        group: f.group || undefined,
        from: f.from || undefined,
        to: f.to || undefined,
        cursor,
        limit: PAGE_SIZE,
      }),
  )

  const countText = () => {
    const n = list.items().length
    if (n === 0) return 'Nothing you can read matches.'
    return list.hasMore() ? `Showing the best ${plural(n, 'result')}.` : `${plural(n, 'result')} found.`
  }

  function toggleKind(kind: Kind, on: boolean) {
    const next = new Set(filters().types)
    if (on) next.add(kind)
    else next.delete(kind)
    setParams({ type: [...next].join(',') || undefined })
  }

  /** My groups first, then the groups of the results shown, so that anyone can narrow to one. */
  const groupOptions = () => {
    const options = new Map<string, string>()
    for (const g of signIn.me()?.groups ?? []) options.set(g.slug, g.title)
    for (const r of list.items())
      for (const g of r.groups) if (!options.has(g.slug)) options.set(g.slug, g.title)
    const current = filters().group
    if (current && !options.has(current)) options.set(current, current)
    return [...options].map(([slug, title]) => ({ slug, title }))
  }

  return (
    <>
      <Heading caption="Search">Search the hub</Heading>
      <div class="filter-layout">
        <search class="filters" aria-label="Search the hub">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              setParams({ q: text().trim() || undefined })
            }}
          >
            <div class="field">
              <label class="label" for="search-q">
                Search for
              </label>
              <p class="hint" id="search-q-hint">
                All words must match. Use "quotes" for a phrase and -word to leave a word out.
              </p>
              <div class="search-form__row">
                <input
                  id="search-q"
                  name="q"
                  type="search"
                  class="input"
                  maxLength={500}
                  autocomplete="off"
                  aria-describedby="search-q-hint"
                  value={text()}
                  onInput={(e) => setText(e.currentTarget.value)}
                />
                <button type="submit" class="button button--primary search-form__button">
                  Search
                </button>
              </div>
            </div>

            <fieldset class="fieldset">
              <legend class="label">Kind</legend>
              <For each={KINDS}>
                {(kind) => (
                  <div class="checkbox">
                    <input
                      id={`search-kind-${kind.value}`}
                      type="checkbox"
                      class="checkbox__input"
                      checked={filters().types.includes(kind.value)}
                      onChange={(e) => toggleKind(kind.value, e.currentTarget.checked)}
                    />
                    <label for={`search-kind-${kind.value}`} class="checkbox__label">
                      {kind.label}
                    </label>
                  </div>
                )}
              </For>
            </fieldset>

            <div class="field">
              <label class="label" for="search-group">
                Group
              </label>
              <select
                id="search-group"
                class="select select--full"
                onChange={(e) => setParams({ group: e.currentTarget.value || undefined })}
              >
                <option value="" selected={!filters().group}>
                  Any group
                </option>
                <For each={groupOptions()}>
                  {(g) => (
                    <option value={g.slug} selected={g.slug === filters().group}>
                      {g.title}
                    </option>
                  )}
                </For>
              </select>
            </div>

            <div class="search-dates">
              <div class="field">
                <label class="label" for="search-from">
                  Changed from
                </label>
                <input
                  id="search-from"
                  type="date"
                  class="input"
                  value={filters().from}
                  onChange={(e) => setParams({ from: e.currentTarget.value || undefined })}
                />
              </div>
              <div class="field">
                <label class="label" for="search-to">
                  to
                </label>
                <input
                  id="search-to"
                  type="date"
                  class="input"
                  value={filters().to}
                  onChange={(e) => setParams({ to: e.currentTarget.value || undefined })}
                />
              </div>
            </div>

            <Show when={filters().types.length > 0 || filters().group || filters().from || filters().to}>
              <p>
                <A href={`/search?q=${encodeURIComponent(filters().q)}`} class="link-secondary">
                  Clear the filters
                </A>
              </p>
            </Show>
          </form>
        </search>

        <section class="results" aria-labelledby="search-results-heading">
          <h2 id="search-results-heading" class="visually-hidden">
            Results
          </h2>
          <Show
            when={filters().q}
            fallback={
              <p class="lead">
                Type a few words to search the groups, topics, sessions, documents and comments you can read.
              </p>
            }
          >
            <p class="results__count">
              <Show when={!list.loading()} fallback={<Loading label="Searching…" />}>
                <strong>{countText()}</strong> Matching “<strong>{filters().q}</strong>”.
              </Show>
            </p>
            <div class="visually-hidden" role="status" aria-live="polite">
              {list.loading() ? '' : countText()}
            </div>
            <Show when={list.error()}>
              {(e) => (
                <div class="alert alert--error" role="alert">
                  {errorInfo(e()).message}
                </div>
              )}
            </Show>
            <ol
              id="search-results"
              class="card-list search-results"
              classList={{ 'is-stale': list.loading() }}
            >
              <For each={list.items()}>
                {(result) => (
                  <li class="card search-result">
                    <p class="search-result__kind">
                      <span
                        class={`badge badge--${result.type === 'group' ? 'blue' : result.type === 'comment' ? 'grey' : 'teal'}`}
                      >
                        {KIND_NAME[result.type]}
                      </span>
                    </p>
                    <h3 class="card__title">
                      <A href={result.url}>{result.title}</A>
                    </h3>
                    <Show when={result.snippet.length > 0}>
                      <p class="card__text search-result__snippet">
                        <For each={result.snippet}>
                          {(part) => (part.match ? <mark>{part.text}</mark> : part.text)}
                        </For>
                      </p>
                    </Show>
                    <p class="card__meta">
                      <Show when={result.type !== 'group' && result.groups.length > 0}>
                        <span class="search-result__groups">
                          <For each={result.groups}>
                            {(g, i) => (
                              <>
                                {i() > 0 ? ', ' : ''}
                                <A href={`/groups/${g.slug}`}>{g.title}</A>
                              </>
                            )}
                          </For>
                        </span>
                        {' · '}
                      </Show>
                      Updated <time datetime={result.updatedAt}>{formatDate(result.updatedAt)}</time>
                    </p>
                  </li>
                )}
              </For>
            </ol>
            <Show when={!list.loading() && list.items().length === 0 && !list.error()}>
              <div class="empty">
                <p>Try fewer or more general words, or clear the filters.</p>
              </div>
            </Show>
            <ShowMore
              list={list}
              label="Show more results"
              listId="search-results"
              focusSelector=".card__title a"
            />
          </Show>
        </section>
      </div>
    </>
  )
}
