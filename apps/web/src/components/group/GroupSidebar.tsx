import { type JSX, Show } from 'solid-js'
import { formatDate, websiteHref } from '../../lib/format'
import type { Group } from '../../lib/trpc'
import { GroupStorage } from '../files/GroupStorage'
import { editionDate } from './edition'

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

/** The group page's side column: storage, contact, the AGM block and the Register source. */
export function GroupSidebar(props: { group: Group }) {
  const g = () => props.group
  const agm = () =>
    g().agm_date || g().agm_reporting_year || g().agm_next_deadline || g().agm_statement_published !== null
  return (
    <aside class="grid-side" aria-label="Contact and reporting">
      <GroupStorage slug={g().slug} />
      <section class="side-section" aria-labelledby="contact-heading">
        <h2 id="contact-heading" class="heading-m">
          Contact
        </h2>
        <dl class="summary-list">
          <Row label="Registered contact" when={g().registered_contact_name || g().registered_contact_email}>
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
            <span class="block hint-inline">Edition of {formatDate(editionDate(g().register_edition!))}</span>
          </Show>
        </p>
      </Show>
    </aside>
  )
}
