import { For, Match, Show, Switch } from 'solid-js'
import type { DiffLine, RevisionDiff } from '../../lib/documents'
import { plural } from '../../lib/format'

/**
 * A line-by-line diff: removed lines (−) and added lines (+), the words changed inside them as
 * <del> and <ins>, so that the change is told by the markup and the signs, not by colour alone.
 */
export function DiffView(props: { diff: RevisionDiff }) {
  return (
    <section class="section" aria-labelledby="diff-heading">
      <h3 id="diff-heading" class="heading-m" tabIndex={-1}>
        Changes from revision {props.diff.from.number} to revision {props.diff.to.number}
      </h3>
      <p>
        {plural(props.diff.added, 'line')} added, {plural(props.diff.removed, 'line')} removed.
      </p>
      <Show
        when={props.diff.added + props.diff.removed > 0}
        fallback={<p>The two revisions have the same text.</p>}
      >
        <ol
          class="diff"
          aria-label={`Changes from revision ${props.diff.from.number} to ${props.diff.to.number}`}
        >
          <For each={props.diff.lines}>{(line) => <Line line={line} />}</For>
        </ol>
      </Show>
    </section>
  )
}

function Line(props: { line: DiffLine }) {
  return (
    <Switch>
      <Match when={props.line.kind === 'skipped' && props.line}>
        {(l) => <li class="diff__line diff__line--skipped">… {plural(l().count, 'unchanged line')} …</li>}
      </Match>
      <Match when={props.line.kind === 'same' && props.line}>
        {(l) => (
          <li class="diff__line diff__line--same">
            <span class="diff__num">{l().oldNumber}</span>
            <span class="diff__num">{l().newNumber}</span>
            <span class="diff__sign" aria-hidden="true" />
            <span>{l().text}</span>
          </li>
        )}
      </Match>
      <Match when={props.line.kind === 'removed' && props.line}>
        {(l) => (
          <li class="diff__line diff__line--removed">
            <span class="diff__num">{l().oldNumber}</span>
            <span class="diff__num" />
            <span class="diff__sign" aria-hidden="true">
              −
            </span>
            <span>
              <span class="visually-hidden">Removed: </span>
              <For each={l().parts}>{(part) => (part.changed ? <del>{part.text}</del> : part.text)}</For>
            </span>
          </li>
        )}
      </Match>
      <Match when={props.line.kind === 'added' && props.line}>
        {(l) => (
          <li class="diff__line diff__line--added">
            <span class="diff__num" />
            <span class="diff__num">{l().newNumber}</span>
            <span class="diff__sign" aria-hidden="true">
              +
            </span>
            <span>
              <span class="visually-hidden">Added: </span>
              <For each={l().parts}>{(part) => (part.changed ? <ins>{part.text}</ins> : part.text)}</For>
            </span>
          </li>
        )}
      </Match>
    </Switch>
  )
}
