import { A, type RouteSectionProps, useLocation, useNavigate } from '@solidjs/router'
import { createSignal, Show, Suspense } from 'solid-js'
import { useUnread } from '../lib/notifications'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import { SearchBox } from './SearchBox'

function Header() {
  const signIn = useSignIn()
  const unread = useUnread()
  const navigate = useNavigate()
  const location = useLocation()
  const [signingOut, setSigningOut] = createSignal(false)

  async function signOut() {
    if (signingOut()) return
    setSigningOut(true)
    try {
      await api.auth.signOut.mutate()
    } finally {
      setSigningOut(false)
      await signIn.refresh()
      navigate('/', { replace: false })
    }
  }

  const signInHref = () => {
    const here = location.pathname + location.search
    return here === '/' || here.startsWith('/sign-')
      ? '/sign-in'
      : `/sign-in?next=${encodeURIComponent(here)}`
  }

  return (
    <header class="site-header">
      <div class="site-header__inner width-container">
        <A href="/" class="site-header__name" end>
          <span class="site-header__mark" aria-hidden="true" />
          APPG Hub
        </A>
        <SearchBox />
        <nav class="site-nav" aria-label="Main">
          <ul class="site-nav__list">
            <li>
              <A href="/register" activeClass="is-current">
                Register
              </A>
            </li>
            <Show when={signIn.me()}>
              <li>
                <A href="/dashboard" activeClass="is-current">
                  My dashboard
                </A>
              </li>
              <li>
                <A href="/joint-work" activeClass="is-current">
                  Joint work
                </A>
              </li>
              <li>
                <A
                  href="/notifications"
                  activeClass="is-current"
                  class="site-nav__bell"
                  data-count={unread.count() ?? undefined}
                >
                  Notifications
                  <Show when={unread.count()}>
                    {(n) => (
                      <>
                        {' '}
                        <span class="count-badge">{n() > 99 ? '99+' : n()}</span>
                        <span class="visually-hidden"> unread</span>
                      </>
                    )}
                  </Show>
                </A>
              </li>
            </Show>
            {/* The server's flag (me.get), not a rule of the client's: the console refuses others too. */}
            <Show when={signIn.me()?.isSiteAdmin}>
              <li>
                <A href="/admin" activeClass="is-current">
                  Administration
                </A>
              </li>
            </Show>
            <Show when={signIn.demo()}>
              <li>
                <A href="/mailbox" activeClass="is-current">
                  Mailbox
                </A>
              </li>
            </Show>
          </ul>
          <div class="site-nav__account">
            <Show
              when={signIn.me()}
              fallback={
                <Show when={signIn.ready()}>
                  <A href={signInHref()} class="site-nav__signin">
                    Sign in
                  </A>
                </Show>
              }
            >
              {(me) => (
                <>
                  <A href="/account" class="site-nav__who" activeClass="is-current">
                    <span class="visually-hidden">Your account (signed in as </span>
                    {me().displayName}
                    <span class="visually-hidden">)</span>
                  </A>
                  <button
                    type="button"
                    class="site-nav__signout"
                    onClick={signOut}
                    aria-disabled={signingOut() ? 'true' : undefined}
                  >
                    Sign out
                  </button>
                </>
              )}
            </Show>
          </div>
        </nav>
      </div>
    </header>
  )
}

function Footer() {
  return (
    <footer class="site-footer">
      <div class="width-container site-footer__inner">
        <p>
          Group details come from the{' '}
          <a href="https://www.parliament.uk/mps-lords-and-offices/standards-and-financial-interests/parliamentary-commissioner-for-standards/registers-of-interests/register-of-all-party-party-parliamentary-groups/">
            Register of All-Party Parliamentary Groups
          </a>
          , published by the UK Parliament and reused under the{' '}
          <a href="https://www.parliament.uk/site-information/copyright-parliament/open-parliament-licence/">
            Open Parliament Licence v3.0
          </a>
          .
        </p>
        <p class="site-footer__small">
          APPG Hub is not an official Parliament service. All-Party Parliamentary Groups are informal,
          cross-party groups; they have no official status within Parliament.{' '}
          <A href="/privacy">Privacy: what we keep and why</A>.
        </p>
      </div>
    </footer>
  )
}

/** Says when new notifications arrive; it sits last in the page so that page regions come first. */
function UnreadAnnouncer() {
  const unread = useUnread()
  return (
    <p class="visually-hidden" role="status" aria-live="polite">
      {unread.announcement()}
    </p>
  )
}

export function Layout(props: RouteSectionProps) {
  const signIn = useSignIn()
  return (
    <>
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a link by convention; the handler makes sure focus moves */}
      <a
        href="#main-content"
        class="skip-link"
        onClick={(e) => {
          e.preventDefault()
          const main = document.getElementById('main-content')
          main?.focus()
          main?.scrollIntoView()
        }}
      >
        Skip to main content
      </a>
      <Header />
      {/* Unseen until who is signed in is known: the header then grows by a signed-in person's links,
          and would push down whatever was shown below it (Lighthouse counted it as layout shift). */}
      <div class="width-container" classList={{ 'is-waiting': !signIn.ready() }}>
        <main id="main-content" class="main" tabIndex={-1}>
          {/* Pages are loaded on first visit (App.tsx); the header and footer stay while one arrives. */}
          <Suspense>{props.children}</Suspense>
        </main>
      </div>
      <Footer />
      <UnreadAnnouncer />
    </>
  )
}
