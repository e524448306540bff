import { A } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { errorInfo } from '../../lib/errors'
import { roleName } from '../../lib/format'
import { useSignIn } from '../../lib/sign-in'
import { api, type Group } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'

/** The caller's role in the group, with what it lets them do here (rights from the server's `can` flags). */
export function MyRolePanel(props: { group: Group; onLeft: () => void; onChanged: () => void }) {
  const signIn = useSignIn()
  const g = () => props.group
  const myRole = () => signIn.roleIn(g().slug)
  const canSeeRoster = () => signIn.can(g().slug)?.viewRoster
  const canSeeAudit = () => signIn.can(g().slug)?.viewAudit
  const [leaving, setLeaving] = createSignal(false)
  const [leaveError, setLeaveError] = createSignal<string | null>(null)

  async function leave() {
    setLeaving(true)
    setLeaveError(null)
    try {
      await api.memberships.leave.mutate({ slug: g().slug })
      props.onLeft()
      await signIn.refresh()
      props.onChanged()
    } catch (caught) {
      setLeaveError(errorInfo(caught).message)
    } finally {
      setLeaving(false)
    }
  }

  return (
    <Show when={myRole() || canSeeRoster() || canSeeAudit()}>
      <div class="panel">
        <Show when={myRole()}>
          <p class="panel__text">
            Your role in this group: <strong>{roleName(myRole()!)}</strong>
          </p>
        </Show>
        <div class="button-group">
          <Show when={canSeeRoster()}>
            <A href={`/groups/${g().slug}/members`} class="button button--primary">
              Manage members
            </A>
          </Show>
          <Show when={canSeeAudit()}>
            <A href={`/groups/${g().slug}/audit`} class="button button--secondary">
              Audit log
            </A>
          </Show>
          <Show when={myRole()}>
            <ConfirmAction
              label="Leave group"
              variant="secondary"
              question={<>Leave {g().title}? You will need a new invitation to rejoin.</>}
              confirmLabel="Yes, leave the group"
              busy={leaving()}
              onConfirm={leave}
            />
          </Show>
        </div>
        <Show when={leaveError()}>
          <div class="alert alert--error" role="alert">
            {leaveError()}
          </div>
        </Show>
      </div>
    </Show>
  )
}
