import { signInInput } from '@appg-hub/schemas'
import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { createForm } from '../lib/form'
import { roleName, safeNext } from '../lib/format'
import { useTitle } from '../lib/page'
import { useGoOnWhenSignedIn, useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

type Params = { next?: string; email?: string }

export default function SignIn() {
  useTitle(() => 'Sign in')
  const [params] = useSearchParams<Params>()
  const navigate = useNavigate()
  const signIn = useSignIn()
  const next = () => safeNext(params.next)
  const [email, setEmail] = createSignal(typeof params.email === 'string' ? params.email : '')
  const [password, setPassword] = createSignal('')
  const [filled, setFilled] = createSignal('')
  let submitButton: HTMLButtonElement | undefined
  const form = createForm({
    schema: signInInput,
    prefix: 'signin',
    fields: ['email', 'password'],
    input: () => ({ email: email(), password: password() }),
    send: (input) => api.auth.signIn.mutate(input),
    onSent: async () => {
      // Where to go is read before the session reloads: the reload may already move the page on.
      const to = next()
      await signIn.refresh()
      navigate(to, { replace: true })
    },
  })

  // Already signed in: nothing to do here.
  useGoOnWhenSignedIn(next)

  async function submit(e: SubmitEvent) {
    // A refused sign-in (wrong password, too many tries) asks for the password again.
    if (!(await form.submit(e)) && form.general()) setPassword('')
  }

  const signUpHref = () => {
    const query = new URLSearchParams()
    if (params.next) query.set('next', next())
    if (email().trim()) query.set('email', email().trim())
    const s = query.toString()
    return s ? `/sign-up?${s}` : '/sign-up'
  }

  return (
    <div class="grid-row">
      <div class="grid-main grid-main--narrow">
        <Heading>Sign in</Heading>
        <ErrorSummary items={form.summary()} />
        <form onSubmit={submit} novalidate>
          <TextField
            id="signin-email"
            name="email"
            label="Email address"
            type="email"
            autocomplete="username"
            spellcheck={false}
            value={email()}
            onValue={setEmail}
            error={form.error('email')}
          />
          <TextField
            id="signin-password"
            name="password"
            label="Password"
            type="password"
            autocomplete="current-password"
            value={password()}
            onValue={setPassword}
            error={form.error('password')}
          />
          <Button type="submit" busy={form.busy()} ref={submitButton}>
            {form.busy() ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        <p>
          <A href="/reset-password">Forgotten your password?</A>
        </p>
        <p>
          No account yet? <A href={signUpHref()}>Create an account</A>.
        </p>
      </div>

      <Show when={signIn.demo()}>
        {(demo) => (
          <aside class="grid-side" aria-labelledby="demo-heading">
            <div class="demo-panel">
              <h2 id="demo-heading" class="heading-m">
                Demo accounts
              </h2>
              <p>
                This is a demonstration. Every demo account uses the password{' '}
                <code class="code">{demo().password}</code>.
              </p>
              <p class="visually-hidden" aria-live="polite">
                {filled()}
              </p>
              <ul class="demo-list">
                <For each={sortAccounts(demo().accounts)}>
                  {(account) => (
                    <li class="demo-list__item">
                      <span class="strong block">{account.name}</span>
                      <span class="block break-anywhere hint-inline">{account.email}</span>
                      <Show when={account.roles.length > 0}>
                        <ul class="demo-list__roles">
                          <For each={account.roles}>{(role) => <li>{describeRole(role)}</li>}</For>
                        </ul>
                      </Show>
                      <button
                        type="button"
                        class="button button--secondary button--small"
                        onClick={() => {
                          setEmail(account.email)
                          setPassword(demo().password)
                          form.clear()
                          setFilled(`Filled in the form for ${account.name}. Press Sign in.`)
                          submitButton?.focus()
                        }}
                      >
                        {/* The accessible name starts with the words on the button (WCAG 2.5.3). */}
                        Use this account<span class="visually-hidden"> ({account.name})</span>
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </aside>
        )}
      </Show>
    </div>
  )
}

const ORDER = ['chair', 'officer', 'secretariat', 'member', 'observer']

/** The accounts by their best role (chair first), the site administrator last. */
function sortAccounts<T extends { roles: string[]; name: string }>(accounts: T[]): T[] {
  const rank = (a: T) =>
    Math.min(...a.roles.map((r) => ORDER.indexOf(r.split(' ')[0]!)).filter((i) => i >= 0), ORDER.length)
  return [...accounts].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** "officer of All-Party Parliamentary Group on Cancer" → "Officer of All-Party Parliamentary Group on Cancer". */
function describeRole(text: string): string {
  const m = /^(chair|officer|secretariat|member|observer) of (.+)$/.exec(text)
  return m ? `${roleName(m[1]!)}, ${m[2]}` : text
}
