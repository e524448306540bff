/** Inviting someone to a group by email, in a role, optionally as a person of its Register entry. */
import { inviteMemberInput } from '@appg-hub/schemas'
import { createSignal, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { createForm } from '../../lib/form'
import { formatDate, ROLE_HINTS, roleName } from '../../lib/format'
import { api, type Role } from '../../lib/trpc'
import { Button, ErrorSummary, SelectField, TextField } from '../Form'

export function InviteForm(props: {
  slug: string
  roles: Role[]
  onInvited: (message: string) => Promise<void>
}) {
  const [email, setEmail] = createSignal('')
  const [role, setRole] = createSignal<Role>('member')
  // An invitation may be addressed to a person of the group's Register entry: accepting links them.
  const [search, setSearch] = createSignal('')
  const [registerPersonId, setRegisterPersonId] = createSignal('')
  const registerPeople = createRead(
    'people.registerPeople',
    () => ({ slug: props.slug, q: search().trim() }),
    (input) => api.people.registerPeople.query(input),
  )

  const form = createForm({
    schema: inviteMemberInput,
    prefix: 'invite',
    fields: ['email', 'role', 'registerPersonId'],
    input: () => ({
      slug: props.slug,
      email: email(),
      role: role(),
      registerPersonId: registerPersonId() || null,
    }),
    send: (input) => api.memberships.invite.mutate(input),
    onSent: async (result) => {
      // A fresh form for the next person: the role goes back to Member, not the last one chosen.
      setEmail('')
      setRole('member')
      setSearch('')
      setRegisterPersonId('')
      await props.onInvited(
        `Invitation sent to ${result.email} as ${roleName(result.role)}${result.registerPerson ? ` for ${result.registerPerson.name} on the Register` : ''}. It expires on ${formatDate(result.expiresAt)}.`,
      )
    },
  })

  return (
    <section class="section section--boxed" aria-labelledby="invite-heading">
      <h2 id="invite-heading" class="heading-l">
        Invite someone
      </h2>
      <p>
        We will email them a link to accept. It works once and expires after a while; they can sign in or
        create an account to use it.
      </p>
      <ErrorSummary items={form.summary()} />
      <form onSubmit={form.submit} novalidate class="invite-form">
        <TextField
          id="invite-email"
          name="email"
          label="Email address"
          type="email"
          autocomplete="off"
          spellcheck={false}
          value={email()}
          onValue={setEmail}
          error={form.error('email')}
          width="half"
        />
        <SelectField
          id="invite-role"
          label="Role"
          hint={ROLE_HINTS[role()]}
          value={role()}
          onValue={(v) => setRole(v as Role)}
          options={props.roles.map((r) => ({ value: r, label: roleName(r) }))}
          error={form.error('role')}
        />
        <Show when={(registerPeople.data()?.length ?? 0) > 0 || search()}>
          <TextField
            id="invite-register-search"
            label="Find them on the Register (optional)"
            hint="If the person is an officer or member in this group's Register entry, pick them: their account will be linked to that entry instead of appearing twice."
            value={search()}
            onValue={setSearch}
            width="half"
          />
          <SelectField
            id="invite-registerPersonId"
            label="Person on the Register"
            value={registerPersonId()}
            onValue={setRegisterPersonId}
            options={[
              { value: '', label: 'Not on the Register' },
              ...(registerPeople.data() ?? []).map((p) => ({
                value: p.personId,
                label: `${p.name}, ${p.registerTitle ?? 'Member'}${p.party ? ` (${p.party})` : ''}`,
              })),
            ]}
            error={form.error('registerPersonId')}
          />
        </Show>
        <Button type="submit" busy={form.busy()}>
          {form.busy() ? 'Sending…' : 'Send invitation'}
        </Button>
      </form>
    </section>
  )
}
