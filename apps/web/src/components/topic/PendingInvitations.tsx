import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { useActions } from '../../lib/data'
import { formatDate } from '../../lib/format'
import { api, type Topic } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { ActionStatus } from '../Status'

/** Invitations to this topic that no group has answered yet; officers may withdraw them. */
export function PendingInvitations(props: { topic: Topic; refetch: () => Promise<void> }) {
  const actions = useActions()
  const t = () => props.topic
  return (
    <section class="section" aria-labelledby="pending-heading">
      <h2 id="pending-heading" class="heading-l">
        Waiting for an answer
      </h2>
      <ActionStatus message={actions.message()} error={actions.error()} />
      <ul class="invitation-list" id="pending-invitations">
        <For each={t().pendingInvitations}>
          {(inv) => (
            <li class="invitation-list__item">
              <div class="invitation-list__main">
                <A href={`/groups/${inv.group.slug}`} class="strong">
                  {inv.group.title}
                </A>
                <span class="block hint-inline">
                  Invited {formatDate(inv.createdAt)} · Expires {formatDate(inv.expiresAt)}
                </span>
                <Show when={inv.message}>
                  <blockquote class="quote">{inv.message}</blockquote>
                </Show>
              </div>
              <Show when={t().can.invite}>
                <ConfirmAction
                  label="Withdraw"
                  accessibleLabel={`Withdraw the invitation to ${inv.group.title}`}
                  variant="secondary"
                  question={<>Withdraw the invitation to {inv.group.title}?</>}
                  confirmLabel="Yes, withdraw it"
                  busy={actions.busy() === `withdraw:${inv.id}`}
                  onConfirm={async () => {
                    await actions.run(`withdraw:${inv.id}`, async () => {
                      await api.invitations.withdraw.mutate({ id: inv.id })
                      await props.refetch()
                      return `The invitation to ${inv.group.title} was withdrawn.`
                    })
                  }}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
    </section>
  )
}
