import { A, useParams, useSearchParams } from '@solidjs/router'
import { createSignal, For, type JSX, Match, Show, Switch } from 'solid-js'
import { ConfirmAction } from '../components/Confirm'
import { Button, TextAreaField } from '../components/Form'
import { Heading } from '../components/Heading'
import { ActionStatus, Loading, PageError } from '../components/Status'
import { Tabs } from '../components/Tabs'
import { createRead, useActions } from '../lib/data'
import { formatDate } from '../lib/format'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api, type GroupInvitations, type ItemInvitation } from '../lib/trpc'

const ITEM_NAMES: Record<string, string> = { topic: 'Topic', meeting: 'Session', document: 'Document' }
const ITEM_PATHS: Record<string, string> = {
  topic: '/topics/',
  meeting: '/sessions/',
  document: '/documents/',
}
const TABS = ['received', 'sent', 'history'] as const
type TabId = (typeof TABS)[number]

export default function Invitations() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  const data = createRead(
    'invitations.forGroup',
    () => signIn.ready() && params.slug,
    (slug) => api.invitations.forGroup.query({ slug }),
  )
  const group = createRead(
    'register.group',
    () => params.slug,
    (slug) => api.register.group.query({ slug }),
  )
  const title = () => group.data()?.title ?? signIn.me()?.groups.find((g) => g.slug === params.slug)?.title
  useTitle(() => (title() ? `Invitations – ${title()}` : data.error() ? null : 'Invitations'))

  return (
    <Show when={!data.error()} fallback={<PageError error={data.error()} what="this group’s invitations" />}>
      <Show when={data.data()} fallback={<Loading label="Loading invitations…" />}>
        {(d) => (
          <InvitationsView
            slug={params.slug}
            title={title() ?? params.slug}
            data={d()}
            refetch={data.refetch}
          />
        )}
      </Show>
    </Show>
  )
}

function itemLink(inv: ItemInvitation): JSX.Element {
  const base = ITEM_PATHS[inv.itemType]
  return (
    <>
      <span class="badge badge--grey">{ITEM_NAMES[inv.itemType] ?? inv.itemType}</span>{' '}
      <Show when={base} fallback={inv.itemTitle}>
        <A href={`${base}${inv.itemId}`}>{inv.itemTitle}</A>
      </Show>
    </>
  )
}

const STATUS: Record<string, { label: string; tone: string }> = {
  pending: { label: 'Waiting for an answer', tone: 'blue' },
  accepted: { label: 'Accepted', tone: 'green' },
  declined: { label: 'Declined', tone: 'red' },
  withdrawn: { label: 'Withdrawn', tone: 'grey' },
  expired: { label: 'Expired', tone: 'grey' },
}

function StatusTag(props: { status: string }) {
  const s = () => STATUS[props.status] ?? { label: props.status, tone: 'grey' }
  return <strong class={`badge badge--${s().tone}`}>{s().label}</strong>
}

function InvitationsView(props: {
  slug: string
  title: string
  data: GroupInvitations
  refetch: () => Promise<void>
}) {
  const [params, setParams] = useSearchParams<{ tab?: string }>()
  const tab = (): TabId => (TABS.includes(params.tab as TabId) ? (params.tab as TabId) : 'received')
  const actions = useActions()
  const d = () => props.data
  const pendingReceived = () => d().received.filter((i) => i.status === 'pending')

  return (
    <>
      <A href={`/groups/${props.slug}`} class="back-link">
        Back to {props.title}
      </A>
      <Heading caption={props.title}>Invitations</Heading>
      <p class="lead">
        Other groups invite yours to join their topics, and yours invites them. Only the chair and officers
        can send and answer invitations.
      </p>
      <ActionStatus message={actions.message()} error={actions.error()} focus />

      <Tabs
        id="invitations"
        label="Invitations"
        selected={tab()}
        onSelect={(id) => setParams({ tab: id === 'received' ? undefined : id }, { replace: true })}
        tabs={[
          {
            id: 'received',
            label: `Received (${pendingReceived().length})`,
            panel: () => (
              <>
                <h2 class="heading-m">Invitations to {props.title}</h2>
                <Show
                  when={pendingReceived().length > 0}
                  fallback={<p>No invitations are waiting for an answer.</p>}
                >
                  <Show when={!d().canAnswer}>
                    <p class="inset">Only the chair and officers of {props.title} can accept or decline.</p>
                  </Show>
                  <ul class="invitation-cards">
                    <For each={pendingReceived()}>
                      {(inv) => (
                        <ReceivedCard
                          inv={inv}
                          canAnswer={d().canAnswer}
                          busy={actions.busy()}
                          onAnswer={(answer, reply) =>
                            actions.run(`${answer}:${inv.id}`, async () => {
                              const input = { id: inv.id, reply: reply.trim() || undefined }
                              if (answer === 'accept') await api.invitations.accept.mutate(input)
                              else await api.invitations.decline.mutate(input)
                              await props.refetch()
                              return answer === 'accept'
                                ? `You accepted. ${inv.to.title} now takes part in “${inv.itemTitle}”.`
                                : `You declined the invitation to “${inv.itemTitle}”. ${inv.from.title} will be told.`
                            })
                          }
                        />
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            ),
          },
          {
            id: 'sent',
            label: `Sent (${d().sent.filter((i) => i.status === 'pending').length})`,
            panel: () => (
              <>
                <h2 class="heading-m">Invitations from {props.title}</h2>
                <Show
                  when={d().sent.some((i) => i.status === 'pending')}
                  fallback={<p>No invitation from {props.title} is waiting for an answer.</p>}
                >
                  <ul class="invitation-cards">
                    <For each={d().sent.filter((i) => i.status === 'pending')}>
                      {(inv) => (
                        <li class="invitation-card">
                          <h3 class="invitation-card__title">{itemLink(inv)}</h3>
                          <p class="invitation-card__meta">
                            To <A href={`/groups/${inv.to.slug}`}>{inv.to.title}</A>
                            <span class="block">
                              Sent by {inv.sentBy.name} on {formatDate(inv.createdAt)} · Expires{' '}
                              {formatDate(inv.expiresAt)}
                            </span>
                          </p>
                          <Show when={inv.message}>
                            <blockquote class="quote">{inv.message}</blockquote>
                          </Show>
                          <Show when={d().canAnswer}>
                            <ConfirmAction
                              label="Withdraw"
                              accessibleLabel={`Withdraw the invitation to ${inv.to.title}`}
                              variant="secondary"
                              question={
                                <>
                                  Withdraw the invitation to {inv.to.title} to join “{inv.itemTitle}”?
                                </>
                              }
                              confirmLabel="Yes, withdraw it"
                              busy={actions.busy() === `withdraw:${inv.id}`}
                              onConfirm={async () => {
                                await actions.run(`withdraw:${inv.id}`, async () => {
                                  await api.invitations.withdraw.mutate({ id: inv.id })
                                  await props.refetch()
                                  return `The invitation to ${inv.to.title} was withdrawn.`
                                })
                              }}
                            />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </>
            ),
          },
          {
            id: 'history',
            label: 'History',
            panel: () => <History slug={props.slug} title={props.title} items={d().history} />,
          },
        ]}
      />
    </>
  )
}

function ReceivedCard(props: {
  inv: ItemInvitation
  canAnswer: boolean
  busy: string | null
  onAnswer: (answer: 'accept' | 'decline', reply: string) => Promise<boolean>
}) {
  const [reply, setReply] = createSignal('')
  const inv = () => props.inv
  return (
    <li class="invitation-card">
      <h3 class="invitation-card__title">{itemLink(inv())}</h3>
      <p class="invitation-card__meta">
        From <A href={`/groups/${inv().from.slug}`}>{inv().from.title}</A>
        <span class="block">
          Sent by {inv().sentBy.name} on {formatDate(inv().createdAt)} · Answer by{' '}
          {formatDate(inv().expiresAt)}
        </span>
      </p>
      <Show when={inv().message}>
        <blockquote class="quote">{inv().message}</blockquote>
      </Show>
      <Show when={props.canAnswer}>
        <form class="invitation-card__answer" novalidate onSubmit={(e) => e.preventDefault()}>
          <TextAreaField
            id={`reply-${inv().id}`}
            label="Reply (optional)"
            hint={`${inv().from.title} will see it with your answer.`}
            value={reply()}
            onValue={setReply}
            rows={2}
            maxLength={2000}
          />
          <div class="button-group">
            <Button
              busy={props.busy === `accept:${inv().id}`}
              aria-label={`Accept the invitation to “${inv().itemTitle}”`}
              onClick={() => void props.onAnswer('accept', reply())}
            >
              Accept
            </Button>
            <Button
              variant="secondary"
              busy={props.busy === `decline:${inv().id}`}
              aria-label={`Decline the invitation to “${inv().itemTitle}”`}
              onClick={() => void props.onAnswer('decline', reply())}
            >
              Decline
            </Button>
          </div>
        </form>
      </Show>
    </li>
  )
}

function History(props: { slug: string; title: string; items: ItemInvitation[] }) {
  return (
    <>
      <h2 class="heading-m">Answered, withdrawn and expired</h2>
      <Show when={props.items.length > 0} fallback={<p>Nothing here yet.</p>}>
        <ul class="invitation-cards">
          <For each={props.items}>
            {(inv) => {
              const incoming = () => inv.to.slug === props.slug
              return (
                <li class="invitation-card invitation-card--history">
                  <h3 class="invitation-card__title">{itemLink(inv)}</h3>
                  <p class="invitation-card__meta">
                    <StatusTag status={inv.status} />{' '}
                    <Switch>
                      <Match when={incoming()}>
                        From <A href={`/groups/${inv.from.slug}`}>{inv.from.title}</A>
                      </Match>
                      <Match when={true}>
                        To <A href={`/groups/${inv.to.slug}`}>{inv.to.title}</A>
                      </Match>
                    </Switch>
                    <span class="block">
                      Sent by {inv.sentBy.name} on {formatDate(inv.createdAt)}
                      <Show when={inv.answeredAt}>
                        {' · '}
                        {inv.status === 'withdrawn'
                          ? 'Withdrawn'
                          : inv.status === 'expired'
                            ? 'Expired'
                            : 'Answered'}
                        <Show when={inv.answeredBy}> by {inv.answeredBy!.name}</Show> on{' '}
                        {formatDate(inv.answeredAt)}
                      </Show>
                    </span>
                  </p>
                  <Show when={inv.message}>
                    <blockquote class="quote">
                      <span class="quote__who">Message:</span> {inv.message}
                    </blockquote>
                  </Show>
                  <Show when={inv.reply}>
                    <blockquote class="quote">
                      <span class="quote__who">Reply:</span> {inv.reply}
                    </blockquote>
                  </Show>
                </li>
              )
            }}
          </For>
        </ul>
      </Show>
    </>
  )
}
