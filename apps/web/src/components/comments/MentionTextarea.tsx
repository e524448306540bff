import { createEffect, createSignal, For, type JSX, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { plural } from '../../lib/format'
import {
  displayText,
  insertMention,
  type Mention,
  mentionQuery,
  mentionsIn,
  storedText,
} from '../../lib/mentions'
import { debounce } from '../../lib/page'
import { api, type MentionCandidate } from '../../lib/trpc'
import { TextAreaField } from '../Form'

export type ItemType = 'topic' | 'meeting' | 'document'

/**
 * A textarea with @mention completion: typing `@` and letters lists the people who may read the
 * item; Up and Down move through them, Enter or Tab picks one, Escape closes the list. The
 * textarea shows `@Name`; `value` and `onValue` carry the stored `@[Name](person:id)`.
 */
export function MentionTextarea(props: {
  id: string
  label: JSX.Element
  hideLabel?: boolean
  hint?: JSX.Element
  error?: string | null
  value: string
  onValue: (value: string) => void
  itemType: ItemType
  itemId: string
  rows?: number
  ref?: (el: HTMLTextAreaElement) => void
}) {
  const [options, setOptions] = createSignal<MentionCandidate[]>([])
  const [open, setOpen] = createSignal(false)
  const [active, setActive] = createSignal(0)
  const [note, setNote] = createSignal('')
  // People picked here, beside those already in the value (an edited comment's mentions).
  const [picked, setPicked] = createSignal<Mention[]>([])
  const shown = () => displayText(props.value)
  const toStored = (text: string) => storedText(text, [...mentionsIn(props.value), ...picked()])
  let textarea: HTMLTextAreaElement | undefined
  let range: { start: number; query: string } | null = null
  const listId = () => `${props.id}-mentions`
  const optionId = (i: number) => `${props.id}-mention-${i}`

  // The letters after `@` last asked about (once typing pauses); null while no list is wanted.
  const [asked, setAsked] = createSignal<string | null>(null)
  const candidates = createRead(
    'comments.mentionCandidates',
    () => {
      const q = asked()
      return q !== null && { itemType: props.itemType, itemId: props.itemId, q }
    },
    (input) => api.comments.mentionCandidates.query(input),
  )
  const lookUp = debounce((query: string) => setAsked(query), 200)

  function close() {
    lookUp.flush()
    setAsked(null)
    setOpen(false)
    setOptions([])
    range = null
  }

  // The people found for the letters asked about open the list, while the textarea has the focus.
  createEffect(() => {
    const query = asked()
    if (query === null || candidates.loading()) return
    if (candidates.error()) return close()
    const found = candidates.data()
    if (!found || document.activeElement !== textarea) return
    setOptions(found)
    setActive(0)
    setOpen(true)
    setNote(
      found.length === 0
        ? `Nobody called “${query}” can read this.`
        : `${plural(found.length, 'person', 'people')} found. Use the up and down arrows, then Enter to choose.`,
    )
  })

  function onInput(value: string) {
    props.onValue(toStored(value))
    const caret = textarea?.selectionStart ?? value.length
    range = mentionQuery(value, caret)
    if (range) lookUp(range.query)
    else {
      lookUp.flush()
      close()
    }
  }

  function pick(person: MentionCandidate) {
    if (!range || !textarea) return
    const caret = range.start + range.query.length + 1
    const result = insertMention(shown(), range.start, caret, person)
    setPicked([...picked(), { id: person.id, name: person.name.replace(/[[\]]/g, '') }])
    props.onValue(toStored(result.text))
    close()
    setNote(`${person.name} mentioned.`)
    queueMicrotask(() => {
      textarea?.focus()
      textarea?.setSelectionRange(result.caret, result.caret)
    })
  }

  function onKeyDown(e: KeyboardEvent) {
    if (!open()) return
    const n = options().length
    if (e.key === 'Escape') {
      e.preventDefault()
      e.stopPropagation()
      close()
      setNote('Suggestions closed.')
      return
    }
    if (n === 0) return
    if (e.key === 'ArrowDown') {
      e.preventDefault()
      setActive((active() + 1) % n)
    } else if (e.key === 'ArrowUp') {
      e.preventDefault()
      setActive((active() - 1 + n) % n)
    } else if (e.key === 'Enter' || e.key === 'Tab') {
      e.preventDefault()
      pick(options()[active()]!)
    }
  }

  const expanded = () => open() && options().length > 0

  return (
    <div class="mention-field">
      <TextAreaField
        id={props.id}
        label={props.label}
        hideLabel={props.hideLabel}
        hint={props.hint ?? 'To mention someone, type @ and the start of their name.'}
        error={props.error}
        value={shown()}
        onValue={onInput}
        rows={props.rows ?? 4}
        ref={(el) => {
          textarea = el
          props.ref?.(el)
        }}
        textarea={{
          'aria-autocomplete': 'list',
          'aria-controls': expanded() ? listId() : undefined,
          'aria-activedescendant': expanded() ? optionId(active()) : undefined,
          onKeyDown,
          onBlur: () => {
            // Leave the list open while a pointer picks from it (mousedown keeps focus here).
            close()
          },
        }}
        after={
          <>
            <p class="visually-hidden" role="status" aria-live="polite">
              {note()}
            </p>
            <Show when={expanded()}>
              <div class="mention-field__list" role="listbox" id={listId()} aria-label="People to mention">
                <For each={options()}>
                  {(person, i) => (
                    <div
                      id={optionId(i())}
                      role="option"
                      tabIndex={-1}
                      class="mention-field__option"
                      classList={{ 'is-active': i() === active() }}
                      aria-selected={i() === active() ? 'true' : 'false'}
                      onMouseDown={(e) => {
                        e.preventDefault()
                        pick(person)
                      }}
                      onMouseMove={() => setActive(i())}
                    >
                      <span class="mention-field__name">{person.name}</span>
                      <Show when={person.organisation}>
                        <span class="mention-field__org">{person.organisation}</span>
                      </Show>
                    </div>
                  )}
                </For>
              </div>
            </Show>
          </>
        }
      />
    </div>
  )
}
