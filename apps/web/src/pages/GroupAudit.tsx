/**
 * A group's audit log, for its chair and officers (and the site administrator): every change made in
 * the group, newest first, a page at a time. The server refuses anyone else; the group page links
 * here only when the server's `viewAudit` flag says so.
 */
import { A, useParams } from '@solidjs/router'
import { Show } from 'solid-js'
import { AuditList } from '../components/audit/AuditList'
import { Heading } from '../components/Heading'
import { ShowMore } from '../components/ShowMore'
import { Loading, PageError } from '../components/Status'
import { createPagedRead, createRead } from '../lib/data'
import { useTitle } from '../lib/page'
import { READS } from '../lib/preload'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import '../styles/admin.css'

export default function GroupAudit() {
  const params = useParams<{ slug: string }>()
  const signIn = useSignIn()
  const group = createRead(READS.group.name, () => params.slug, READS.group.fetch)
  useTitle(() => (group.data() ? `Audit log – ${group.data()!.title}` : 'Audit log'))
  const log = createPagedRead(
    'audit.forGroup',
    () => signIn.ready() && params.slug,
    (slug, cursor) => api.audit.forGroup.query({ slug, cursor }),
  )

  return (
    <Show when={!group.error()} fallback={<PageError error={group.error()} />}>
      <Show when={group.data()} fallback={<Loading />}>
        {(g) => (
          <Show when={!log.error() || log.items().length > 0} fallback={<PageError error={log.error()} />}>
            <A href={`/groups/${g().slug}`} class="back-link">
              Back to {g().title}
            </A>
            <Heading caption={g().title}>Audit log</Heading>
            <p>Every change made in {g().title} on the hub, newest first, and who made it.</p>
            <Show when={!log.loading()} fallback={<Loading label="Loading the log…" />}>
              <Show
                when={log.items().length > 0}
                fallback={<p>Nothing has been recorded for this group yet.</p>}
              >
                <h2 class="visually-hidden">Events</h2>
                <AuditList
                  items={log.items()}
                  id="group-audit-log"
                  caption={`Audit events of ${g().title}`}
                />
                <ShowMore
                  list={log}
                  label="Show more events"
                  listId="group-audit-log"
                  focusSelector=".audit-row"
                />
              </Show>
            </Show>
          </Show>
        )}
      </Show>
    </Show>
  )
}
