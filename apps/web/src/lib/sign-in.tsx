/** Who is signed in (me.get) and whether the demo world is on (dev.demoAccounts), for every page. */
import { useNavigate } from '@solidjs/router'
import {
  type Accessor,
  createContext,
  createEffect,
  createMemo,
  type JSX,
  on,
  untrack,
  useContext,
} from 'solid-js'
import { createRead } from './data'
import { api, type DemoAccounts, type GroupRights, type Me } from './trpc'

export interface SignIn {
  me: Accessor<Me | null>
  /** False until the first answer arrived. */
  ready: Accessor<boolean>
  demo: Accessor<DemoAccounts | null>
  refresh(): Promise<void>
  /** My role in a group, from me.get. */
  roleIn(slug: string): Me['groups'][number]['role'] | null
  /**
   * What I may do in a group, as the server's policy answered in me.get (never decided here); nothing
   * while signed out.
   */
  can(slug: string): GroupRights | null
}

const SignInContext = createContext<SignIn>()

export function SignInProvider(props: { children: JSX.Element }) {
  // Cached reads like any other: the router revalidates who I am after every action.
  const mine = createRead(
    'me.get',
    () => true,
    () => api.me.get.query(),
  )
  const demoAccounts = createRead(
    'dev.demoAccounts',
    () => true,
    () => api.dev.demoAccounts.query(),
  )
  const me = () => (mine.error() ? null : (mine.data() ?? null))
  // Once known, stays known: a reload of who I am (after signing in, say) must not take the page
  // back to "Loading…", which would throw away what it shows and what was typed into it.
  const ready = createMemo<boolean>((known) => known || !mine.loading(), false)
  const demo = () => (demoAccounts.error() ? null : (demoAccounts.data() ?? null))
  const refresh = () => mine.refetch()

  const signIn: SignIn = {
    me,
    ready,
    demo,
    refresh,
    roleIn: (slug) => me()?.groups.find((g) => g.slug === slug)?.role ?? null,
    can: (slug) => {
      const mine = me()
      return mine ? (mine.groups.find((g) => g.slug === slug)?.can ?? mine.canElsewhere) : null
    },
  }
  return <SignInContext.Provider value={signIn}>{props.children}</SignInContext.Provider>
}

export function useSignIn(): SignIn {
  const signIn = useContext(SignInContext)
  if (!signIn) throw new Error('useSignIn outside SignInProvider')
  return signIn
}

/**
 * On the sign-in and sign-up pages: someone already signed in when the page opens goes on to `next`.
 * Decided once, when who is signed in is first known: after the page itself signs someone in, it
 * navigates on its own, and a second navigation (with the next page's address already in place)
 * would send them elsewhere.
 */
export function useGoOnWhenSignedIn(next: () => string) {
  const signIn = useSignIn()
  const navigate = useNavigate()
  let decided = false
  createEffect(
    on(signIn.ready, (ready) => {
      if (!ready || decided) return
      decided = true
      if (untrack(signIn.me)) navigate(untrack(next), { replace: true })
    }),
  )
}
