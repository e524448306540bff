/**
 * Forgotten passwords: asking for a link by email (`/reset-password`), then choosing a new
 * password from that link (`/reset-password/:token`).
 */
import { requestPasswordResetInput, resetPasswordInput } from '@appg-hub/schemas'
import { A, useNavigate, useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { createForm } from '../lib/form'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

function RequestLink() {
  const [email, setEmail] = createSignal('')
  const [sent, setSent] = createSignal<string | null>(null)
  const form = createForm({
    schema: requestPasswordResetInput,
    prefix: 'reset',
    fields: ['email'],
    input: () => ({ email: email() }),
    send: async (input) => {
      await api.auth.requestPasswordReset.mutate(input)
      return input.email
    },
    onSent: setSent,
  })

  return (
    <Show
      when={!sent()}
      fallback={
        <div class="panel" role="status" tabIndex={-1}>
          <h2 class="heading-m">Check your email</h2>
          <p>
            If {sent()} has an APPG Hub account, we have sent it a link to choose a new password. The link
            works once, for an hour.
          </p>
        </div>
      }
    >
      <p>We will email you a link to choose a new password.</p>
      <ErrorSummary items={form.summary()} />
      <form novalidate onSubmit={(e) => void form.submit(e)}>
        <TextField
          id="reset-email"
          label="Email address"
          type="email"
          autocomplete="username"
          spellcheck={false}
          width="half"
          value={email()}
          onValue={setEmail}
          error={form.error('email') ?? form.general() ?? undefined}
        />
        <Button type="submit" busy={form.busy()}>
          Send me a link
        </Button>
      </form>
    </Show>
  )
}

function ChooseNew(props: { token: string }) {
  const navigate = useNavigate()
  const signIn = useSignIn()
  const [password, setPassword] = createSignal('')
  const form = createForm({
    schema: resetPasswordInput,
    prefix: 'new',
    fields: ['password'],
    input: () => ({ token: props.token, password: password() }),
    send: (input) => api.auth.resetPassword.mutate(input),
    onSent: async () => {
      await signIn.refresh()
      navigate('/dashboard')
    },
  })

  return (
    <>
      <p>Every device signed in to your account will be signed out.</p>
      <ErrorSummary items={form.summary()} />
      {/* The link stopped working (used, expired): the message is general, and a new link is the way on. */}
      <Show when={form.general()}>
        <p>
          <A href="/reset-password">Ask for a new link</A>.
        </p>
      </Show>
      <form novalidate onSubmit={(e) => void form.submit(e)}>
        <TextField
          id="new-password"
          label="New password"
          hint="At least 10 characters. A few unrelated words make a strong one."
          type="password"
          autocomplete="new-password"
          width="half"
          value={password()}
          onValue={setPassword}
          error={form.error('password')}
        />
        <Button type="submit" busy={form.busy()}>
          Set new password
        </Button>
      </form>
    </>
  )
}

/** A link that cannot be used says so before anything else, and offers a new one; no form. */
function CheckedLink(props: { token: string }) {
  const link = createRead(
    'auth.checkResetLink',
    () => props.token,
    (token) => api.auth.checkResetLink.query({ token }),
  )
  useTitle(() => (link.error() ? 'This link cannot be used' : 'Choose a new password'))
  return (
    <Show
      when={!link.error()}
      fallback={
        <>
          <Heading>This link cannot be used</Heading>
          <p class="lead">{errorInfo(link.error()).message.replace(/^[A-Za-z][\w.]*: /, '')}</p>
          <p>
            <A class="button button--primary" href="/reset-password">
              Ask for a new link
            </A>
          </p>
        </>
      }
    >
      <Show when={link.data()} fallback={<Loading label="Checking the link…" />}>
        <Heading>Choose a new password</Heading>
        <ChooseNew token={props.token} />
      </Show>
    </Show>
  )
}

export default function ResetPassword() {
  const params = useParams<{ token?: string }>()
  // With a token, the checked link's page names itself (its effect runs after this one).
  useTitle(() => (params.token ? null : 'Forgotten your password'))
  return (
    <Show
      when={params.token}
      fallback={
        <>
          <Heading>Forgotten your password?</Heading>
          <RequestLink />
        </>
      }
    >
      {(token) => <CheckedLink token={token()} />}
    </Show>
  )
}
