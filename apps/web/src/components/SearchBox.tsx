/**
 * The search box in the header of every page: submitting it opens `/search?q=…`. "/" anywhere
 * outside a text field moves focus to it, as on most sites with a search box.
 */
import { useLocation, useNavigate, useSearchParams } from '@solidjs/router'
import { createEffect, createSignal, onCleanup, onMount } from 'solid-js'

export function SearchBox() {
  const navigate = useNavigate()
  const location = useLocation()
  const [params] = useSearchParams<{ q?: string }>()
  const [text, setText] = createSignal('')
  let input: HTMLInputElement | undefined

  // On the search page the box shows what was searched for.
  createEffect(() => {
    if (location.pathname === '/search') setText(typeof params.q === 'string' ? params.q : '')
  })

  onMount(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return
      const target = e.target as HTMLElement | null
      if (target?.closest('input, textarea, select, [contenteditable="true"]')) return
      e.preventDefault()
      input?.focus()
    }
    document.addEventListener('keydown', onKey)
    onCleanup(() => document.removeEventListener('keydown', onKey))
  })

  return (
    <search class="header-search">
      <form
        action="/search"
        method="get"
        onSubmit={(e) => {
          e.preventDefault()
          const q = text().trim()
          navigate(q ? `/search?q=${encodeURIComponent(q)}` : '/search')
        }}
      >
        <label class="visually-hidden" for="header-search-q">
          Search the hub
        </label>
        <input
          ref={input}
          id="header-search-q"
          name="q"
          type="search"
          class="header-search__input"
          placeholder="Search groups, topics, sessions…"
          autocomplete="off"
          maxLength={500}
          value={text()}
          onInput={(e) => setText(e.currentTarget.value)}
        />
        <button type="submit" class="header-search__button">
          Search
        </button>
      </form>
    </search>
  )
}
