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
import { plural } from './format'
import { useSession } from './session'
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
  const session = useSession()
  const [count, setCount] = createSignal<number | null>(null)
  const [announcement, setAnnouncement] = createSignal('')
  let sequence = 0

  async function refresh() {
    if (!session.me()) return
    const mine = ++sequence
    try {
      const result = await api.notifications.unreadCount.query()
      if (mine !== sequence || !session.me()) return
      const before = count()
      setCount(result.count)
      if (before !== null && result.count > before) {
        const fresh = result.count - before
        setAnnouncement(
          `${plural(fresh, 'new notification')}. ${plural(result.count, 'unread notification')} in all.`,
        )
      }
    } catch {
      // Offline or signed out meanwhile: keep what is shown and try again at the next tick.
    }
  }

  createEffect(
    on(
      () => session.me()?.id,
      (id) => {
        sequence++
        setCount(null)
        setAnnouncement('')
        if (!id) return
        void refresh()
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
      sequence++
      setCount(Math.max(0, value))
    },
  }
  return <UnreadContext.Provider value={unread}>{props.children}</UnreadContext.Provider>
}

export function useUnread(): Unread {
  const unread = useContext(UnreadContext)
  if (!unread) throw new Error('useUnread outside UnreadProvider')
  return unread
}
