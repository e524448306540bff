/** Downloading everything the hub holds about me, and erasing my account. */
import { eraseAccountInput } from '@appg-hub/schemas'
import { A, useNavigate } from '@solidjs/router'
import { createSignal } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../../components/Form'
import { ActionStatus } from '../../components/Status'
import { useActions } from '../../lib/data'
import { createForm } from '../../lib/form'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'

const CONFIRMATION = 'erase my account'

function saveJson(name: string, data: unknown) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = name
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

export function DownloadSection() {
  const actions = useActions()
  return (
    <section class="section" aria-labelledby="download-heading">
      <h2 id="download-heading" class="heading-l">
        Download your data
      </h2>
      <p>
        One file (JSON) with everything the hub holds about you: your account, groups, sessions, comments,
        documents you wrote, notifications, the emails sent to you and what you did. It leaves out secrets
        such as your password. <A href="/privacy">What we keep and why</A>.
      </p>
      <ActionStatus message={actions.message()} error={actions.error()} />
      <Button
        variant="secondary"
        busy={actions.busy() === 'download'}
        onClick={() =>
          actions.run('download', async () => {
            const data = await api.privacy.export.mutate()
            saveJson(`appg-hub-my-data-${data.exportedAt.slice(0, 10)}.json`, data)
            return 'Your data is downloaded.'
          })
        }
      >
        Download my data
      </Button>
    </section>
  )
}

export function EraseSection() {
  const signIn = useSignIn()
  const navigate = useNavigate()
  const [password, setPassword] = createSignal('')
  const [confirmation, setConfirmation] = createSignal('')
  const form = createForm({
    schema: eraseAccountInput,
    prefix: 'erase',
    fields: ['password', 'confirmation'],
    input: () => ({ password: password(), confirmation: confirmation() }),
    send: (input) => api.privacy.erase.mutate(input),
    onSent: async () => {
      await signIn.refresh()
      navigate('/?erased=1')
    },
  })

  return (
    <section class="section" aria-labelledby="erase-heading">
      <h2 id="erase-heading" class="heading-l">
        Erase your account
      </h2>
      <div class="inset inset--warning">
        <p>
          <strong>This cannot be undone.</strong> Your name, email address and other details are removed, you
          leave every group and you are signed out everywhere. What you wrote for groups (comments, document
          revisions) stays, shown as by “Former member”, because others worked on it with you.
        </p>
      </div>
      <ErrorSummary id="erase-errors" items={form.summary()} />
      <form novalidate onSubmit={(e) => void form.submit(e)}>
        <TextField
          width="half"
          id="erase-password"
          label="Your password"
          type="password"
          autocomplete="current-password"
          value={password()}
          onValue={setPassword}
          error={form.error('password')}
        />
        <TextField
          width="half"
          id="erase-confirmation"
          label={`Type “${CONFIRMATION}” to confirm`}
          autocomplete="off"
          spellcheck={false}
          value={confirmation()}
          onValue={setConfirmation}
          error={form.error('confirmation')}
        />
        <Button type="submit" variant="warning" busy={form.busy()}>
          Erase my account
        </Button>
      </form>
    </section>
  )
}
