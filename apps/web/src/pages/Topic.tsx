import { A } from '@solidjs/router'
import { createSignal, For, type JSX, Show } from 'solid-js'
import { ConfirmAction } from '../components/Confirm'
import { Discussion } from '../components/comments/Discussion'
import { TopicDocuments } from '../components/documents/TopicDocuments'
import { AttachmentsPanel } from '../components/files/AttachmentsPanel'
import { Heading } from '../components/Heading'
import { ItemPage } from '../components/ItemPage'
import { ServerHtml } from '../components/Markdown'
import { PublicationPanel } from '../components/publication/PublicationPanel'
import { ActionStatus } from '../components/Status'
import { TagList } from '../components/Tags'
import { TopicStatusBadge, VisibilityBadge } from '../components/TopicBits'
import { InvitePanel } from '../components/topic/InvitePanel'
import { LinkedItems } from '../components/topic/LinkedItems'
import { PendingInvitations } from '../components/topic/PendingInvitations'
import { TopicActions } from '../components/topic/TopicActions'
import { TopicActivity } from '../components/topic/TopicActivity'
import { TopicEdit } from '../components/topic/TopicEdit'
import { useActions } from '../lib/data'
import { formatDate, formatDateTime, plural } from '../lib/format'
import { READS } from '../lib/preload'
import { api, type Topic } from '../lib/trpc'

export default function TopicPage() {
  return (
    <ItemPage kind="topic" read={READS.topic.name} fetch={READS.topic.fetch}>
      {(topic, refetch) => <TopicView topic={topic()} refetch={refetch} />}
    </ItemPage>
  )
}

function Row(props: { label: string; children: JSX.Element }) {
  return (
    <div class="summary-list__row">
      <dt class="summary-list__key">{props.label}</dt>
      <dd class="summary-list__value">{props.children}</dd>
    </div>
  )
}

function TopicView(props: { topic: Topic; refetch: () => Promise<void> }) {
  const t = () => props.topic
  const [editing, setEditing] = createSignal(false)
  const partnerActions = useActions()
  let editButton: HTMLButtonElement | undefined

  function closeEditor() {
    setEditing(false)
    queueMicrotask(() => editButton?.focus())
  }

  return (
    <>
      <Heading caption="Joint topic">{t().title}</Heading>
      <p class="topic-badges">
        <TopicStatusBadge status={t().status} /> <VisibilityBadge visibility={t().visibility} />
      </p>
      <p class="topic-groups">
        Proposed by <A href={`/groups/${t().owner.slug}`}>{t().owner.title}</A>
        <Show when={t().partners.length > 0}>
          {' '}
          with{' '}
          <For each={t().partners}>
            {(partner, i) => (
              <>
                {i() > 0 ? (i() === t().partners.length - 1 ? ' and ' : ', ') : ''}
                <A href={`/groups/${partner.slug}`}>{partner.title}</A>
              </>
            )}
          </For>
        </Show>
        .
      </p>

      <div class="grid-row">
        <div class="grid-main">
          <TopicActions
            topic={t()}
            refetch={props.refetch}
            editing={editing()}
            onEdit={() => setEditing(true)}
            editRef={(el) => {
              editButton = el
            }}
          />

          <Show
            when={editing()}
            fallback={
              <section class="section topic-summary" aria-labelledby="summary-heading">
                <h2 id="summary-heading" class="visually-hidden">
                  Summary
                </h2>
                <Show when={t().summaryHtml.trim()} fallback={<p class="hint">No summary yet.</p>}>
                  <ServerHtml html={t().summaryHtml} class="prose--lead" />
                </Show>
                <TagList tags={t().tags} label="Tags" />
              </section>
            }
          >
            <TopicEdit
              topic={t()}
              onSaved={async () => {
                await props.refetch()
                closeEditor()
              }}
              onCancel={closeEditor}
            />
          </Show>

          <Show when={t().can.invite}>
            <InvitePanel topic={t()} refetch={props.refetch} />
          </Show>
          <Show when={t().pendingInvitations.length > 0}>
            <PendingInvitations topic={t()} refetch={props.refetch} />
          </Show>

          <AttachmentsPanel targetType="topic" targetId={t().id} />
          <Discussion itemType="topic" itemId={t().id} canComment={t().can.comment} />

          <Show when={t().can.comment}>
            <PublicationPanel
              itemType="topic"
              itemId={t().id}
              onChange={props.refetch}
              stamp={`${t().visibility}|${t().lastActivityAt}`}
            />
          </Show>

          {/* Documents the reader may open are listed once, under the topic's documents. */}
          <LinkedItems links={t().links.filter((l) => l.itemType !== 'document' || l.restricted)} />
          <TopicDocuments topicId={t().id} groups={[t().owner, ...t().partners]} />
        </div>

        <aside class="grid-side" aria-label="About this topic">
          <section class="side-section" aria-labelledby="about-heading">
            <h2 id="about-heading" class="heading-m">
              About this topic
            </h2>
            <dl class="summary-list">
              <Row label="Status">
                <TopicStatusBadge status={t().status} />
              </Row>
              <Row label="Who can see it">
                {t().visibility === 'public'
                  ? 'Everyone, without signing in'
                  : 'Members of the groups taking part'}
              </Row>
              <Row label="Proposed by">
                <A href={`/groups/${t().owner.slug}`}>{t().owner.title}</A>
              </Row>
              <Row label="Partner groups">
                <Show when={t().partners.length > 0} fallback={<span class="hint-inline">None yet</span>}>
                  <ul class="partner-list">
                    <For each={t().partners}>
                      {(partner) => (
                        <li class="partner-list__item">
                          <A href={`/groups/${partner.slug}`}>{partner.title}</A>
                          <span class="block hint-inline">Joined {formatDate(partner.joinedAt)}</span>
                          <Show when={t().can.remove}>
                            <ConfirmAction
                              label="Remove"
                              accessibleLabel={`Remove ${partner.title} from this topic`}
                              variant="secondary"
                              question={
                                <>Remove {partner.title} from this topic? Its members will lose access.</>
                              }
                              confirmLabel="Yes, remove"
                              busy={partnerActions.busy() === `remove:${partner.slug}`}
                              onConfirm={async () => {
                                await partnerActions.run(`remove:${partner.slug}`, async () => {
                                  await api.topics.removePartner.mutate({
                                    id: t().id,
                                    groupSlug: partner.slug,
                                  })
                                  await props.refetch()
                                  return `${partner.title} was removed from the topic.`
                                })
                              }}
                            />
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </Row>
              <Row label="Started by">
                {t().createdBy.name}
                <span class="block hint-inline">{formatDate(t().createdAt)}</span>
              </Row>
              <Row label="Last activity">
                <time datetime={t().lastActivityAt}>{formatDateTime(t().lastActivityAt)}</time>
              </Row>
            </dl>
            <ActionStatus message={partnerActions.message()} error={partnerActions.error()} compact />
          </section>

          <section class="side-section" aria-labelledby="followers-heading">
            <h2 id="followers-heading" class="heading-m">
              Followers
            </h2>
            <Show
              when={t().followerCount > 0}
              fallback={<p class="side-text">Nobody follows this topic yet.</p>}
            >
              <p class="side-text">
                {plural(t().followerCount, 'person', 'people')} {t().followerCount === 1 ? 'gets' : 'get'} a
                notification when someone comments.
              </p>
              <ul class="follower-list">
                <For each={t().followers}>{(person) => <li>{person.name}</li>}</For>
              </ul>
            </Show>
          </section>
          <Show when={t().can.comment}>
            <TopicActivity topicId={t().id} stamp={t().lastActivityAt} />
          </Show>
        </aside>
      </div>
    </>
  )
}
