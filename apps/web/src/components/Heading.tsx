import { useLocation } from '@solidjs/router'
import type { JSX } from 'solid-js'
import { focusOnNavigation } from '../lib/page'

/** The page's one <h1>; it receives focus after each navigation. */
export function Heading(props: { children: JSX.Element; caption?: JSX.Element }) {
  const location = useLocation()
  return (
    <div class="page-heading">
      {props.caption && <span class="caption">{props.caption}</span>}
      <h1 tabIndex={-1} ref={(el) => focusOnNavigation(el, location.pathname)}>
        {props.children}
      </h1>
    </div>
  )
}
