import { useParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { GroupDocuments } from '../components/documents/GroupDocuments'
import { GroupParticipants } from '../components/GroupParticipants'
import { GroupTopics } from '../components/GroupTopics'
import { editionDate } from '../components/group/edition'
import { GroupBenefits } from '../components/group/GroupBenefits'
import { GroupHistory } from '../components/group/GroupHistory'
import { GroupMembers, GroupOfficers } from '../components/group/GroupPeople'
import { GroupSidebar } from '../components/group/GroupSidebar'
import { MyRolePanel } from '../components/group/MyRolePanel'
import { RuleChecks } from '../components/group/RuleChecks'
import { Heading } from '../components/Heading'
import { Linkify } from '../components/Linkify'
import { Loading, PageError } from '../components/Status'
import { GroupSessionsLink } from '../components/sessions/GroupSessionsLink'
import { StatusBadge, TagList } from '../components/Tags'
import { createRead } from '../lib/data'
import { formatDate } from '../lib/format'
import { spaceBeforeUrls } from '../lib/links'
import { useTitle } from '../lib/page'
import { READS } from '../lib/preload'
import { useSignIn } from '../lib/sign-in'
import type { Group } from '../lib/trpc'

export default function GroupPage() {
  const params = useParams<{ slug: string }>()
  const group = createRead(READS.group.name, () => params.slug, READS.group.fetch)
  useTitle(() => group.data()?.title ?? (group.error() ? null : 'Group'))

  return (
    <Show when={!group.error()} fallback={<PageError error={group.error()} />}>
      <Show when={group.data()} fallback={<Loading label="Loading the group…" />}>
        {(g) => <GroupView group={g()} onChanged={() => void group.refetch()} />}
      </Show>
    </Show>
  )
}

function GroupView(props: { group: Group; onChanged: () => void }) {
  const signIn = useSignIn()
  const g = () => props.group
  const [left, setLeft] = createSignal(false)

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

          <MyRolePanel group={g()} onLeft={() => setLeft(true)} onChanged={props.onChanged} />

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

          <GroupOfficers group={g()} />

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

          <GroupBenefits group={g()} />
          <GroupMembers group={g()} />
          <Show when={signIn.can(g().slug)?.viewHistory}>
            <GroupHistory slug={g().slug} title={g().title} />
          </Show>

          <GroupParticipants slug={g().slug} title={g().title} publicParticipants={g().publicParticipants} />
          <RuleChecks slug={g().slug} />
        </div>

        <GroupSidebar group={g()} />
      </div>
    </>
  )
}
