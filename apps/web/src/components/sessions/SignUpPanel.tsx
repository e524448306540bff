/** Going, maybe or not going; the waiting list; interest from signed-out visitors. */
import { registerInterestInput } from '@appg-hub/schemas'
import { createSignal, For, Show } from 'solid-js'
import { useActions } from '../../lib/data'
import { createForm } from '../../lib/form'
import { plural } from '../../lib/format'
import { type Session, SIGNUP_NAMES } from '../../lib/sessions'
import { api } from '../../lib/trpc'
import { Button, ErrorSummary, TextField } from '../Form'
import { ActionStatus } from '../Status'

const CHOICES = [
  { value: 'going', label: 'Going' },
  { value: 'maybe', label: 'Maybe' },
  { value: 'not_going', label: 'Not going' },
] as const

export function SignUpPanel(props: { session: Session; refetch: () => Promise<void> }) {
  const m = () => props.session
  const actions = useActions()
  const mine = () => m().mySignup

  return (
    <section class="section" aria-labelledby="signup-heading">
      <h2 id="signup-heading" class="heading-l">
        Sign up
      </h2>
      <p>
        {plural(m().counts.going, 'person', 'people')} going
        <Show when={m().capacity !== null}>
          {' '}
          of {plural(m().capacity!, 'place')} ({m().placesLeft} left)
        </Show>
        <Show when={m().counts.waitlist > 0}>, {m().counts.waitlist} on the waiting list</Show>
        <Show when={m().counts.maybe > 0}>, {m().counts.maybe} maybe</Show>.
      </p>
      <Show when={m().can.signUp}>
        <p id="my-signup" role="status">
          <Show when={mine()} fallback="You have not signed up.">
            You: <strong>{SIGNUP_NAMES[mine()!.status]}</strong>
            <Show when={mine()!.waitlistPosition}> (number {mine()!.waitlistPosition} in line)</Show>
          </Show>
        </p>
        <fieldset class="signup-choices">
          <legend class="visually-hidden">Are you going?</legend>
          <For each={CHOICES}>
            {(choice) => (
              <Button
                variant="secondary"
                aria-pressed={
                  mine()?.status === choice.value ||
                  (choice.value === 'going' && mine()?.status === 'waitlist')
                    ? 'true'
                    : 'false'
                }
                busy={actions.busy() === choice.value}
                onClick={() =>
                  actions.run(choice.value, async () => {
                    const r = await api.sessions.signUp.mutate({ id: m().id, status: choice.value })
                    await props.refetch()
                    return r.status === 'waitlist'
                      ? `The session is full: you are number ${r.waitlistPosition} on the waiting list. You will be told if a place comes up.`
                      : `You are down as ${SIGNUP_NAMES[r.status].toLowerCase()}.`
                  })
                }
              >
                {choice.label}
              </Button>
            )}
          </For>
          <Show when={mine()}>
            <Button
              variant="link"
              busy={actions.busy() === 'withdraw'}
              onClick={() =>
                actions.run('withdraw', async () => {
                  await api.sessions.withdraw.mutate({ id: m().id })
                  await props.refetch()
                  return 'Your sign-up was withdrawn.'
                })
              }
            >
              Withdraw my sign-up
            </Button>
          </Show>
        </fieldset>
        <ActionStatus message={actions.message()} error={actions.error()} compact />
      </Show>
      <Show when={m().can.registerInterest}>
        <InterestForm sessionId={m().id} />
      </Show>
      <Show when={!m().can.signUp && !m().can.registerInterest}>
        <p class="hint">
          {m().status === 'draft' ? 'Sign-ups open once the session is scheduled.' : 'Sign-ups are closed.'}
        </p>
      </Show>
    </section>
  )
}

function InterestForm(props: { sessionId: string }) {
  const [name, setName] = createSignal('')
  const [email, setEmail] = createSignal('')
  const [done, setDone] = createSignal(false)
  const form = createForm({
    schema: registerInterestInput,
    prefix: 'interest',
    fields: ['name', 'email'],
    input: () => ({ id: props.sessionId, name: name(), email: email() }),
    send: (input) => api.sessions.registerInterest.mutate(input),
    onSent: () => {
      setDone(true)
    },
  })
  return (
    <div role="status" aria-live="polite">
      <Show
        when={!done()}
        fallback={
          <div class="alert alert--success">
            Check your email: we sent a link to confirm your interest. It counts once you open it.
          </div>
        }
      >
        <h3 class="heading-m">Register your interest</h3>
        <p>No account needed. We email you a link to confirm.</p>
        <ErrorSummary id="interest-errors" items={form.summary()} />
        <form onSubmit={(e) => void form.submit(e)} novalidate>
          <TextField
            id="interest-name"
            label="Your name"
            value={name()}
            onValue={setName}
            error={form.error('name')}
            autocomplete="name"
          />
          <TextField
            id="interest-email"
            label="Email address"
            type="email"
            value={email()}
            onValue={setEmail}
            error={form.error('email')}
            autocomplete="email"
          />
          <Button type="submit" busy={form.busy()}>
            Register interest
          </Button>
        </form>
      </Show>
    </div>
  )
}
