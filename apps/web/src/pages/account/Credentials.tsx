/** My name and organisation; changing my password (which signs out every other device) and my email address. */
import { createSignal, Show } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../../components/Form'
import { ActionStatus, Loading } from '../../components/Status'
import { formErrors } from '../../lib/errors'
import { createQuery } from '../../lib/query'
import { useSession } from '../../lib/session'
import { api } from '../../lib/trpc'

function useForm<F extends string>(fields: readonly F[]) {
  const [errors, setErrors] = createSignal<Partial<Record<F, string>>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [message, setMessage] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  async function submit(action: () => Promise<string>) {
    if (busy()) return
    setBusy(true)
    setErrors({})
    setGeneral(null)
    setMessage(null)
    try {
      setMessage(await action())
    } catch (caught) {
      const found = formErrors(caught, fields)
      setErrors(() => found.fields as Partial<Record<F, string>>)
      setGeneral(found.general)
    } finally {
      setBusy(false)
    }
  }
  const summary = () => [
    ...fields.filter((f) => errors()[f]).map((f) => ({ field: f, message: errors()[f]! })),
    ...(general() ? [{ message: general()! }] : []),
  ]
  return { errors, message, busy, submit, summary }
}

export function ProfileSection() {
  const session = useSession()
  const profile = createQuery(
    () => true,
    () => api.people.profile.query(),
  )
  // Edits, until saved; the stored values show until then.
  const [displayName, setDisplayName] = createSignal<string | null>(null)
  const [organisation, setOrganisation] = createSignal<string | null>(null)
  const form = useForm(['displayName', 'organisation'] as const)
  return (
    <section class="section" aria-labelledby="profile-heading">
      <h2 id="profile-heading" class="heading-l">
        Your name and organisation
      </h2>
      <p>Shown beside your comments, sign-ups and invitations to the people who can see them.</p>
      <ErrorSummary id="profile-errors" items={form.summary()} />
      <ActionStatus message={form.message()} error={null} />
      <Show when={profile.data()} fallback={<Loading label="Loading your details…" />}>
        {(p) => (
          <form
            novalidate
            onSubmit={(e) => {
              e.preventDefault()
              void form.submit(async () => {
                const saved = await api.people.updateProfile.mutate({
                  displayName: displayName() ?? p().displayName,
                  organisation: organisation() ?? p().organisation,
                })
                profile.mutate(saved)
                setDisplayName(null)
                setOrganisation(null)
                await session.refresh()
                return 'Your details are saved.'
              })
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
              error={form.errors().displayName}
            />
            <TextField
              width="half"
              id="organisation"
              label="Organisation (optional)"
              hint="The charity, company or office you work for, if any."
              autocomplete="organization"
              value={organisation() ?? p().organisation ?? ''}
              onValue={setOrganisation}
              error={form.errors().organisation}
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
  const form = useForm(['currentPassword', 'newPassword'] as const)
  return (
    <section class="section" aria-labelledby="password-heading">
      <h2 id="password-heading" class="heading-l">
        Change your password
      </h2>
      <p>Every other device you are signed in on will be signed out.</p>
      <ErrorSummary id="password-errors" items={form.summary()} />
      <ActionStatus message={form.message()} error={null} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault()
          void form.submit(async () => {
            await api.auth.changePassword.mutate({
              currentPassword: currentPassword(),
              newPassword: newPassword(),
            })
            setCurrent('')
            setNew('')
            return 'Your password is changed. Other devices are signed out.'
          })
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
          error={form.errors().currentPassword}
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
          error={form.errors().newPassword}
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
  const form = useForm(['newEmail', 'password'] as const)
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
      <ActionStatus message={form.message()} error={null} />
      <form
        novalidate
        onSubmit={(e) => {
          e.preventDefault()
          void form.submit(async () => {
            const result = await api.auth.changeEmail.mutate({ newEmail: newEmail(), password: password() })
            setEmail('')
            setPassword('')
            await session.refresh()
            return `Your email address is now ${result.email}.`
          })
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
          error={form.errors().newEmail}
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
          error={form.errors().password}
        />
        <Button type="submit" busy={form.busy()}>
          Change email address
        </Button>
      </form>
    </section>
  )
}
