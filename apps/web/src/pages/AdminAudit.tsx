/**
 * For the site administrator: the whole audit log, filtered by actor, action, group and days, a page
 * at a time, and the same filtered log as a CSV download. The filters live in the address, so a
 * filtered view can be bookmarked or sent, and the download link carries exactly what is shown.
 */

import { auditFilters } from '@appg-hub/schemas'
import { useSearchParams } from '@solidjs/router'
import { createSignal, Show } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { AuditList } from '../components/audit/AuditList'
import { Button, ErrorSummary, TextField } from '../components/Form'
import { Heading } from '../components/Heading'
import { ShowMore } from '../components/ShowMore'
import { Loading, PageError } from '../components/Status'
import { createPagedRead } from '../lib/data'
import { createForm } from '../lib/form'
import { useTitle } from '../lib/page'
import { useSignIn } from '../lib/sign-in'
import { api } from '../lib/trpc'
import '../styles/admin.css'

const FIELDS = ['actor', 'action', 'group', 'from', 'to'] as const
type Filters = Partial<Record<(typeof FIELDS)[number], string>>

/** The filters that are set, as the address's query and the download's. */
function query(filters: Filters): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) if (filters[field]) params.set(field, filters[field]!)
  return params.toString()
}

export default function AdminAudit() {
  useTitle(() => 'Audit log')
  const signIn = useSignIn()
  const [params, setParams] = useSearchParams<Filters>()
  const applied = (): Filters => Object.fromEntries(FIELDS.map((f) => [f, params[f] ?? ''])) as Filters
  const fields = Object.fromEntries(FIELDS.map((f) => [f, createSignal(params[f] ?? '')])) as Record<
    (typeof FIELDS)[number],
    ReturnType<typeof createSignal<string>>
  >
  const value = (field: (typeof FIELDS)[number]) => fields[field][0]()
  const form = createForm({
    schema: auditFilters,
    input: () => Object.fromEntries(FIELDS.map((f) => [f, value(f).trim()])),
    send: async (filters) => filters,
    fields: FIELDS,
    prefix: 'audit',
    onSent: (filters) => {
      setParams(Object.fromEntries(FIELDS.map((f) => [f, filters[f] || undefined])))
    },
  })
  const log = createPagedRead(
    'audit.all',
    () => signIn.me()?.isSiteAdmin === true && applied(),
    (filters, cursor) => api.audit.all.query({ filters, cursor }),
  )
  const field = (name: (typeof FIELDS)[number], label: string, hint: string, type = 'text') => (
    <TextField
      id={`audit-${name}`}
      label={label}
      hint={hint}
      type={type}
      value={value(name)}
      onValue={fields[name][1]}
      error={form.error(name)}
      autocomplete="off"
    />
  )

  return (
    <AdminOnly>
      <Heading caption="Site administration">Audit log</Heading>
      <p>Every change on the hub, newest first: who made it, to what, in which group.</p>
      <form class="audit-filters" onSubmit={(e) => void form.submit(e)} novalidate>
        <ErrorSummary items={form.summary()} />
        <div class="audit-filters__fields">
          {field('actor', 'Person', 'Part of their name.')}
          {field('action', 'Action', 'Its start, such as people. or register.officer')}
          {field('group', 'Group', 'Its short name in its address, such as cancer.')}
          {field('from', 'From', 'The first day (UTC).', 'date')}
          {field('to', 'To', 'The last day (UTC).', 'date')}
        </div>
        <div class="button-group">
          <Button type="submit" busy={form.busy()}>
            Filter
          </Button>
          <a class="button button--secondary" href={`/admin/audit-log.csv?${query(applied())}`} download="">
            Download as CSV
          </a>
        </div>
      </form>
      <Show when={!log.error() || log.items().length > 0} fallback={<PageError error={log.error()} />}>
        <Show when={!log.loading()} fallback={<Loading label="Loading the log…" />}>
          <Show when={log.items().length > 0} fallback={<p>No events match these filters.</p>}>
            <h2 class="visually-hidden">Events</h2>
            <AuditList items={log.items()} id="audit-log" caption="Audit events" showGroup />
            <ShowMore list={log} label="Show more events" listId="audit-log" focusSelector=".audit-row" />
          </Show>
        </Show>
      </Show>
    </AdminOnly>
  )
}
