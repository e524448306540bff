/**
 * For the site administrator: registered groups nobody can act for on the hub (no chair or officer
 * account), each with its Register chair and registered contact, and a way to invite that chair.
 * The invitation is addressed to the Register's chair, so accepting links the account to them.
 */
import { A } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { Button, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { ActionStatus, Loading, PageError } from '../components/Status'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDate, plural } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api, type GroupWithoutOfficerAccount } from '../lib/trpc'

export default function AdminGroupsWithoutOfficers() {
  useTitle(() => 'Groups without an officer account')
  const signIn = useSignIn()
  const groups = createRead(
    'people.withoutOfficerAccount',
    () => signIn.me()?.isSiteAdmin === true,
    () => api.people.withoutOfficerAccount.query(),
  )
  return (
    <AdminOnly>
      <Heading caption="Site administration">Groups without an officer account</Heading>
      <p>
        Nobody can act for these registered groups on the hub: no chair or officer has an account. Invite the
        Register's chair; when they accept, their account is linked to their entry on the Register.
      </p>
      <Show when={!groups.error()} fallback={<PageError error={groups.error()} />}>
        <Show when={groups.data()} fallback={<Loading label="Loading the groups…" />}>
          {(list) => (
            <>
              <p>{plural(list().length, 'group')}</p>
              <ul class="list">
                <For each={list()}>{(group) => <GroupRow group={group} />}</For>
              </ul>
            </>
          )}
        </Show>
      </Show>
    </AdminOnly>
  )
}

function GroupRow(props: { group: GroupWithoutOfficerAccount }) {
  const chair = () => props.group.registerChairs[0] ?? null
  const [email, setEmail] = createSignal(props.group.registeredContactEmail ?? '')
  const [busy, setBusy] = createSignal(false)
  const [message, setMessage] = createSignal<string | null>(null)
  const [error, setError] = createSignal<string | null>(null)

  async function invite(e: SubmitEvent) {
    e.preventDefault()
    if (busy()) return
    setBusy(true)
    setMessage(null)
    setError(null)
    try {
      const sent = await api.memberships.invite.mutate({
        slug: props.group.slug,
        email: email(),
        role: 'chair',
        registerPersonId: chair()?.personId ?? null,
      })
      setMessage(`Invitation sent to ${sent.email}. It expires on ${formatDate(sent.expiresAt)}.`)
    } catch (caught) {
      setError(errorInfo(caught).message)
    } finally {
      setBusy(false)
    }
  }

  const id = () => `invite-${props.group.slug}`
  return (
    <li class="section section--boxed">
      <h2 class="heading-m">
        <A href={`/groups/${props.group.slug}`}>{props.group.title}</A>
      </h2>
      <p>
        Register chair:{' '}
        {props.group.registerChairs.length > 0
          ? props.group.registerChairs.map((c) => `${c.name} (${c.registerTitle ?? 'Chair'})`).join('; ')
          : 'none listed'}
        <Show when={props.group.registeredContactName}>
          <br />
          Registered contact: {props.group.registeredContactName}
        </Show>
      </p>
      <ActionStatus message={message()} error={error()} compact />
      <form onSubmit={invite} novalidate>
        <TextField
          id={id()}
          label={
            chair() ? `Email address to invite ${chair()!.name} as chair` : 'Email address to invite a chair'
          }
          type="email"
          autocomplete="off"
          value={email()}
          onValue={setEmail}
          width="half"
        />
        <Button type="submit" busy={busy()}>
          Send invitation
        </Button>
      </form>
    </li>
  )
}
