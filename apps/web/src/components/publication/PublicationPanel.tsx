import '../../styles/publication.css'
import { createSignal, For, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { formatDateTime, listText } from '../../lib/format'
import { api } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, TextAreaField } from '../Form'
import { ActionStatus } from '../Status'

type ItemType = 'topic' | 'meeting' | 'document'

const NOUN: Record<ItemType, string> = { topic: 'topic', meeting: 'session', document: 'document' }

const STATUS_WORDS: Record<string, string> = {
  pending: 'Waiting for consent',
  approved: 'Approved by every group',
  declined: 'Declined',
  withdrawn: 'Withdrawn',
  expired: 'Expired without every answer',
}

/**
 * Publication by consent, on an item's page for its groups: whether it is public, the request
 * under way with each group's answer, and the buttons the caller's role allows — ask (the owner's
 * officers), consent or decline with a reason (each group's officers), withdraw the request, and
 * withdraw consent from a public item, which takes it out of public view at once.
 */
export function PublicationPanel(props: {
  itemType: ItemType
  itemId: string
  /** Called after any change, so that the page shows the item as it now is. */
  onChange?: () => Promise<void>
  /** Changes when the item changed elsewhere on the page (an edit that asked to make it public). */
  stamp?: string
}) {
  const panel = createRead(
    'publication.get',
    () => `${props.itemId}|${props.stamp ?? ''}`,
    () => api.publication.get.query({ itemType: props.itemType, itemId: props.itemId }),
  )
  const actions = useActions()
  const [reason, setReason] = createSignal('')
  const [declining, setDeclining] = createSignal(false)
  const noun = () => NOUN[props.itemType]
  const publicWord = () => (props.itemType === 'document' ? 'published' : 'public')

  async function act(key: string, call: () => Promise<unknown>, done: string) {
    await actions.run(key, async () => {
      await call()
      await panel.refetch()
      await props.onChange?.()
      setDeclining(false)
      setReason('')
      return done
    })
  }

  return (
    <Show when={panel.data()}>
      {(p) => (
        <section class="publication" aria-labelledby="publication-heading">
          <h2 id="publication-heading" class="heading-m">
            Publication
          </h2>
          <p>
            <strong>
              {p().isPublic
                ? props.itemType === 'document'
                  ? 'Published.'
                  : 'Public: anyone can read it.'
                : `Not ${publicWord()}: only its groups can read it.`}
            </strong>{' '}
            Making this {noun()} public needs the consent of an officer of every group taking part; any group
            can withdraw its consent later.
          </p>
          <Show when={p().latest}>
            {(r) => (
              <div class="publication__request">
                <p>
                  <span class="badge" classList={{ 'badge--green': r().status === 'approved' }}>
                    {STATUS_WORDS[r().status] ?? r().status}
                  </span>{' '}
                  {r().requestedBy} of {r().from.title} asked on {formatDateTime(r().createdAt)}
                  {r().revisionNumber ? ` to publish revision ${r().revisionNumber}` : ''}.
                  <Show when={r().status === 'pending'}> Open until {formatDateTime(r().expiresAt)}.</Show>
                </p>
                <Show when={r().reason}>
                  <p>
                    {r().status === 'declined' ? 'Declined' : 'Withdrawn'} by {r().decidedGroup}: “
                    {r().reason}”
                  </p>
                </Show>
                <ul class="publication__groups" aria-label="Each group's answer">
                  <For each={r().groups}>
                    {(g) => (
                      <li>
                        {g.title}:{' '}
                        {g.consented
                          ? `consented${g.by ? ` (${g.by}, ${formatDateTime(g.at)})` : ''}`
                          : r().status === 'pending'
                            ? 'not yet answered'
                            : 'did not consent'}
                      </li>
                    )}
                  </For>
                </ul>
                <Show when={r().canAnswer.length > 0}>
                  <div class="button-group">
                    <Button
                      busy={actions.busy() === 'approve'}
                      onClick={() =>
                        void act(
                          'approve',
                          () => api.publication.approve.mutate({ id: r().id }),
                          `You consented for ${listText(r().canAnswer.map((s) => r().groups.find((g) => g.slug === s)?.title ?? s))}.`,
                        )
                      }
                    >
                      Consent for my group
                    </Button>
                    <Show when={!declining()}>
                      <Button variant="secondary" onClick={() => setDeclining(true)}>
                        Decline…
                      </Button>
                    </Show>
                  </div>
                  <Show when={declining()}>
                    <form
                      class="publication__decline"
                      onSubmit={(e) => {
                        e.preventDefault()
                        void act(
                          'decline',
                          () => api.publication.decline.mutate({ id: r().id, reason: reason() }),
                          'Declined: the other groups have been told why.',
                        )
                      }}
                    >
                      <TextAreaField
                        id="publication-reason"
                        label="Why does your group decline?"
                        hint="The other groups read this, so that they can answer it."
                        value={reason()}
                        onValue={setReason}
                        rows={3}
                        maxLength={2000}
                      />
                      <div class="button-group">
                        <Button type="submit" variant="warning" busy={actions.busy() === 'decline'}>
                          Decline
                        </Button>
                        <Button variant="secondary" onClick={() => setDeclining(false)}>
                          Cancel
                        </Button>
                      </div>
                    </form>
                  </Show>
                </Show>
                <Show when={r().canCancel}>
                  <Button
                    variant="secondary"
                    busy={actions.busy() === 'cancel'}
                    onClick={() =>
                      void act(
                        'cancel',
                        () => api.publication.cancel.mutate({ id: r().id }),
                        'Request withdrawn: nothing was made public.',
                      )
                    }
                  >
                    Withdraw the request
                  </Button>
                </Show>
              </div>
            )}
          </Show>
          <div class="button-group">
            <Show when={p().can.request && !(p().isPublic && props.itemType !== 'document')}>
              <Button
                variant="secondary"
                busy={actions.busy() === 'request'}
                onClick={() =>
                  void act(
                    'request',
                    () =>
                      api.publication.request.mutate({
                        itemType: props.itemType,
                        itemId: props.itemId,
                        visibility: 'public',
                      }),
                    `Asked: it becomes ${publicWord()} once every group has consented.`,
                  )
                }
              >
                {props.itemType === 'document'
                  ? p().isPublic
                    ? 'Ask to publish the current revision'
                    : 'Ask to publish'
                  : 'Ask to make it public'}
              </Button>
            </Show>
            <Show when={p().can.withdraw.length > 0}>
              <ConfirmAction
                label="Withdraw my group's consent"
                question={`Withdraw your group's consent? The ${noun()} leaves public view at once and the other groups are told.`}
                confirmLabel="Withdraw consent"
                busy={actions.busy() === 'withdraw'}
                onConfirm={() =>
                  act(
                    'withdraw',
                    () =>
                      api.publication.withdraw.mutate({
                        itemType: props.itemType,
                        itemId: props.itemId,
                        groupSlug: p().can.withdraw[0],
                      }),
                    `Consent withdrawn: the ${noun()} is no longer public, and the other groups have been told.`,
                  )
                }
              />
            </Show>
          </div>
          <ActionStatus message={actions.message()} error={actions.error()} compact />
        </section>
      )}
    </Show>
  )
}
