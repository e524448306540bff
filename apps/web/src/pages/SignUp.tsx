import { A, useNavigate, useSearchParams } from '@solidjs/router'
import { createEffect, createSignal } from 'solid-js'
import { Button, ErrorSummary, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { formErrors } from '../lib/errors'
import { safeNext } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSession } from '../lib/session'
import { api } from '../lib/trpc'

const MIN_PASSWORD = 10
const FIELDS = ['displayName', 'email', 'password', 'organisation'] as const
type Field = (typeof FIELDS)[number]

export default function SignUp() {
  useTitle(() => 'Create an account')
  const [params] = useSearchParams<{ next?: string; email?: string }>()
  const navigate = useNavigate()
  const session = useSession()
  const next = () => safeNext(params.next)
  const [values, setValues] = createSignal<Record<Field, string>>({
    displayName: '',
    email: typeof params.email === 'string' ? params.email : '',
    password: '',
    organisation: '',
  })
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({})
  const [general, setGeneral] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal(false)
  const set = (field: Field) => (value: string) => setValues({ ...values(), [field]: value })

  createEffect(() => {
    if (session.ready() && session.me() && !busy()) navigate(next(), { replace: true })
  })

  function check(): Partial<Record<Field, string>> {
    const v = values()
    const found: Partial<Record<Field, string>> = {}
    if (!v.displayName.trim()) found.displayName = 'Enter your name.'
    if (!v.email.trim()) found.email = 'Enter your email address.'
    else if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v.email.trim()))
      found.email = 'Enter an email address such as name@example.org.'
    if (v.password.length < MIN_PASSWORD)
      found.password = `Your password must be at least ${MIN_PASSWORD} characters long.`
    return found
  }

  async function submit(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    const found = check()
    setErrors(found)
    setGeneral(null)
    if (Object.keys(found).length > 0) return
    setBusy(true)
    try {
      const v = values()
      await api.auth.signUp.mutate({
        displayName: v.displayName.trim(),
        email: v.email.trim(),
        password: v.password,
        organisation: v.organisation.trim() || undefined,
      })
      // Sign-up answers the same whether or not the address had an account; signing in tells.
      const signedIn = await api.auth.signIn
        .mutate({ email: v.email.trim(), password: v.password })
        .then(() => true)
        .catch(() => false)
      if (!signedIn) {
        setGeneral(
          'This address may have an account already: we have sent it an email. Sign in, or ask for a new password on the sign-in page.',
        )
        return
      }
      await session.refresh()
      navigate(next(), { replace: true })
    } catch (caught) {
      const result = formErrors(caught, FIELDS)
      setErrors(result.fields)
      setGeneral(result.general)
    } finally {
      setBusy(false)
    }
  }

  const summary = () => [
    ...FIELDS.filter((f) => errors()[f]).map((f) => ({ field: `signup-${f}`, message: errors()[f]! })),
    ...(general() ? [{ message: general()! }] : []),
  ]
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
        <ErrorSummary items={summary()} />
        <form onSubmit={submit} novalidate>
          <TextField
            id="signup-displayName"
            name="name"
            label="Full name"
            autocomplete="name"
            value={values().displayName}
            onValue={set('displayName')}
            error={errors().displayName}
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
            error={errors().email}
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
            error={errors().password}
          />
          <TextField
            id="signup-organisation"
            name="organisation"
            label="Organisation (optional)"
            hint="For example the office, charity or firm you work for."
            autocomplete="organization"
            value={values().organisation}
            onValue={set('organisation')}
            error={errors().organisation}
          />
          <Button type="submit" busy={busy()}>
            {busy() ? 'Creating your account…' : 'Create account'}
          </Button>
        </form>
        <p>
          Already have an account? <A href={signInHref()}>Sign in</A>.
        </p>
      </div>
    </div>
  )
}
