/** A group's members and invitations; the chair and officers invite people and change roles here. */
import { A, useParams } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { Heading } from '../components/Heading'
import { InviteForm } from '../components/members/InviteForm'
import { byRole, MemberRow } from '../components/members/MemberRow'
import { PendingInvites } from '../components/members/PendingInvites'
import { Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { plural, roleName } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api, type Roster } from '../lib/trpc'

export default function Members() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  // Wait for the session so that a signed-out visitor sees "sign in", not a flash of an error.
  const roster = createRead(
    'memberships.roster',
    () => signIn.ready() && params.slug,
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
  const signIn = useSignIn()
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

      <PendingInvites
        invites={props.roster.invites}
        busy={busy()}
        onRevoke={(invite) =>
          run(`revoke:${invite.id}`, async () => {
            await api.memberships.revokeInvite.mutate({ slug: slug(), inviteId: invite.id })
            return `The invitation to ${invite.email} was withdrawn.`
          })
        }
      />

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
                    isMe={member.personId === signIn.me()?.id}
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
                        await signIn.refresh()
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
