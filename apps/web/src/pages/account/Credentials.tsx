import { changeEmailInput, changePasswordInput } from '@appg-hub/schemas'
/** Changing my password (which signs out every other device) and my email address. */
import { createSignal } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../../components/Form'
import { ActionStatus } from '../../components/Status'
import { createForm } from '../../lib/form'
import { useSession } from '../../lib/session'
import { api } from '../../lib/trpc'

export function PasswordSection() {
  const [currentPassword, setCurrent] = createSignal('')
  const [newPassword, setNew] = createSignal('')
  const [message, setMessage] = createSignal<string | null>(null)
  const form = createForm({
    schema: changePasswordInput,
    prefix: '',
    fields: ['currentPassword', 'newPassword'],
    input: () => ({ currentPassword: currentPassword(), newPassword: newPassword() }),
    send: (input) => api.auth.changePassword.mutate(input),
    onSent: () => {
      setCurrent('')
      setNew('')
      setMessage('Your password is changed. Other devices are signed out.')
    },
  })
  return (
    <section class="section" aria-labelledby="password-heading">
      <h2 id="password-heading" class="heading-l">
        Change your password
      </h2>
      <p>Every other device you are signed in on will be signed out.</p>
      <ErrorSummary id="password-errors" items={form.summary()} />
      <ActionStatus message={message()} error={null} />
      <form
        novalidate
        onSubmit={(e) => {
          setMessage(null)
          void form.submit(e)
        }}
      >
        <TextField
          width="half"
          id="currentPassword"
          label="Current password"
          type="password"
          autocomplete="current-password"
          value={currentPassword()}
          onValue={setCurrent}
          error={form.error('currentPassword')}
        />
        <TextField
          width="half"
          id="newPassword"
          label="New password"
          hint="At least 10 characters. A few unrelated words make a strong one."
          type="password"
          autocomplete="new-password"
          value={newPassword()}
          onValue={setNew}
          error={form.error('newPassword')}
        />
        <Button type="submit" busy={form.busy()}>
          Change password
        </Button>
      </form>
    </section>
  )
}

export function EmailSection() {
  const session = useSession()
  const [newEmail, setEmail] = createSignal('')
  const [password, setPassword] = createSignal('')
  const [message, setMessage] = createSignal<string | null>(null)
  const form = createForm({
    schema: changeEmailInput,
    prefix: '',
    fields: ['newEmail', 'password'],
    input: () => ({ newEmail: newEmail(), password: password() }),
    send: (input) => api.auth.changeEmail.mutate(input),
    onSent: async (result) => {
      setEmail('')
      setPassword('')
      await session.refresh()
      setMessage(`Your email address is now ${result.email}.`)
    },
  })
  return (
    <section class="section" aria-labelledby="email-heading">
      <h2 id="email-heading" class="heading-l">
        Change your email address
      </h2>
      <p>
        You sign in with your email address and the hub writes to it. We will tell your old address about the
        change.
      </p>
      <ErrorSummary id="email-errors" items={form.summary()} />
      <ActionStatus message={message()} error={null} />
      <form
        novalidate
        onSubmit={(e) => {
          setMessage(null)
          void form.submit(e)
        }}
      >
        <TextField
          width="half"
          id="newEmail"
          label="New email address"
          type="email"
          autocomplete="email"
          spellcheck={false}
          value={newEmail()}
          onValue={setEmail}
          error={form.error('newEmail')}
        />
        <TextField
          width="half"
          id="password"
          label="Your password"
          hint="To make sure it is you."
          type="password"
          autocomplete="current-password"
          value={password()}
          onValue={setPassword}
          error={form.error('password')}
        />
        <Button type="submit" busy={form.busy()}>
          Change email address
        </Button>
      </form>
    </section>
  )
}
