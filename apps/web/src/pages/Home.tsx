import { A, useNavigate } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { createRead } from '../lib/data'
import { formatCount, plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

export default function Home() {
  useTitle(() => null)
  const signIn = useSignIn()
  const navigate = useNavigate()
  const [q, setQ] = createSignal('')
  const tags = createRead(
    'register.tags',
    () => true,
    () => api.register.tags.query(),
  )
  const topTags = () => [...(tags.data() ?? [])].sort((a, b) => b.count - a.count).slice(0, 8)

  return (
    <>
      <div class="hero">
        <Heading>Work across All-Party Parliamentary Groups</Heading>
        <p class="lead">
          APPG Hub is where the UK Parliament’s All-Party Parliamentary Groups work together: officers propose
          joint topics, secretariats co-edit briefings, and members sign up to sessions the groups host
          together. Anyone can search the Register of All-Party Parliamentary Groups here, and see who runs
          each group and who funds it.
        </p>
        <search class="search-form" aria-label="Register">
          <form
            onSubmit={(e) => {
              e.preventDefault()
              const query = q().trim()
              navigate(query ? `/register?q=${encodeURIComponent(query)}` : '/register')
            }}
          >
            <label for="home-search" class="label label--m">
              Search the Register
            </label>
            <p id="home-search-hint" class="hint">
              For example “cancer”, “Kenya” or the name of a charity that runs a secretariat
            </p>
            <div class="search-form__row">
              <input
                id="home-search"
                name="q"
                type="search"
                class="input"
                value={q()}
                onInput={(e) => setQ(e.currentTarget.value)}
                aria-describedby="home-search-hint"
                autocomplete="off"
              />
              <button type="submit" class="button button--primary search-form__button">
                Search
              </button>
            </div>
          </form>
        </search>
      </div>

      <section class="section" aria-labelledby="home-topics">
        <h2 id="home-topics" class="heading-l">
          Browse the Register by topic
        </h2>
        <Show
          when={tags.data()}
          fallback={
            <p class="hint">{tags.error() ? 'The topics could not be loaded.' : 'Loading topics…'}</p>
          }
        >
          <p>
            The Register lists groups on subjects and on countries, areas and regions, tagged with{' '}
            {plural(tags.data()!.length, 'topic')}. These are the largest:
          </p>
          <ul class="count-grid">
            <For each={topTags()}>
              {(tag) => (
                <li>
                  <A href={`/register?tag=${encodeURIComponent(tag.tag)}`} class="count-card">
                    <span class="count-card__number">{formatCount(tag.count)}</span>
                    <span class="count-card__label">{tag.tag}</span>
                  </A>
                </li>
              )}
            </For>
          </ul>
          <p>
            <A href="/register">See every group on the Register</A>
          </p>
        </Show>
      </section>

      <section class="section" aria-labelledby="home-groups">
        <h2 id="home-groups" class="heading-l">
          For officers, members and secretariats
        </h2>
        <Show
          when={signIn.me()}
          fallback={
            <>
              <p>Sign in to see your groups, manage who belongs to them, and work with other groups.</p>
              <div class="button-group">
                <A href="/sign-in" class="button button--primary">
                  Sign in
                </A>
                <A href="/sign-up" class="button button--secondary">
                  Create an account
                </A>
              </div>
              <p class="hint">If a group has invited you, open the link in your invitation email first.</p>
            </>
          }
        >
          {(me) => (
            <>
              <p>
                You are signed in as {me().displayName}
                {me().groups.length > 0 ? `, in ${plural(me().groups.length, 'group')}` : ''}.
              </p>
              <p>
                <A href="/dashboard" class="button button--primary">
                  Go to my dashboard
                </A>
              </p>
            </>
          )}
        </Show>
      </section>
    </>
  )
}
