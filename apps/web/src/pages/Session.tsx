import { A } from '@solidjs/router'
import { createSignal, For, type JSX, Show } from 'solid-js'
import { Discussion } from '../components/comments/Discussion'
import { AttachmentsPanel } from '../components/files/AttachmentsPanel'
import { Heading } from '../components/Heading'
import { ItemPage } from '../components/ItemPage'
import { ServerHtml } from '../components/Markdown'
import { PublicationPanel } from '../components/publication/PublicationPanel'
import { Agenda } from '../components/sessions/Agenda'
import { SessionCalendarLinks } from '../components/sessions/CalendarLinks'
import { CohostGroups } from '../components/sessions/CohostGroups'
import { EditSession, LifecycleActions } from '../components/sessions/HostActions'
import { MinutesPanel, NoticePanel, SignupList } from '../components/sessions/HostPanels'
import { SessionStatusBadge } from '../components/sessions/SessionBits'
import { SessionDocuments } from '../components/sessions/SessionDocuments'
import { SignUpPanel } from '../components/sessions/SignUpPanel'
import { VisibilityBadge } from '../components/TopicBits'
import { formatDate, listText } from '../lib/format'
import { READS } from '../lib/preload'
import { type Session, sessionWhen } from '../lib/sessions'
import '../styles/sessions.css'

export default function SessionPage() {
  return (
    <ItemPage kind="session" read={READS.session.name} fetch={READS.session.fetch}>
      {(session, refetch) => <SessionView session={session()} refetch={refetch} />}
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

function SessionView(props: { session: Session; refetch: () => Promise<void> }) {
  const m = () => props.session
  const [editing, setEditing] = createSignal(false)
  const hosts = () => [m().owner, ...m().cohosts]
  return (
    <>
      <Heading caption="Session">{m().title}</Heading>
      <p class="session-badges">
        <SessionStatusBadge status={m().status} /> <VisibilityBadge visibility={m().visibility} />
      </p>
      <p class="session-when">
        <time datetime={m().startsAt}>{sessionWhen(m().startsAt, m().endsAt)}</time>{' '}
        <span class="hint-inline">(London time)</span>
      </p>
      <p class="session-where">
        {m().place ?? 'Place to be confirmed'}
        <Show when={m().onlineUrl}>
          {' · '}
          <a href={m().onlineUrl!} rel="noopener noreferrer">
            Join online
          </a>
        </Show>
      </p>
      <p class="topic-groups">
        Hosted by{' '}
        <For each={hosts()}>
          {(g, i) => (
            <>
              {i() > 0 ? (i() === hosts().length - 1 ? ' and ' : ', ') : ''}
              <A href={`/groups/${g.slug}`}>{g.title}</A>
            </>
          )}
        </For>
        .
      </p>
      <Show when={m().status === 'cancelled'}>
        <div class="session-cancelled" role="note">
          <strong>This session is cancelled.</strong>
          <Show when={m().cancelReason}> {m().cancelReason}</Show>
        </div>
      </Show>
      <Show when={m().noticeWarning}>
        <div class="session-warning" role="note">
          {m().noticeWarning}
        </div>
      </Show>

      <div class="grid-row">
        <div class="grid-main">
          <LifecycleActions session={m()} refetch={props.refetch} onEdit={() => setEditing(true)} />
          <Show
            when={editing()}
            fallback={
              <section class="section" aria-labelledby="about-session-heading">
                <h2 id="about-session-heading" class="visually-hidden">
                  About the session
                </h2>
                <Show when={m().descriptionHtml.trim()} fallback={<p class="hint">No description yet.</p>}>
                  <ServerHtml html={m().descriptionHtml} class="prose--lead" />
                </Show>
              </section>
            }
          >
            <EditSession
              session={m()}
              onSaved={async () => {
                await props.refetch()
                setEditing(false)
              }}
              onCancel={() => setEditing(false)}
            />
          </Show>

          <Agenda session={m()} refetch={props.refetch} />
          <SignUpPanel session={m()} refetch={props.refetch} />
          <Show when={m().can.seeSignups}>
            <SignupList session={m()} />
          </Show>
          <Show when={m().can.invite}>
            <CohostGroups session={m()} refetch={props.refetch} />
          </Show>
          <NoticePanel session={m()} />
          <MinutesPanel session={m()} refetch={props.refetch} />
          <AttachmentsPanel targetType="meeting" targetId={m().id} />
          <SessionDocuments session={m()} />
          <Show when={m().can.comment}>
            <PublicationPanel
              itemType="meeting"
              itemId={m().id}
              onChange={props.refetch}
              stamp={`${m().visibility}|${m().updatedAt}`}
            />
          </Show>
          <Discussion itemType="meeting" itemId={m().id} canComment={m().can.comment} />
        </div>

        <aside class="grid-side" aria-label="About this session">
          <section class="side-section" aria-labelledby="side-heading">
            <h2 id="side-heading" class="heading-m">
              About this session
            </h2>
            <dl class="summary-list">
              <Row label="Status">
                <SessionStatusBadge status={m().status} />
              </Row>
              <Row label="Who can see it">
                {m().visibility === 'public'
                  ? m().status === 'draft'
                    ? 'Everyone, once scheduled'
                    : 'Everyone, without signing in'
                  : 'Members of the host groups'}
              </Row>
              <Row label="Hosts">{listText(hosts().map((h) => h.title))}</Row>
              <Show when={m().topic}>
                <Row label="Topic">
                  <A href={`/topics/${m().topic!.id}`}>{m().topic!.title}</A>
                </Row>
              </Show>
              <Row label="Places">
                {m().capacity === null ? 'No limit' : `${m().capacity} (${m().placesLeft} left)`}
              </Row>
              <Row label="Drafted by">
                {m().createdBy.name}
                <span class="block hint-inline">{formatDate(m().createdAt)}</span>
              </Row>
            </dl>
            <SessionCalendarLinks
              id={m().id}
              title={m().title}
              startsAt={m().startsAt}
              endsAt={m().endsAt}
              location={m().place ?? m().onlineUrl}
            />
          </section>
        </aside>
      </div>
    </>
  )
}
