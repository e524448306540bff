import { A, useParams } from '@solidjs/router'
import { createSignal, For, type JSX, Show } from 'solid-js'
import { ConfirmAction } from '../components/Confirm'
import { GroupDocuments } from '../components/documents/GroupDocuments'
import { GroupStorage } from '../components/files/GroupStorage'
import { GroupParticipants } from '../components/GroupParticipants'
import { GroupTopics } from '../components/GroupTopics'
import { RuleChecks } from '../components/group/RuleChecks'
import { Heading } from '../components/Heading'
import { Linkify } from '../components/Linkify'
import { Loading, PageError } from '../components/Status'
import { GroupSessionsLink } from '../components/sessions/GroupSessionsLink'
import { StatusBadge, TagList } from '../components/Tags'
import { createRead } from '../lib/data'
import { errorInfo } from '../lib/errors'
import { formatDate, formatShortDate, plural, roleName, websiteHref } from '../lib/format'
import { spaceBeforeUrls } from '../lib/links'
import { useTitle } from '../lib/page'
import { READS } from '../lib/preload'
import { useSession } from '../lib/session'
import { api, type Group, type GroupPerson } from '../lib/trpc'

const MEMBERS_SHOWN = 12

/** Chair first, then the Register's order of offices, then by name. */
function officerRank(person: GroupPerson): number {
  const title = (person.registerTitle ?? '').toLowerCase()
  if (person.role === 'chair' || title.startsWith('chair')) return 0
  if (title.includes('co-chair')) return 1
  if (title.includes('vice')) return 3
  if (title.includes('deputy')) return 2
  if (title.includes('treasurer')) return 4
  if (title.includes('secretary')) return 5
  return 6
}

/** A row of the summary list; with a `when`, shown only when it holds (null and '' hide it). */
function Row(props: { label: string; children: JSX.Element; when?: unknown }) {
  return (
    <Show when={'when' in props ? props.when : true}>
      <div class="summary-list__row">
        <dt class="summary-list__key">{props.label}</dt>
        <dd class="summary-list__value">{props.children}</dd>
      </div>
    </Show>
  )
}

function PersonLine(props: { person: GroupPerson }) {
  return (
    <>
      <span class="person__name">{props.person.name}</span>
      <Show when={props.person.party}>
        <span class="person__party">{props.person.party}</span>
      </Show>
    </>
  )
}

export default function GroupPage() {
  const params = useParams<{ slug: string }>()
  const session = useSession()
  const group = createRead(READS.group.name, () => params.slug, READS.group.fetch)
  useTitle(() => group.data()?.title ?? (group.error() ? null : 'Group'))

  return (
    <Show when={!group.error()} fallback={<PageError error={group.error()} />}>
      <Show when={group.data()} fallback={<Loading label="Loading the group…" />}>
        {(g) => (
          <GroupView group={g()} onChanged={() => void group.refetch()} myRole={session.roleIn(g().slug)} />
        )}
      </Show>
    </Show>
  )
}

function GroupView(props: {
  group: Group
  myRole: ReturnType<ReturnType<typeof useSession>['roleIn']>
  onChanged: () => void
}) {
  const session = useSession()
  const g = () => props.group
  const officers = () =>
    g()
      .people.filter((p) => p.role === 'chair' || p.role === 'officer')
      .sort((a, b) => officerRank(a) - officerRank(b) || a.name.localeCompare(b.name))
  const members = () => g().people.filter((p) => p.role === 'member' || p.role === 'observer')
  const canSeeRoster = () => session.can(g().slug)?.viewRoster
  const [showAll, setShowAll] = createSignal(false)
  const [leaving, setLeaving] = createSignal(false)
  const [leaveError, setLeaveError] = createSignal<string | null>(null)
  const [left, setLeft] = createSignal(false)

  async function leave() {
    setLeaving(true)
    setLeaveError(null)
    try {
      await api.memberships.leave.mutate({ slug: g().slug })
      setLeft(true)
      await session.refresh()
      props.onChanged()
    } catch (caught) {
      setLeaveError(errorInfo(caught).message)
    } finally {
      setLeaving(false)
    }
  }

  const agm = () =>
    g().agm_date || g().agm_reporting_year || g().agm_next_deadline || g().agm_statement_published !== null

  return (
    <>
      <div aria-live="polite">
        <Show when={left()}>
          <div class="alert alert--success">You have left {g().title}.</div>
        </Show>
      </div>

      <Heading caption={g().category ?? 'All-Party Parliamentary Group'}>{g().title}</Heading>
      <Show when={g().status !== 'registered'}>
        <p>
          <StatusBadge status={g().status} />{' '}
          <span class="hint">
            This group is not on the latest edition of the Register
            {g().register_edition
              ? `; it was last listed in the edition of ${formatDate(editionDate(g().register_edition!))}`
              : ''}
            .
          </span>
        </p>
      </Show>

      <div class="grid-row">
        <div class="grid-main">
          <Show when={g().purpose}>
            <p class="lead">{g().purpose}</p>
          </Show>
          <TagList tags={g().tags} label="Topics" />

          <Show when={props.myRole || canSeeRoster()}>
            <div class="panel">
              <Show when={props.myRole}>
                <p class="panel__text">
                  Your role in this group: <strong>{roleName(props.myRole!)}</strong>
                </p>
              </Show>
              <div class="button-group">
                <Show when={canSeeRoster()}>
                  <A href={`/groups/${g().slug}/members`} class="button button--primary">
                    Manage members
                  </A>
                </Show>
                <Show when={props.myRole}>
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

          <GroupTopics slug={g().slug} title={g().title} />
          <GroupDocuments slug={g().slug} title={g().title} />
          <GroupSessionsLink slug={g().slug} title={g().title} />

          <p class="hint register-source">
            Officers, secretariat, benefits and members below are the official Register
            <Show when={g().register_edition}>
              {' '}
              as published in the edition of {formatDate(editionDate(g().register_edition!))}
            </Show>
            <Show when={g().source_url}>
              {' '}
              (
              <a href={g().source_url!} rel="noopener noreferrer">
                source
              </a>
              )
            </Show>
            .
          </p>

          <section class="section" aria-labelledby="officers-heading">
            <h2 id="officers-heading" class="heading-l">
              Officers
            </h2>
            <Show
              when={officers().length > 0}
              fallback={<p>The Register lists no officers for this group.</p>}
            >
              <ul class="people-list">
                <For each={officers()}>
                  {(person) => (
                    <li class="person">
                      <span class="person__role">{person.registerTitle ?? roleName(person.role)}</span>
                      <PersonLine person={person} />
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </section>

          <section class="section" aria-labelledby="secretariat-heading">
            <h2 id="secretariat-heading" class="heading-l">
              Secretariat
            </h2>
            <Show when={g().secretariat} fallback={<p>The Register names no secretariat for this group.</p>}>
              <p class="break-words">
                <Linkify text={spaceBeforeUrls(g().secretariat)} />
              </p>
            </Show>
          </section>

          <section class="section" aria-labelledby="benefits-heading">
            <h2 id="benefits-heading" class="heading-l">
              Registrable benefits
            </h2>
            <Show
              when={g().benefits.length > 0}
              fallback={
                <p>
                  {g().registrable_benefits
                    ? g().registrable_benefits
                    : 'The group has registered no benefits.'}
                </p>
              }
            >
              <p class="hint">
                Benefits worth more than £1,500 received by the group in the last year, as the Register lists
                them.
              </p>
              <div class="table-wrap">
                <table class="table table--stack">
                  <caption class="visually-hidden">Benefits received by {g().title}</caption>
                  <thead>
                    <tr>
                      <th scope="col">Source</th>
                      <th scope="col">Description</th>
                      <th scope="col">Value (£)</th>
                      <th scope="col">Received</th>
                      <th scope="col">Registered</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={g().benefits as unknown as BenefitRow[]}>
                      {(b) => (
                        <tr>
                          <td data-label="Source">
                            {b.source ?? '—'}
                            <Show when={b.benefit_type}>
                              <span class="table__sub">{b.benefit_type}</span>
                            </Show>
                          </td>
                          <td data-label="Description">{b.description ?? '—'}</td>
                          <td data-label="Value (£)" class="nowrap">
                            {b.value_band ?? '—'}
                          </td>
                          <td data-label="Received" class="nowrap">
                            {formatShortDate(b.received) || '—'}
                          </td>
                          <td data-label="Registered" class="nowrap">
                            {formatShortDate(b.registered) || '—'}
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
          </section>

          <section class="section" aria-labelledby="members-heading">
            <h2 id="members-heading" class="heading-l">
              Members
            </h2>
            <Show when={members().length > 0} fallback={<p>No other members are listed for this group.</p>}>
              <p>{plural(members().length, 'member')} besides the officers.</p>
              <ul class="member-grid" id="member-list">
                <For each={showAll() ? members() : members().slice(0, MEMBERS_SHOWN)}>
                  {(person) => (
                    <li>
                      <PersonLine person={person} />
                      <Show when={person.role === 'observer'}>
                        <span class="person__party">Observer</span>
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={members().length > MEMBERS_SHOWN}>
                <button
                  type="button"
                  class="button button--secondary"
                  aria-expanded={showAll()}
                  aria-controls="member-list"
                  onClick={() => setShowAll(!showAll())}
                >
                  {showAll() ? 'Show fewer members' : `Show all ${plural(members().length, 'member')}`}
                </button>
              </Show>
            </Show>
          </section>

          <GroupParticipants slug={g().slug} title={g().title} publicParticipants={g().publicParticipants} />
          <RuleChecks slug={g().slug} />
        </div>

        <aside class="grid-side" aria-label="Contact and reporting">
          <GroupStorage slug={g().slug} />
          <section class="side-section" aria-labelledby="contact-heading">
            <h2 id="contact-heading" class="heading-m">
              Contact
            </h2>
            <dl class="summary-list">
              <Row
                label="Registered contact"
                when={g().registered_contact_name || g().registered_contact_email}
              >
                <Show when={g().registered_contact_name}>
                  <span class="block">{g().registered_contact_name}</span>
                </Show>
                <Show when={g().registered_contact_address}>
                  <span class="block hint-inline">{g().registered_contact_address}</span>
                </Show>
                <Show when={g().registered_contact_email}>
                  <a class="break-anywhere" href={`mailto:${g().registered_contact_email}`}>
                    {g().registered_contact_email}
                  </a>
                </Show>
              </Row>
              <Row
                label="Public enquiry point"
                when={g().public_enquiry_point_name || g().public_enquiry_point_email}
              >
                <Show when={g().public_enquiry_point_name}>
                  <span class="block">{g().public_enquiry_point_name}</span>
                </Show>
                <Show when={g().public_enquiry_point_email}>
                  <a class="break-anywhere" href={`mailto:${g().public_enquiry_point_email}`}>
                    {g().public_enquiry_point_email}
                  </a>
                </Show>
              </Row>
              <Row label="Website" when={g().website_url}>
                <a class="break-anywhere" href={websiteHref(g().website_url!)} rel="noopener noreferrer">
                  {g()
                    .website_url!.replace(/^https?:\/\/(www\.)?/, '')
                    .replace(/\/$/, '')}
                </a>
              </Row>
            </dl>
          </section>

          <Show when={agm()}>
            <section class="side-section" aria-labelledby="agm-heading">
              <h2 id="agm-heading" class="heading-m">
                Annual general meeting
              </h2>
              <dl class="summary-list">
                <Row label="Most recent AGM" when={g().agm_date}>
                  {formatDate(g().agm_date)}
                </Row>
                <Row label="Income and expenditure statement" when={g().agm_statement_published !== null}>
                  {g().agm_statement_published ? 'Published' : 'Not published'}
                </Row>
                <Row label="Reporting year" when={g().agm_reporting_year}>
                  {g().agm_reporting_year}
                </Row>
                <Row label="Next reporting deadline" when={g().agm_next_deadline}>
                  {formatDate(g().agm_next_deadline)}
                </Row>
              </dl>
            </section>
          </Show>

          <Show when={g().source_url}>
            <p class="source-note">
              <a href={g().source_url!} rel="noopener noreferrer">
                This group on the official Register
              </a>
              <Show when={g().register_edition}>
                <span class="block hint-inline">
                  Edition of {formatDate(editionDate(g().register_edition!))}
                </span>
              </Show>
            </p>
          </Show>
        </aside>
      </div>
    </>
  )
}

interface BenefitRow {
  source: string | null
  description: string | null
  value_band: string | null
  received: string | null
  registered: string | null
  benefit_type: string | null
}

/** Register editions are named YYMMDD ("260629"); anything else is shown as given. */
function editionDate(edition: string): string {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(edition)
  return m ? `20${m[1]}-${m[2]}-${m[3]}` : edition
}
