/**
 * The gate of the site administrator's pages: signed out, an offer to sign in; signed in as anyone
 * else, a refusal with a heading (what the server would answer too: FORBIDDEN); otherwise the page.
 */
import { type JSX, Show } from 'solid-js'
import { useSignIn } from '../lib/sign-in'
import { Loading, PageError } from './Status'

export function AdminOnly(props: { children: JSX.Element }) {
  const signIn = useSignIn()
  return (
    <Show when={signIn.ready()} fallback={<Loading />}>
      <Show
        when={signIn.me()?.isSiteAdmin}
        fallback={
          signIn.me() ? (
            <PageError code="FORBIDDEN" message="Only a site administrator can see this page." />
          ) : (
            <PageError code="UNAUTHORIZED" what="this page" />
          )
        }
      >
        {props.children}
      </Show>
    </Show>
  )
}
