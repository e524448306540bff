/** A group's invitations that wait for an answer, each withdrawable by those who may. */
import { For, Show } from 'solid-js'
import { formatDate, roleName } from '../../lib/format'
import type { Roster } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'

type Invite = Roster['invites'][number]

export function PendingInvites(props: {
  invites: Invite[]
  /** The key of the action under way (`revoke:<id>`), if any. */
  busy: string | null
  onRevoke: (invite: Invite) => Promise<void>
}) {
  return (
    <section class="section" aria-labelledby="pending-heading">
      <h2 id="pending-heading" class="heading-l">
        Pending invitations
      </h2>
      <Show when={props.invites.length > 0} fallback={<p>There are no invitations waiting for an answer.</p>}>
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
              <For each={props.invites}>
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
                          busy={props.busy === `revoke:${invite.id}`}
                          onConfirm={() => props.onRevoke(invite)}
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
  )
}
