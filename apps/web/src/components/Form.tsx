/** Form parts in the manner of the GOV.UK design system: label, hint, error, input, in that order. */
import { createEffect, For, type JSX, Show, splitProps } from 'solid-js'

type InputProps = JSX.InputHTMLAttributes<HTMLInputElement>

export interface TextFieldProps extends Omit<InputProps, 'onInput' | 'value'> {
  id: string
  label: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  value: string
  onValue: (value: string) => void
  /** Shows the label as a visually hidden one (for a search box with a visible button). */
  hideLabel?: boolean
  width?: 'full' | 'half' | 'third'
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

export function FieldError(props: { id: string; error?: string | null | undefined }) {
  return (
    <Show when={props.error}>
      <p id={`${props.id}-error`} class="field-error">
        <span class="visually-hidden">Error: </span>
        {props.error}
      </p>
    </Show>
  )
}

export function TextField(props: TextFieldProps) {
  const [own, rest] = splitProps(props, [
    'id',
    'label',
    'hint',
    'error',
    'value',
    'onValue',
    'hideLabel',
    'width',
    'class',
  ])
  return (
    <div class="field" classList={{ 'field--error': Boolean(own.error) }}>
      <label for={own.id} class="label" classList={{ 'visually-hidden': own.hideLabel }}>
        {own.label}
      </label>
      <Show when={own.hint}>
        <p id={`${own.id}-hint`} class="hint">
          {own.hint}
        </p>
      </Show>
      <FieldError id={own.id} error={own.error} />
      <input
        {...rest}
        id={own.id}
        name={rest.name ?? own.id}
        class={`input ${own.width ? `input--${own.width}` : ''} ${own.class ?? ''}`}
        value={own.value}
        onInput={(e) => own.onValue(e.currentTarget.value)}
        aria-describedby={describedBy(own.id, own.hint, own.error)}
        aria-invalid={own.error ? 'true' : undefined}
      />
    </div>
  )
}

export interface SelectFieldProps {
  id: string
  label: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  value: string
  onValue: (value: string) => void
  options: { value: string; label: string }[]
  hideLabel?: boolean
  inline?: boolean
}

export function SelectField(props: SelectFieldProps) {
  return (
    <div class="field" classList={{ 'field--error': Boolean(props.error), 'field--inline': props.inline }}>
      <label for={props.id} class="label" classList={{ 'visually-hidden': props.hideLabel }}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={props.id} error={props.error} />
      <select
        id={props.id}
        name={props.id}
        class="select"
        value={props.value}
        onChange={(e) => props.onValue(e.currentTarget.value)}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
        aria-invalid={props.error ? 'true' : undefined}
      >
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
    </div>
  )
}

export interface TextAreaFieldProps {
  id: string
  label: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  value: string
  onValue: (value: string) => void
  rows?: number
  hideLabel?: boolean
  maxLength?: number
  ref?: (el: HTMLTextAreaElement) => void
  /** Extra attributes for the textarea (ARIA for a completion list, key handlers). */
  textarea?: JSX.TextareaHTMLAttributes<HTMLTextAreaElement>
  /** Sits between the textarea and the end of the field, e.g. a completion list. */
  after?: JSX.Element
}

export function TextAreaField(props: TextAreaFieldProps) {
  return (
    <div class="field" classList={{ 'field--error': Boolean(props.error) }}>
      <label for={props.id} class="label" classList={{ 'visually-hidden': props.hideLabel }}>
        {props.label}
      </label>
      <Show when={props.hint}>
        <p id={`${props.id}-hint`} class="hint">
          {props.hint}
        </p>
      </Show>
      <FieldError id={props.id} error={props.error} />
      <textarea
        {...props.textarea}
        ref={props.ref}
        id={props.id}
        name={props.id}
        class="textarea"
        rows={props.rows ?? 5}
        maxLength={props.maxLength}
        value={props.value}
        onInput={(e) => props.onValue(e.currentTarget.value)}
        aria-describedby={
          [describedBy(props.id, props.hint, props.error), props.textarea?.['aria-describedby']]
            .filter(Boolean)
            .join(' ') || undefined
        }
        aria-invalid={props.error ? 'true' : undefined}
      />
      {props.after}
    </div>
  )
}

export interface Choice {
  value: string
  label: JSX.Element
  hint?: JSX.Element
}

/** A fieldset of radios or checkboxes; the legend names the question. */
function ChoiceGroup(props: {
  type: 'radio' | 'checkbox'
  id: string
  legend: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  choices: Choice[]
  isChecked: (value: string) => boolean
  onToggle: (value: string, checked: boolean) => void
  columns?: boolean
  small?: boolean
}) {
  return (
    <div class="field" classList={{ 'field--error': Boolean(props.error) }}>
      <fieldset
        class="fieldset"
        id={props.id}
        tabIndex={-1}
        aria-describedby={describedBy(props.id, props.hint, props.error)}
      >
        <legend class="fieldset__legend">{props.legend}</legend>
        <Show when={props.hint}>
          <p id={`${props.id}-hint`} class="hint">
            {props.hint}
          </p>
        </Show>
        <FieldError id={props.id} error={props.error} />
        <div class="choices" classList={{ 'choices--columns': props.columns, 'choices--small': props.small }}>
          <For each={props.choices}>
            {(choice, index) => {
              const inputId = `${props.id}-${index()}`
              return (
                <div class="checkbox" classList={{ 'checkbox--radio': props.type === 'radio' }}>
                  <input
                    id={inputId}
                    type={props.type}
                    name={props.id}
                    value={choice.value}
                    class="checkbox__input"
                    checked={props.isChecked(choice.value)}
                    onChange={(e) => props.onToggle(choice.value, e.currentTarget.checked)}
                    aria-describedby={choice.hint ? `${inputId}-hint` : undefined}
                  />
                  <div class="checkbox__text">
                    <label for={inputId} class="checkbox__label">
                      {choice.label}
                    </label>
                    <Show when={choice.hint}>
                      <p id={`${inputId}-hint`} class="checkbox__hint">
                        {choice.hint}
                      </p>
                    </Show>
                  </div>
                </div>
              )
            }}
          </For>
        </div>
      </fieldset>
    </div>
  )
}

export function RadioGroup(props: {
  id: string
  legend: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  choices: Choice[]
  value: string
  onValue: (value: string) => void
}) {
  return (
    <ChoiceGroup
      type="radio"
      id={props.id}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
      choices={props.choices}
      isChecked={(v) => v === props.value}
      onToggle={(v, checked) => checked && props.onValue(v)}
    />
  )
}

export function CheckboxGroup(props: {
  id: string
  legend: JSX.Element
  hint?: JSX.Element
  error?: string | null | undefined
  choices: Choice[]
  values: string[]
  onValues: (values: string[]) => void
  columns?: boolean
  small?: boolean
}) {
  return (
    <ChoiceGroup
      type="checkbox"
      id={props.id}
      legend={props.legend}
      hint={props.hint}
      error={props.error}
      choices={props.choices}
      columns={props.columns}
      small={props.small}
      isChecked={(v) => props.values.includes(v)}
      onToggle={(v, checked) =>
        props.onValues(
          checked ? [...props.values.filter((x) => x !== v), v] : props.values.filter((x) => x !== v),
        )
      }
    />
  )
}

export interface SummaryItem {
  /** The id of the field to jump to; none for an error about the whole form. */
  field?: string
  message: string
}

/**
 * "There is a problem": listed at the top of a form, each linked to its field, and focused when
 * it appears so that the person hears it first.
 */
export function ErrorSummary(props: {
  items: SummaryItem[]
  title?: string
  /** Needed when two forms on one page may both show a summary. */
  id?: string
}) {
  const titleId = () => `${props.id ?? 'error-summary'}-title`
  let el: HTMLDivElement | undefined
  createEffect(() => {
    if (props.items.length > 0) queueMicrotask(() => el?.focus())
  })
  return (
    <Show when={props.items.length > 0}>
      <div class="error-summary" role="alert" tabIndex={-1} ref={el} aria-labelledby={titleId()}>
        <h2 class="error-summary__title" id={titleId()}>
          {props.title ?? 'There is a problem'}
        </h2>
        <ul class="error-summary__list">
          <For each={props.items}>
            {(item) => (
              <li>
                <Show when={item.field} fallback={item.message}>
                  <a
                    href={`#${item.field}`}
                    onClick={(e) => {
                      e.preventDefault()
                      const target = document.getElementById(item.field!)
                      target?.focus()
                      target?.scrollIntoView({ block: 'center' })
                    }}
                  >
                    {item.message}
                  </a>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </div>
    </Show>
  )
}

export function Button(
  props: JSX.ButtonHTMLAttributes<HTMLButtonElement> & {
    variant?: 'primary' | 'secondary' | 'warning' | 'link'
    busy?: boolean
  },
) {
  const [own, rest] = splitProps(props, ['variant', 'busy', 'class', 'children', 'type'])
  return (
    <button
      {...rest}
      type={own.type ?? 'button'}
      class={`button button--${own.variant ?? 'primary'} ${own.class ?? ''}`}
      aria-disabled={own.busy ? 'true' : undefined}
      data-busy={own.busy ? '' : undefined}
    >
      {own.children}
    </button>
  )
}
