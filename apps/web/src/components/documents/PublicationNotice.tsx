import '../../styles/publication.css'
import { For, Show } from 'solid-js'
import type { DocumentView } from '../../lib/documents'
import { listText } from '../../lib/format'

type Notice = NonNullable<DocumentView['publication']>
type NoticeGroup = Notice['groups'][number]

/** A link that shows its address without the scheme, so that it reads as an address. */
function WebLink(props: { href: string }) {
  return (
    <a href={props.href} rel="noopener noreferrer external">
      {props.href.replace(/^https?:\/\//, '').replace(/\/$/, '')}
    </a>
  )
}

function Funder(props: { funder: NoticeGroup['funders'][number] }) {
  const f = () => props.funder
  const dates = () =>
    [f().received && `received ${f().received}`, f().registered && `registered ${f().registered}`]
      .filter(Boolean)
      .join(', ')
  return (
    <li>
      <strong>{f().source ?? 'Source not named'}</strong>
      {f().description ? `: ${f().description}` : ''}
      {f().valueBand ? `; value £${(f().valueBand ?? '').replace(/^£/, '')}` : ''}
      {dates() ? ` (${dates()})` : ''}
    </li>
  )
}

function Group(props: { group: NoticeGroup }) {
  const g = () => props.group
  return (
    <section class="doc-notice__group" aria-label={g().title}>
      <p class="doc-notice__title">
        <a href={`/groups/${g().slug}`}>{g().title}</a>
      </p>
      <dl class="doc-notice__facts">
        <dt>Registered contact</dt>
        <dd>
          <Show when={g().contact} fallback="Not registered.">
            {(c) => (
              <>
                {c().name ?? ''}
                <Show when={c().email}>
                  {(email) => (
                    <>
                      {c().name ? ', ' : ''}
                      <a href={`mailto:${email()}`}>{email()}</a>
                    </>
                  )}
                </Show>
              </>
            )}
          </Show>
        </dd>
        <dt>Secretariat</dt>
        <dd>
          <Show when={g().secretariat} fallback="None registered.">
            {(s) => (
              <>
                {s().text}
                <Show when={s().links.length > 0}>
                  {s().text ? ' ' : ''}
                  <For each={s().links}>
                    {(href, i) => (
                      <>
                        {i() > 0 ? (i() === s().links.length - 1 ? ' and ' : ', ') : ''}
                        <WebLink href={href} />
                      </>
                    )}
                  </For>
                </Show>
              </>
            )}
          </Show>
        </dd>
        <Show when={g().website.length > 0}>
          <dt>Website</dt>
          <dd>
            <For each={g().website}>
              {(href, i) => (
                <>
                  {i() > 0 ? ', ' : ''}
                  <WebLink href={href} />
                </>
              )}
            </For>
          </dd>
        </Show>
        <dt>Funding and benefits registered</dt>
        <dd>
          <Show when={g().funders.length > 0} fallback="None registered.">
            <ul class="doc-notice__funders">
              <For each={g().funders}>{(f) => <Funder funder={f} />}</For>
            </ul>
          </Show>
        </dd>
      </dl>
    </section>
  )
}

/**
 * The notice the rules require on a published document (its page and its print view): not an
 * official publication, and for every group that wrote it, its registered contact, its secretariat
 * and who funds that secretariat.
 */
export function PublicationNotice(props: { notice: Notice; headingId: string; heading: string }) {
  return (
    <section class="doc-notice" aria-labelledby={props.headingId}>
      <h2 id={props.headingId} class="heading-m">
        {props.heading}
      </h2>
      <p>{props.notice.notice}</p>
      <p>Published jointly by {listText(props.notice.groups.map((g) => g.title))}.</p>
      <For each={props.notice.groups}>{(g) => <Group group={g} />}</For>
    </section>
  )
}
