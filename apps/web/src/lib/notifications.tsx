/**
 * The unread notification count for the header: asked for every 15 seconds while signed in and
 * whenever the window regains focus, so that new notifications show without reloading the page.
 * A rise is announced politely to screen readers; a fall (after reading) is not.
 */
import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type JSX,
  on,
  onCleanup,
  useContext,
} from 'solid-js'
import { createRead } from './data'
import { plural } from './format'
import { useSignIn } from './sign-in'
import { api } from './trpc'

export const POLL_MS = 15_000

export interface Unread {
  /** Unread notifications; null when signed out or not known yet. */
  count: Accessor<number | null>
  /** What the header's live region says (only when the count rises). */
  announcement: Accessor<string>
  refresh(): Promise<void>
  /** Sets the count after this client changed it (marked some read), without announcing. */
  set(count: number): void
}

const UnreadContext = createContext<Unread>()

export function UnreadProvider(props: { children: JSX.Element }) {
  const signIn = useSignIn()
  const read = createRead(
    'notifications.unreadCount',
    () => signIn.me()?.id,
    () => api.notifications.unreadCount.query(),
  )
  const count = () => (signIn.me() ? (read.data()?.count ?? null) : null)
  const [announcement, setAnnouncement] = createSignal('')
  // Set by this client (it marked some read): the next answer is not news.
  let quiet = false

  createEffect(
    on(count, (now, before) => {
      if (quiet) {
        quiet = false
        return
      }
      if (now === null || before === null || before === undefined || now <= before) return
      setAnnouncement(
        `${plural(now - before, 'new notification')}. ${plural(now, 'unread notification')} in all.`,
      )
    }),
  )

  const refresh = () => read.refetch()

  createEffect(
    on(
      () => signIn.me()?.id,
      (id) => {
        setAnnouncement('')
        if (!id) return
        const timer = setInterval(() => {
          if (document.visibilityState !== 'hidden') void refresh()
        }, POLL_MS)
        const onFocus = () => void refresh()
        const onVisible = () => {
          if (document.visibilityState === 'visible') void refresh()
        }
        window.addEventListener('focus', onFocus)
        document.addEventListener('visibilitychange', onVisible)
        onCleanup(() => {
          clearInterval(timer)
          window.removeEventListener('focus', onFocus)
          document.removeEventListener('visibilitychange', onVisible)
        })
      },
    ),
  )

  const unread: Unread = {
    count,
    announcement,
    refresh,
    set: (value) => {
      quiet = true
      read.mutate({ count: Math.max(0, value) })
    },
  }
  return <UnreadContext.Provider value={unread}>{props.children}</UnreadContext.Provider>
}

export function useUnread(): Unread {
  const unread = useContext(UnreadContext)
  if (!unread) throw new Error('useUnread outside UnreadProvider')
  return unread
}
