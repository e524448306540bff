import { createSignal, For, type JSX } from 'solid-js'

export interface Tab {
  id: string
  label: JSX.Element
  panel: () => JSX.Element
  /** False when the panel starts with something focusable of its own (a textarea). */
  focusable?: boolean
}

/**
 * Tabs in the WAI-ARIA manner: one tab stop for the row, arrow keys (and Home, End) move between
 * tabs and show each panel at once; the panel itself is the next tab stop. Every panel stays in
 * the page (hidden when not selected), so what is typed in one survives a look at another.
 */
export function Tabs(props: {
  /** Names the set of tabs for screen readers. */
  label: string
  /** Prefix for the ids of tabs and panels. */
  id: string
  tabs: Tab[]
  selected?: string
  onSelect?: (id: string) => void
  class?: string
}) {
  const [own, setOwn] = createSignal(props.selected ?? props.tabs[0]?.id ?? '')
  const selected = () => props.selected ?? own()
  const refs: Record<string, HTMLButtonElement> = {}

  function select(id: string, focus = false) {
    setOwn(id)
    props.onSelect?.(id)
    if (focus) queueMicrotask(() => refs[id]?.focus())
  }

  function onKeyDown(e: KeyboardEvent) {
    const ids = props.tabs.map((t) => t.id)
    const at = ids.indexOf(selected())
    const next =
      e.key === 'ArrowRight'
        ? ids[(at + 1) % ids.length]
        : e.key === 'ArrowLeft'
          ? ids[(at - 1 + ids.length) % ids.length]
          : e.key === 'Home'
            ? ids[0]
            : e.key === 'End'
              ? ids[ids.length - 1]
              : undefined
    if (next === undefined) return
    e.preventDefault()
    select(next, true)
  }

  return (
    <div class={`tabs ${props.class ?? ''}`}>
      <div class="tabs__list" role="tablist" aria-label={props.label}>
        <For each={props.tabs}>
          {(tab) => (
            <button
              type="button"
              role="tab"
              ref={(el) => {
                refs[tab.id] = el
              }}
              id={`${props.id}-tab-${tab.id}`}
              class="tabs__tab"
              aria-selected={selected() === tab.id ? 'true' : 'false'}
              aria-controls={`${props.id}-panel-${tab.id}`}
              tabIndex={selected() === tab.id ? 0 : -1}
              onClick={() => select(tab.id)}
              onKeyDown={onKeyDown}
            >
              {tab.label}
            </button>
          )}
        </For>
      </div>
      <For each={props.tabs}>
        {(tab) => (
          <div
            class="tabs__panel"
            role="tabpanel"
            id={`${props.id}-panel-${tab.id}`}
            aria-labelledby={`${props.id}-tab-${tab.id}`}
            tabIndex={tab.focusable === false ? undefined : 0}
            hidden={selected() !== tab.id}
          >
            {tab.panel()}
          </div>
        )}
      </For>
    </div>
  )
}
