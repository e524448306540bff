/** Who is signed in (me.get) and whether the demo world is on (dev.demoAccounts), for every page. */
import { type Accessor, createContext, createSignal, type JSX, onMount, useContext } from 'solid-js'
import { api, type DemoAccounts, type GroupRights, type Me } from './trpc'

export interface Session {
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

const SessionContext = createContext<Session>()

export function SessionProvider(props: { children: JSX.Element }) {
  const [me, setMe] = createSignal<Me | null>(null)
  const [ready, setReady] = createSignal(false)
  const [demo, setDemo] = createSignal<DemoAccounts | null>(null)

  async function refresh() {
    try {
      setMe(await api.me.get.query())
    } catch {
      setMe(null)
    } finally {
      setReady(true)
    }
  }

  onMount(() => {
    void refresh()
    api.dev.demoAccounts.query().then(
      (value) => setDemo(value),
      () => setDemo(null),
    )
  })

  const session: Session = {
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
  return <SessionContext.Provider value={session}>{props.children}</SessionContext.Provider>
}

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) throw new Error('useSession outside SessionProvider')
  return session
}
