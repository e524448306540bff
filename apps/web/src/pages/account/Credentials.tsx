/** My name and organisation; changing my password (which signs out every other device) and my email address. */
import { changeEmailInput, changePasswordInput, updateProfileInput } from '@appg-hub/schemas'
import { createSignal, type JSX, Show, type Signal } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../../components/Form'
import { ActionStatus, Loading } from '../../components/Status'
import { createRead } from '../../lib/data'
import { createForm, type Form } from '../../lib/form'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'

/**
 * The frame each of these sections shares: a heading, why, the form's errors and its outcome, and
 * the form with its one button. Sending clears the last outcome first.
 */
function AccountForm(props: {
  /** Names the heading and the error summary (`${name}-heading`, `${name}-errors`). */
  name: string
  heading: string
  intro: JSX.Element
  form: Form
  message: Signal<string | null>
  submitLabel: string
  /** Until the stored values arrive (when there are any), a loading line instead of the form. */
  loading?: { ready: boolean; label: string }
  children: JSX.Element
}) {
  const [message, setMessage] = props.message
  return (
    <section class="section" aria-labelledby={`${props.name}-heading`}>
      <h2 id={`${props.name}-heading`} class="heading-l">
        {props.heading}
      </h2>
      <p>{props.intro}</p>
      <ErrorSummary id={`${props.name}-errors`} items={props.form.summary()} />
      <ActionStatus message={message()} error={null} />
      <Show when={props.loading?.ready ?? true} fallback={<Loading label={props.loading?.label} />}>
        <form
          novalidate
          onSubmit={(e) => {
            setMessage(null)
            void props.form.submit(e)
          }}
        >
          {props.children}
          <Button type="submit" busy={props.form.busy()}>
            {props.submitLabel}
          </Button>
        </form>
      </Show>
    </section>
  )
}

export function ProfileSection() {
  const signIn = useSignIn()
  const profile = createRead(
    'people.profile',
    () => true,
    () => api.people.profile.query(),
  )
  // Edits, until saved; the stored values show until then.
  const [displayName, setDisplayName] = createSignal<string | null>(null)
  const [organisation, setOrganisation] = createSignal<string | null>(null)
  const message = createSignal<string | null>(null)
  const [, setMessage] = message
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
      await signIn.refresh()
      setMessage('Your details are saved.')
    },
  })
  // The stored details, once read: the form shows only then.
  const p = () => profile.data()!
  return (
    <AccountForm
      name="profile"
      heading="Your name and organisation"
      intro="Shown beside your comments, sign-ups and invitations to the people who can see them."
      form={form}
      message={message}
      submitLabel="Save your details"
      loading={{ ready: profile.data() !== undefined, label: 'Loading your details…' }}
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
    </AccountForm>
  )
}

export function PasswordSection() {
  const [currentPassword, setCurrent] = createSignal('')
  const [newPassword, setNew] = createSignal('')
  const message = createSignal<string | null>(null)
  const [, setMessage] = message
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
    <AccountForm
      name="password"
      heading="Change your password"
      intro="Every other device you are signed in on will be signed out."
      form={form}
      message={message}
      submitLabel="Change password"
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
    </AccountForm>
  )
}

export function EmailSection() {
  const signIn = useSignIn()
  const [newEmail, setEmail] = createSignal('')
  const [password, setPassword] = createSignal('')
  const message = createSignal<string | null>(null)
  const [, setMessage] = message
  const form = createForm({
    schema: changeEmailInput,
    prefix: '',
    fields: ['newEmail', 'password'],
    input: () => ({ newEmail: newEmail(), password: password() }),
    send: (input) => api.auth.changeEmail.mutate(input),
    onSent: async (result) => {
      setEmail('')
      setPassword('')
      await signIn.refresh()
      setMessage(`Your email address is now ${result.email}.`)
    },
  })
  return (
    <AccountForm
      name="email"
      heading="Change your email address"
      intro="You sign in with your email address and the hub writes to it. We will tell your old address about the change."
      form={form}
      message={message}
      submitLabel="Change email address"
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
    </AccountForm>
  )
}
