import { useNavigate } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { useActions } from '../../lib/data'
import { api, type Topic, type TopicStatus } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button } from '../Form'
import { ActionStatus } from '../Status'

const STATUS_CHANGES: Record<TopicStatus, { to: TopicStatus; label: string; done: string }[]> = {
  open: [
    {
      to: 'closed',
      label: 'Close topic',
      done: 'The topic is closed. It stays readable; reopen it to carry on.',
    },
    { to: 'archived', label: 'Archive topic', done: 'The topic is archived.' },
  ],
  closed: [
    { to: 'open', label: 'Reopen topic', done: 'The topic is open again.' },
    { to: 'archived', label: 'Archive topic', done: 'The topic is archived.' },
  ],
  archived: [{ to: 'open', label: 'Reopen topic', done: 'The topic is open again.' }],
}

/** What the viewer may do with the topic as a whole: follow, edit, close or reopen, leave. */
export function TopicActions(props: {
  topic: Topic
  refetch: () => Promise<void>
  editing: boolean
  onEdit: () => void
  editRef: (el: HTMLButtonElement) => void
}) {
  const navigate = useNavigate()
  const actions = useActions()
  const t = () => props.topic
  const titleOf = (slug: string) => t().partners.find((p) => p.slug === slug)?.title ?? slug
  const any = () => t().can.follow || t().can.edit || t().can.leave.length > 0

  return (
    <Show when={any()}>
      <div class="panel topic-actions">
        <Show when={t().can.follow}>
          <div class="topic-actions__follow">
            <p class="panel__text">
              {t().following
                ? 'You follow this topic: you get a notification when someone comments.'
                : 'Follow this topic to get a notification when someone comments.'}
            </p>
            <Button
              variant={t().following ? 'secondary' : 'primary'}
              busy={actions.busy() === 'follow'}
              onClick={() =>
                void actions.run('follow', async () => {
                  if (t().following) await api.topics.unfollow.mutate({ id: t().id })
                  else await api.topics.follow.mutate({ id: t().id })
                  await props.refetch()
                  return t().following ? 'You now follow this topic.' : 'You no longer follow this topic.'
                })
              }
            >
              {t().following ? 'Stop following' : 'Follow this topic'}
            </Button>
          </div>
        </Show>
        <Show when={t().can.edit || t().can.leave.length > 0}>
          <div class="button-group topic-actions__manage">
            <Show when={t().can.edit}>
              <Show when={!props.editing}>
                <Button variant="secondary" ref={props.editRef} onClick={props.onEdit}>
                  Edit topic
                </Button>
              </Show>
              <For each={STATUS_CHANGES[t().status] ?? []}>
                {(change) => (
                  <Button
                    variant="secondary"
                    busy={actions.busy() === `status:${change.to}`}
                    onClick={() =>
                      void actions.run(`status:${change.to}`, async () => {
                        await api.topics.update.mutate({ id: t().id, status: change.to })
                        await props.refetch()
                        return change.done
                      })
                    }
                  >
                    {change.label}
                  </Button>
                )}
              </For>
            </Show>
            <For each={t().can.leave}>
              {(slug) => (
                <ConfirmAction
                  label={t().can.leave.length > 1 ? `Take ${titleOf(slug)} out` : 'Leave this topic'}
                  accessibleLabel={`Take ${titleOf(slug)} out of this topic`}
                  variant="secondary"
                  question={
                    <>
                      Take {titleOf(slug)} out of this topic? Its members will no longer see it unless the
                      topic is public. The group would need a new invitation to come back.
                    </>
                  }
                  confirmLabel="Yes, leave the topic"
                  busy={actions.busy() === `leave:${slug}`}
                  onConfirm={async () => {
                    await actions.run(`leave:${slug}`, async () => {
                      await api.topics.leave.mutate({ id: t().id, groupSlug: slug })
                      try {
                        await api.topics.get.query({ id: t().id })
                      } catch {
                        // No longer readable: back to the group that left.
                        navigate(`/groups/${slug}`)
                        return null
                      }
                      await props.refetch()
                      return `${titleOf(slug)} has left the topic.`
                    })
                  }}
                />
              )}
            </For>
          </div>
        </Show>
        <ActionStatus message={actions.message()} error={actions.error()} compact />
      </div>
    </Show>
  )
}
