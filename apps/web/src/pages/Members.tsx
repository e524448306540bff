import { inviteMemberInput } from '@appg-hub/schemas'
import { A, useParams } from '@solidjs/router'
import { createEffect, createSignal, For, on, Show } from 'solid-js'
import { ConfirmAction } from '../components/Confirm'
import { Button, ErrorSummary, SelectField, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { createForm } from '../lib/form'
import { formatDate, plural, ROLE_HINTS, ROLES, roleName } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSession } from '../lib/session'
import { api, type Role, type Roster, type RosterMember } from '../lib/trpc'

const SOURCES: Record<string, string> = {
  register: 'Register',
  members_list: 'Group’s members list',
  invitation: 'Invitation',
  demo: 'Demo data',
  admin: 'Administrator',
}

export default function Members() {
  const params = useParams<{ slug: string }>()
  const session = useSession()
  // Wait for the session so that a signed-out visitor sees "sign in", not a flash of an error.
  const roster = createRead(
    'memberships.roster',
    () => session.ready() && params.slug,
    (slug) => api.memberships.roster.query({ slug }),
  )
  useTitle(() =>
    roster.data() ? `Members – ${roster.data()!.group.title}` : roster.error() ? null : 'Members',
  )

  return (
    <Show
      when={!roster.error()}
      fallback={<PageError error={roster.error()} what="the members of this group" />}
    >
      <Show when={roster.data()} fallback={<Loading label="Loading members…" />}>
        {(r) => <RosterView roster={r()} refetch={roster.refetch} />}
      </Show>
    </Show>
  )
}

function RosterView(props: { roster: Roster; refetch: () => Promise<void> }) {
  const session = useSession()
  const slug = () => props.roster.group.slug
  // What I may do here comes with the roster, from the server's policy.
  const roles = () => props.roster.assignableRoles

  const [message, setMessage] = createSignal<string | null>(null)
  const [actionError, setActionError] = createSignal<string | null>(null)
  const [busy, setBusy] = createSignal<string | null>(null)

  function succeed(text: string) {
    setActionError(null)
    setMessage(text)
  }

  async function run(key: string, action: () => Promise<string>) {
    if (busy()) return
    setBusy(key)
    setMessage(null)
    setActionError(null)
    try {
      const text = await action()
      await props.refetch()
      succeed(text)
    } catch (caught) {
      setActionError(errorInfo(caught).message)
    } finally {
      setBusy(null)
    }
  }

  return (
    <>
      <A href={`/groups/${slug()}`} class="back-link">
        Back to {props.roster.group.title}
      </A>
      <Heading caption={props.roster.group.title}>Members</Heading>

      <div class="live-region" aria-live="polite" role="status">
        <Show when={message()}>
          <div class="alert alert--success">{message()}</div>
        </Show>
      </div>
      <Show when={actionError()}>
        <div class="alert alert--error" role="alert">
          {actionError()}
        </div>
      </Show>

      <Show
        when={props.roster.canManage}
        fallback={
          <p class="lead">
            As {props.roster.myRole === 'secretariat' ? 'the secretariat' : 'a member'} you can see who
            belongs to the group. Only the chair and officers can invite people or change roles.
          </p>
        }
      >
        <InviteForm
          slug={slug()}
          roles={roles()}
          onInvited={async (text) => {
            await props.refetch()
            succeed(text)
          }}
        />
      </Show>

      <section class="section" aria-labelledby="pending-heading">
        <h2 id="pending-heading" class="heading-l">
          Pending invitations
        </h2>
        <Show
          when={props.roster.invites.length > 0}
          fallback={<p>There are no invitations waiting for an answer.</p>}
        >
          <div class="table-wrap">
            <table class="table table--stack" id="pending-invitations">
              <caption class="visually-hidden">Invitations not yet accepted</caption>
              <thead>
                <tr>
                  <th scope="col">Email</th>
                  <th scope="col">Role</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Expires</th>
                  <th scope="col">
                    <span class="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                <For each={props.roster.invites}>
                  {(invite) => (
                    <tr>
                      <td data-label="Email" class="break-words">
                        {invite.email}
                      </td>
                      <td data-label="Role">{roleName(invite.role)}</td>
                      <td data-label="Sent">{formatDate(invite.createdAt)}</td>
                      <td data-label="Expires">{formatDate(invite.expiresAt)}</td>
                      <td class="table__actions">
                        <Show when={invite.canRevoke}>
                          <ConfirmAction
                            label="Withdraw"
                            accessibleLabel={`Withdraw the invitation to ${invite.email}`}
                            variant="secondary"
                            question={
                              <>
                                Withdraw the invitation to {invite.email}? The link in their email will stop
                                working.
                              </>
                            }
                            confirmLabel="Yes, withdraw it"
                            busy={busy() === `revoke:${invite.id}`}
                            onConfirm={() =>
                              run(`revoke:${invite.id}`, async () => {
                                await api.memberships.revokeInvite.mutate({
                                  slug: slug(),
                                  inviteId: invite.id,
                                })
                                return `The invitation to ${invite.email} was withdrawn.`
                              })
                            }
                          />
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        </Show>
      </section>

      <section class="section" aria-labelledby="roster-heading">
        <h2 id="roster-heading" class="heading-l">
          {plural(props.roster.members.length, 'person', 'people')} in the group
        </h2>
        <div class="table-wrap">
          <table class="table table--stack roster">
            <caption class="visually-hidden">Members of {props.roster.group.title}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Source</th>
                <th scope="col">
                  <span class="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={byRole(props.roster.members)}>
                {(member) => (
                  <MemberRow
                    member={member}
                    isMe={member.personId === session.me()?.id}
                    mayChange={member.canChange}
                    mayRemove={member.canRemove}
                    roles={roles()}
                    busy={busy()}
                    onChangeRole={(role) =>
                      run(`role:${member.personId}`, async () => {
                        await api.memberships.changeRole.mutate({
                          slug: slug(),
                          personId: member.personId,
                          role,
                        })
                        await session.refresh()
                        return `${member.name} is now ${roleName(role)}.`
                      })
                    }
                    onRemove={() =>
                      run(`remove:${member.personId}`, async () => {
                        await api.memberships.remove.mutate({ slug: slug(), personId: member.personId })
                        return `${member.name} was removed from the group.`
                      })
                    }
                  />
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </>
  )
}

/** Chair first, then officers, secretariat, members, observers; by name within each. */
function byRole(members: RosterMember[]): RosterMember[] {
  return [...members].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name),
  )
}

function MemberRow(props: {
  member: RosterMember
  isMe: boolean
  mayChange: boolean
  mayRemove: boolean
  roles: Role[]
  busy: string | null
  onChangeRole: (role: Role) => Promise<void>
  onRemove: () => Promise<void>
}) {
  const m = () => props.member
  const [role, setRole] = createSignal<Role>(props.member.role)
  createEffect(
    on(
      () => props.member.role,
      (r) => setRole(r),
      { defer: true },
    ),
  )
  const id = () => `role-${m().personId}`
  // Someone holding a role I may not give (an officer looking at the chair) keeps it, read-only.
  const options = () => (props.roles.includes(m().role) ? props.roles : [m().role, ...props.roles])
  return (
    <tr>
      <td data-label="Name">
        <span class="strong">{m().name}</span>
        <Show when={props.isMe}> (you)</Show>
        <Show when={m().registerTitle && m().registerTitle !== roleName(m().role)}>
          <span class="table__sub">{m().registerTitle}</span>
        </Show>
      </td>
      <td data-label="Email" class="break-words">
        <Show when={m().email} fallback={<span class="hint-inline">No email on record</span>}>
          <a href={`mailto:${m().email}`}>{m().email}</a>
        </Show>
      </td>
      <td data-label="Role">
        <Show when={props.mayChange} fallback={roleName(m().role)}>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              if (role() !== m().role) void props.onChangeRole(role())
            }}
          >
            <SelectField
              id={id()}
              label={`Role of ${m().name}`}
              hideLabel
              inline
              value={role()}
              onValue={(v) => setRole(v as Role)}
              options={options().map((r) => ({ value: r, label: roleName(r) }))}
            />
            <Show when={role() !== m().role}>
              <Button
                type="submit"
                variant="secondary"
                class="button--small"
                busy={props.busy === `role:${m().personId}`}
              >
                Save<span class="visually-hidden"> role of {m().name}</span>
              </Button>
            </Show>
          </form>
        </Show>
      </td>
      <td data-label="Source">{SOURCES[m().source] ?? m().source}</td>
      <td class="table__actions">
        <Show when={props.mayRemove}>
          <ConfirmAction
            label="Remove"
            accessibleLabel={`Remove ${m().name}`}
            variant="secondary"
            question={<>Remove {m().name} from the group?</>}
            confirmLabel="Yes, remove"
            busy={props.busy === `remove:${m().personId}`}
            onConfirm={props.onRemove}
          />
        </Show>
      </td>
    </tr>
  )
}

function InviteForm(props: { slug: string; roles: Role[]; onInvited: (message: string) => Promise<void> }) {
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
