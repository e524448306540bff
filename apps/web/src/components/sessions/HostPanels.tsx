/** For the hosts: who signed up (and the CSV), the draft notice, and the minutes. */
import { A } from '@solidjs/router'
import { createSignal, For, Show } from 'solid-js'
import { createRead, useActions } from '../../lib/data'
import { errorInfo } from '../../lib/errors'
import { formatDateTime } from '../../lib/format'
import { type Session, SIGNUP_NAMES } from '../../lib/sessions'
import { useSignIn } from '../../lib/sign-in'
import { api } from '../../lib/trpc'
import { CopyButton } from '../CopyButton'
import { Button, SelectField, TextField } from '../Form'
import { ScrollRegion } from '../ScrollRegion'
import { ActionStatus, Loading } from '../Status'

export function SignupList(props: { session: Session }) {
  const list = createRead(
    'sessions.signups',
    () =>
      `${props.session.id}:${props.session.counts.going}:${props.session.counts.waitlist}:${props.session.counts.maybe}`,
    () => api.sessions.signups.query({ id: props.session.id }),
  )
  return (
    <section class="section" aria-labelledby="signups-heading">
      <h2 id="signups-heading" class="heading-l">
        Who signed up
      </h2>
      <p>
        <a href={`/sessions/${props.session.id}/signups.csv`} download="">
          Download the list (CSV)
        </a>
      </p>
      <Show
        when={list.data()}
        fallback={
          <Show
            when={!list.error()}
            fallback={<p class="alert alert--error">{errorInfo(list.error()).message}</p>}
          >
            <Loading label="Loading sign-ups…" />
          </Show>
        }
      >
        <Show when={list.data()!.signups.length > 0} fallback={<p>Nobody has signed up yet.</p>}>
          <ScrollRegion label="Sign-ups">
            <table class="table" id="signup-table">
              <caption class="visually-hidden">Sign-ups, going first, then the waiting list in order</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Status</th>
                  <th scope="col">Email</th>
                  <th scope="col">Since</th>
                </tr>
              </thead>
              <tbody>
                <For each={list.data()!.signups}>
                  {(s) => (
                    <tr>
                      <td>
                        {s.name}
                        <Show when={s.organisation}>
                          <span class="block hint-inline">{s.organisation}</span>
                        </Show>
                      </td>
                      <td>{SIGNUP_NAMES[s.status]}</td>
                      <td>{s.email ?? ''}</td>
                      <td>{formatDateTime(s.updatedAt)}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </ScrollRegion>
        </Show>
      </Show>
    </section>
  )
}

export function NoticePanel(props: { session: Session }) {
  return (
    <Show when={props.session.notice}>
      <section class="section" aria-labelledby="notice-heading">
        <h2 id="notice-heading" class="heading-l">
          Notice
        </h2>
        <p class="hint">
          A draft for the All-Party Notices, which ask for a week’s notice of group meetings. Copy it and send
          it on.
        </p>
        <CopyButton text={props.session.notice!} label="Copy the notice" selectId="session-notice" />
        <pre class="session-notice" id="session-notice">
          {props.session.notice}
        </pre>
      </section>
    </Show>
  )
}

/** After the session is held: attach a document of a host group as its minutes, or start one. */
export function MinutesPanel(props: { session: Session; refetch: () => Promise<void> }) {
  const m = () => props.session
  const signIn = useSignIn()
  const actions = useActions()
  const hostSlugs = () => [m().owner.slug, ...m().cohosts.map((c) => c.slug)]
  const documents = createRead(
    'documents.listForGroups',
    () => m().can.attachMinutes && hostSlugs().join(' '),
    async (slugs) => {
      const pages = await Promise.all(
        slugs.split(' ').map((slug) => api.documents.listForGroup.query({ slug })),
      )
      const attached = new Set(m().minutes.map((x) => x.documentId))
      const seen = new Set<string>()
      return pages
        .flatMap((p) => p.items)
        .filter(
          (d) =>
            hostSlugs().includes(d.owner.slug) && !attached.has(d.id) && !seen.has(d.id) && seen.add(d.id),
        )
    },
  )
  const [choice, setChoice] = createSignal('')
  const [title, setTitle] = createSignal(`Minutes: ${m().title}`)
  /** Host groups in which I may create documents. */
  const myHostGroups = () => hostSlugs().filter((slug) => signIn.can(slug)?.createItems)

  async function attach(documentId: string, what: string) {
    await api.sessions.attachMinutes.mutate({ id: m().id, documentId })
    await props.refetch()
    await documents.refetch()
    return what
  }

  return (
    <Show when={m().minutes.length > 0 || m().can.attachMinutes}>
      <section class="section" aria-labelledby="minutes-heading">
        <h2 id="minutes-heading" class="heading-l">
          Minutes
        </h2>
        <Show when={m().minutesPrompt}>
          <p class="session-warning">This session has been held. Attach its minutes when they are ready.</p>
        </Show>
        <Show when={m().minutes.length > 0}>
          <ul class="list">
            <For each={m().minutes}>
              {(doc) => (
                <li>
                  <A href={`/documents/${doc.documentId}`}>{doc.title}</A>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={m().can.attachMinutes}>
          <Show when={(documents.data() ?? []).length > 0}>
            <SelectField
              id="minutes-document"
              label="Attach a document of a host group"
              value={choice()}
              onValue={setChoice}
              options={[
                { value: '', label: 'Choose a document' },
                ...(documents.data() ?? []).map((d) => ({
                  value: d.id,
                  label: `${d.title} (${d.owner.title})`,
                })),
              ]}
            />
            <Button
              variant="secondary"
              busy={actions.busy() === 'attach'}
              onClick={() =>
                choice() && actions.run('attach', () => attach(choice(), 'The minutes are attached.'))
              }
            >
              Attach as minutes
            </Button>
          </Show>
          <Show when={myHostGroups().length > 0}>
            <h3 class="heading-m">Start the minutes</h3>
            <TextField id="minutes-title" label="Title" value={title()} onValue={setTitle} />
            <Button
              busy={actions.busy() === 'create'}
              onClick={() =>
                actions.run('create', async () => {
                  const created = await api.documents.create.mutate({
                    groupSlug: myHostGroups()[0]!,
                    kind: 'minutes',
                    title: title().trim() || `Minutes: ${m().title}`,
                    body: `# ${title().trim() || m().title}\n\n`,
                    visibility: 'participants',
                  })
                  return attach(
                    created.id,
                    'A minutes document was started and attached. Open it to write them.',
                  )
                })
              }
            >
              Create minutes document
            </Button>
          </Show>
          <ActionStatus message={actions.message()} error={actions.error()} compact />
        </Show>
      </section>
    </Show>
  )
}
