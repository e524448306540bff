/** My name and organisation; changing my password (which signs out every other device) and my email address. */
import { changeEmailInput, changePasswordInput, updateProfileInput } from '@appg-hub/schemas'
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../../components/Form'
import { ActionStatus, Loading } from '../../components/Status'
import { createRead } from '../../lib/data'
import { createForm } from '../../lib/form'
import { useSession } from '../../lib/session'
import { api } from '../../lib/trpc'

export function ProfileSection() {
  const session = useSession()
  const profile = createRead(
    'people.profile',
    () => true,
    () => api.people.profile.query(),
  )
  // Edits, until saved; the stored values show until then.
  const [displayName, setDisplayName] = createSignal<string | null>(null)
  const [organisation, setOrganisation] = createSignal<string | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const form = createForm({
    schema: updateProfileInput,
    prefix: '',
    fields: ['displayName', 'organisation'],
    input: () => ({
      displayName: displayName() ?? profile.data()?.displayName ?? '',
      organisation: organisation() ?? profile.data()?.organisation ?? null,
    }),
    send: (input) => api.people.updateProfile.mutate(input),
    onSent: async (saved) => {
      profile.mutate(saved)
      setDisplayName(null)
      setOrganisation(null)
      await session.refresh()
      setMessage('Your details are saved.')
    },
  })
  return (
    <section class="section" aria-labelledby="profile-heading">
      <h2 id="profile-heading" class="heading-l">
        Your name and organisation
      </h2>
      <p>Shown beside your comments, sign-ups and invitations to the people who can see them.</p>
      <ErrorSummary id="profile-errors" items={form.summary()} />
      <ActionStatus message={message()} error={null} />
      <Show when={profile.data()} fallback={<Loading label="Loading your details…" />}>
        {(p) => (
          <form
            novalidate
            onSubmit={(e) => {
              setMessage(null)
              void form.submit(e)
            }}
          >
            <TextField
              width="half"
              id="displayName"
              label="Your name"
              hint={
                p().nameEditable
                  ? undefined
                  : 'As the Register of All-Party Parliamentary Groups publishes it. Ask the site administrator to correct it.'
              }
              autocomplete="name"
              readonly={!p().nameEditable}
              value={displayName() ?? p().displayName}
              onValue={setDisplayName}
              error={form.error('displayName')}
            />
            <TextField
              width="half"
              id="organisation"
              label="Organisation (optional)"
              hint="The charity, company or office you work for, if any."
              autocomplete="organization"
              value={organisation() ?? p().organisation ?? ''}
              onValue={setOrganisation}
              error={form.error('organisation')}
            />
            <Button type="submit" busy={form.busy()}>
              Save your details
            </Button>
          </form>
        )}
      </Show>
    </section>
  )
}

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
