import { A, useSearchParams } from '@solidjs/router'
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { Loading } from '../components/Status'
import { StatusBadge, TagList } from '../components/Tags'
import { createPagedRead, createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatCount, plural, truncate } from '../lib/format'
import { debounce, useTitle } from '../lib/page'
import { api } from '../lib/trpc'

const PAGE_SIZE = 20

type Params = { q?: string; tag?: string; status?: string }

export default function Register() {
  const [params, setParams] = useSearchParams<Params>()
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? ''
  const filters = createMemo(
    () => ({ q: one(params.q).trim(), tag: one(params.tag), all: one(params.status) === 'all' }),
    undefined,
    { equals: (a, b) => a.q === b.q && a.tag === b.tag && a.all === b.all },
  )
  useTitle(() =>
    filters().q ? `“${filters().q}” – Register` : filters().tag ? `${filters().tag} – Register` : 'Register',
  )

  const [text, setText] = createSignal(filters().q)
  // The back button changes the URL under the search box: follow it.
  createEffect(
    on(
      () => filters().q,
      (q) => {
        if (q !== text().trim()) setText(q)
      },
      { defer: true },
    ),
  )
  const pushQuery = debounce(
    (value: string) => setParams({ q: value.trim() || undefined }, { replace: true }),
    350,
  )

  const tags = createRead(
    'register.tags',
    () => true,
    () => api.register.tags.query(),
  )

  const list = createPagedRead('register.list', filters, (f, cursor) =>
    api.register.list.query({
      q: f.q || undefined,
      tag: f.tag || undefined,
      status: f.all ? 'all' : 'registered',
      cursor,
      limit: PAGE_SIZE,
    }),
  )
  const items = list.items
  const loading = list.loading
  const error = () => (list.error() ? errorInfo(list.error()).message : null)
  const [announcement, setAnnouncement] = createSignal('')
  let list_: HTMLUListElement | undefined

  // Say how many groups a new search found, once it arrived.
  createEffect(
    on(loading, (now, before) => {
      if (before && !now) setAnnouncement(countText())
    }),
  )

  async function showMore() {
    const before = items().length
    const added = await list.showMore()
    if (added === 0) return
    setAnnouncement(`${plural(added, 'more group')} shown. ${countText()}`)
    // Continue reading where the new results begin.
    queueMicrotask(() => list_?.querySelectorAll<HTMLAnchorElement>('.card__title a')[before]?.focus())
  }

  const tagCount = () => tags.data()?.find((t) => t.tag === filters().tag)?.count
  /** The API gives no total, so it is known only when every page is in, or from the topic counts. */
  function countText(): string {
    const n = items().length
    if (n === 0) return 'No groups match.'
    if (!list.hasMore()) return `${plural(n, 'group')} found.`
    const f = filters()
    const total = !f.q && !f.all ? tagCount() : undefined
    return total
      ? `Showing ${formatCount(n)} of ${plural(total, 'group')}.`
      : `Showing the first ${plural(n, 'group')}.`
  }

  const tagOptions = () => tags.data() ?? []

  return (
    <>
      <Heading caption="Register">All-Party Parliamentary Groups</Heading>
      <p class="lead">
        Search the groups registered with the House of Commons: what they are for, who their officers are, who
        runs their secretariat and what benefits they have received.
      </p>

      <div class="filter-layout">
        <search class="filters" aria-label="Register">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              pushQuery.flush()
              setParams({ q: text().trim() || undefined }, { replace: false })
            }}
          >
            <h2 class="heading-s visually-hidden">Filter the Register</h2>
            <div class="field">
              <label class="label" for="register-q">
                Search
              </label>
              <p class="hint" id="register-q-hint">
                Title, purpose or secretariat
              </p>
              <div class="search-form__row">
                <input
                  id="register-q"
                  name="q"
                  type="search"
                  class="input"
                  value={text()}
                  autocomplete="off"
                  aria-describedby="register-q-hint"
                  onInput={(e) => {
                    setText(e.currentTarget.value)
                    pushQuery(e.currentTarget.value)
                  }}
                />
                <button type="submit" class="button button--primary search-form__button">
                  Search
                </button>
              </div>
            </div>

            <div class="field">
              <label class="label" for="register-tag">
                Topic
              </label>
              <select
                id="register-tag"
                name="tag"
                class="select select--full"
                onChange={(e) => setParams({ tag: e.currentTarget.value || undefined })}
              >
                <option value="" selected={!filters().tag}>
                  All topics
                </option>
                <For each={tagOptions()}>
                  {(tag) => (
                    <option value={tag.tag} selected={tag.tag === filters().tag}>
                      {tag.tag} ({tag.count})
                    </option>
                  )}
                </For>
                <Show when={filters().tag && tags.data() && !tagCount()}>
                  <option value={filters().tag} selected>
                    {filters().tag}
                  </option>
                </Show>
              </select>
            </div>

            <div class="checkbox">
              <input
                id="register-all"
                type="checkbox"
                class="checkbox__input"
                checked={filters().all}
                onChange={(e) => setParams({ status: e.currentTarget.checked ? 'all' : undefined })}
              />
              <label for="register-all" class="checkbox__label">
                Include groups no longer on the Register
              </label>
            </div>

            <Show when={filters().q || filters().tag || filters().all}>
              <p>
                <A href="/register" class="link-secondary">
                  Clear search and filters
                </A>
              </p>
            </Show>
          </form>
        </search>

        <section class="results" aria-labelledby="results-heading">
          <h2 id="results-heading" class="visually-hidden">
            Results
          </h2>
          <p class="results__count" aria-hidden={loading() ? 'true' : undefined}>
            <Show
              when={!loading() || items().length > 0}
              fallback={<Loading label="Searching the Register…" />}
            >
              <strong>{countText()}</strong>
              <Show when={filters().tag}>
                {' '}
                Topic: <strong>{filters().tag}</strong>.
              </Show>
              <Show when={filters().q}>
                {' '}
                Matching “<strong>{filters().q}</strong>”.
              </Show>
            </Show>
          </p>
          <div class="visually-hidden" role="status" aria-live="polite">
            {announcement()}
          </div>

          <Show when={error()}>
            <div class="alert alert--error" role="alert">
              {error()}
            </div>
          </Show>

          <Show when={!loading() && items().length === 0 && !error()}>
            <div class="empty">
              <h3 class="heading-m">No groups match your search</h3>
              <p>Improve your results by:</p>
              <ul class="list list--bullet">
                <li>checking your spelling</li>
                <li>searching for fewer or more general words</li>
                <li>choosing “All topics”</li>
              </ul>
            </div>
          </Show>

          <ul class="card-list" ref={list_} classList={{ 'is-stale': loading() }}>
            <For each={items()}>
              {(group) => (
                <li class="card">
                  <h3 class="card__title">
                    <A href={`/groups/${group.slug}`}>{group.title}</A>
                  </h3>
                  <p class="card__meta">
                    {group.category ?? 'Group'} <StatusBadge status={group.status} />
                  </p>
                  <Show when={group.purpose}>
                    <p class="card__text">{truncate(group.purpose, 200)}</p>
                  </Show>
                  <TagList tags={group.tags} label={`Topics of ${group.title}`} />
                </li>
              )}
            </For>
          </ul>

          <Show when={list.hasMore() && !loading()}>
            <p class="show-more">
              <button
                type="button"
                class="button button--secondary"
                onClick={showMore}
                aria-disabled={list.loadingMore() ? 'true' : undefined}
              >
                {list.loadingMore() ? 'Loading…' : 'Show more groups'}
              </button>
            </p>
          </Show>
        </section>
      </div>
    </>
  )
}
