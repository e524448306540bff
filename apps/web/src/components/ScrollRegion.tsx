import type { JSX } from 'solid-js'

/**
 * A wide table (or other wide content) that scrolls sideways on a narrow screen inside its own
 * region. The region takes focus, so that people using a keyboard can scroll it with the arrow keys,
 * and is named, so that a screen reader says what it holds.
 */
export function ScrollRegion(props: { label: string; children: JSX.Element }) {
  return (
    // A named <section> is a region.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-wrap" aria-label={props.label} tabIndex={0}>
      {props.children}
    </section>
  )
}
