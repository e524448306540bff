import { signUpInput } from '@appg-hub/schemas'
import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createSignal } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { createForm, type Form } from '../lib/form'
import { safeNext } from '../lib/format'
import { useTitle } from '../lib/page'
import { useGoOnWhenSignedIn, useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'

const MIN_PASSWORD = 10
const FIELDS = ['displayName', 'email', 'password', 'organisation'] as const
type Field = (typeof FIELDS)[number]

export default function SignUp() {
  useTitle(() => 'Create an account')
  const [params] = useSearchParams<{ next?: string; email?: string }>()
  const navigate = useNavigate()
  const signIn = useSignIn()
  const next = () => safeNext(params.next)
  const [values, setValues] = createSignal<Record<Field, string>>({
    displayName: '',
    email: typeof params.email === 'string' ? params.email : '',
    password: '',
    organisation: '',
  })
  const set = (field: Field) => (value: string) => setValues({ ...values(), [field]: value })

  useGoOnWhenSignedIn(next)

  const form: Form = createForm({
    schema: signUpInput,
    prefix: 'signup',
    fields: FIELDS,
    input: () => {
      const v = values()
      return {
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        password: v.password,
        organisation: v.organisation.trim() || undefined,
      }
    },
    send: async (input) => {
      await api.auth.signUp.mutate(input)
      // Sign-up answers the same whether or not the address had an account; signing in tells.
      return api.auth.signIn.mutate({ email: input.email, password: input.password }).then(
        () => true,
        () => false,
      )
    },
    onSent: async (signedIn): Promise<void> => {
      if (!signedIn) {
        form.fail(
          'This address may have an account already: we have sent it an email. Sign in, or ask for a new password on the sign-in page.',
        )
        return
      }
      // Where to go is read before the session reloads: the reload may already move the page on.
      const to = next()
      await signIn.refresh()
      navigate(to, { replace: true })
    },
  })

  const signInHref = () => {
    const query = new URLSearchParams()
    if (params.next) query.set('next', next())
    if (values().email.trim()) query.set('email', values().email.trim())
    const s = query.toString()
    return s ? `/sign-in?${s}` : '/sign-in'
  }

  return (
    <div class="grid-row">
      <div class="grid-main grid-main--narrow">
        <Heading>Create an account</Heading>
        <p class="lead">For parliamentarians, their staff, and the people who run a group’s secretariat.</p>
        <ErrorSummary items={form.summary()} />
        <form onSubmit={form.submit} novalidate>
          <TextField
            id="signup-displayName"
            name="name"
            label="Full name"
            autocomplete="name"
            value={values().displayName}
            onValue={set('displayName')}
            error={form.error('displayName')}
          />
          <TextField
            id="signup-email"
            name="email"
            label="Email address"
            hint="We will use this to sign you in and to send you invitations."
            type="email"
            autocomplete="email"
            spellcheck={false}
            value={values().email}
            onValue={set('email')}
            error={form.error('email')}
          />
          <TextField
            id="signup-password"
            name="password"
            label="Create a password"
            hint={`At least ${MIN_PASSWORD} characters. A few unrelated words make a strong password.`}
            type="password"
            autocomplete="new-password"
            value={values().password}
            onValue={set('password')}
            error={form.error('password')}
          />
          <TextField
            id="signup-organisation"
            name="organisation"
            label="Organisation (optional)"
            hint="For example the office, charity or firm you work for."
            autocomplete="organization"
            value={values().organisation}
            onValue={set('organisation')}
            error={form.error('organisation')}
          />
          <Button type="submit" busy={form.busy()}>
            {form.busy() ? 'Creating your account…' : 'Create account'}
          </Button>
        </form>
        <p>
          Already have an account? <A href={signInHref()}>Sign in</A>.
        </p>
      </div>
    </div>
  )
}
