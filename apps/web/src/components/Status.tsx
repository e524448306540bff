import { A, useLocation } from '@solidjs/router'
import { createEffect, type JSX, Match, Show, Switch } from 'solid-js'
import { errorInfo } from '../lib/errors'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { Heading } from './Heading'

export function Loading(props: { label?: string }) {
  return (
    <p class="loading" role="status">
      <span class="spinner" aria-hidden="true" />
      {props.label ?? 'Loading…'}
    </p>
  )
}

/**
 * A page that could not load: not found, not signed in, not allowed, or a failure. It is the
 * page's <h1>, so it carries the title and receives focus.
 */
export function PageError(props: {
  error?: unknown
  code?: 'UNAUTHORIZED' | 'NOT_FOUND' | 'FORBIDDEN'
  /** What to say with `code` (by default, that the page was not found). */
  message?: string
  what?: string
  /**
   * A topic, session or document: one that does not exist and one kept to its groups answer alike
   * (NOT_FOUND). Signed out, the page offers to sign in; signed in, it is not found. The same for
   * every item page.
   */
  item?: boolean
}) {
  const location = useLocation()
  const signIn = useSignIn()
  const info = () => {
    if (props.code)
      return { code: props.code, message: props.message ?? 'That page was not found.', field: null }
    const found = errorInfo(props.error)
    if (props.item && found.code === 'NOT_FOUND' && signIn.ready() && !signIn.me())
      return { ...found, code: 'UNAUTHORIZED' }
    return found
  }
  const next = () => encodeURIComponent(location.pathname + location.search)
  useTitle(() =>
    info().code === 'NOT_FOUND'
      ? 'Page not found'
      : info().code === 'UNAUTHORIZED'
        ? 'Sign in'
        : info().code === 'BAD_REQUEST'
          ? 'Link not valid'
          : 'There is a problem',
  )
  return (
    <Switch>
      <Match when={info().code === 'NOT_FOUND'}>
        <Heading>Page not found</Heading>
        <p class="lead">{info().message}</p>
        <p>
          If you typed the web address, check it is correct. You can{' '}
          <A href="/register">search the Register</A> for a group.
        </p>
      </Match>
      <Match when={info().code === 'UNAUTHORIZED'}>
        <Heading>Sign in to continue</Heading>
        <p class="lead">
          {props.item
            ? `It does not exist, or only its groups can see it: sign in to see ${props.what ?? 'it'}.`
            : `You need to sign in to see ${props.what ?? 'this page'}.`}
        </p>
        <p>
          <A class="button button--primary" href={`/sign-in?next=${next()}`}>
            Sign in
          </A>
        </p>
        <p>
          No account yet? <A href={`/sign-up?next=${next()}`}>Create an account</A>.
        </p>
      </Match>
      <Match when={info().code === 'BAD_REQUEST'}>
        <Heading>This link is not valid</Heading>
        <p class="lead">{info().message.replace(/^[A-Za-z][\w.]*: /, '')}</p>
        <p>
          Check that you copied the whole web address. You can <A href="/register">search the Register</A>{' '}
          instead.
        </p>
      </Match>
      <Match when={info().code === 'FORBIDDEN'}>
        <Heading>You cannot see this page</Heading>
        <p class="lead">{info().message}</p>
      </Match>
      <Match when={true}>
        <Heading>Sorry, there is a problem</Heading>
        <p class="lead">{info().message}</p>
        <p>Try again later, or reload the page.</p>
      </Match>
    </Switch>
  )
}

/** An error that leaves the page usable: shown in an alert region above the content. */
export function Alert(props: { children: JSX.Element; title?: string }) {
  return (
    <div class="alert alert--error" role="alert">
      <Show when={props.title}>
        <h2 class="alert__title">{props.title}</h2>
      </Show>
      <div>{props.children}</div>
    </div>
  )
}

/** A success message; put it inside a live region that exists before it appears. */
export function Success(props: { children: JSX.Element; title?: string }) {
  return (
    <div class="alert alert--success">
      <Show when={props.title}>
        <h2 class="alert__title">{props.title}</h2>
      </Show>
      <div>{props.children}</div>
    </div>
  )
}

/**
 * The outcome of the last action in a part of the page: success in a polite live region (which
 * is in the page before anything is said in it), an error as an alert.
 */
export function ActionStatus(props: {
  message: string | null
  error: string | null
  compact?: boolean
  /** Move focus to the message, when the button that was pressed has gone from the page. */
  focus?: boolean
}) {
  let success: HTMLDivElement | undefined
  createEffect(() => {
    if (props.focus && props.message) queueMicrotask(() => success?.focus())
  })
  return (
    <>
      <div class="live-region" role="status" aria-live="polite">
        <Show when={props.message}>
          <div
            class="alert alert--success"
            classList={{ 'alert--compact': props.compact }}
            tabIndex={-1}
            ref={success}
          >
            {props.message}
          </div>
        </Show>
      </div>
      <Show when={props.error}>
        <div class="alert alert--error" classList={{ 'alert--compact': props.compact }} role="alert">
          {props.error}
        </div>
      </Show>
    </>
  )
}
