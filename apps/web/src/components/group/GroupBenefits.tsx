import { For, Show } from 'solid-js'
import { formatShortDate } from '../../lib/format'
import type { Group } from '../../lib/trpc'

interface BenefitRow {
  source: string | null
  description: string | null
  value_band: string | null
  received: string | null
  registered: string | null
  benefit_type: string | null
}

/** The Register's registrable benefits of a group, as a table that stacks on a narrow screen. */
export function GroupBenefits(props: { group: Group }) {
  const g = () => props.group
  return (
    <section class="section" aria-labelledby="benefits-heading">
      <h2 id="benefits-heading" class="heading-l">
        Registrable benefits
      </h2>
      <Show
        when={g().benefits.length > 0}
        fallback={
          <p>
            {g().registrable_benefits ? g().registrable_benefits : 'The group has registered no benefits.'}
          </p>
        }
      >
        <p class="hint">
          Benefits worth more than £1,500 received by the group in the last year, as the Register lists them.
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
  )
}
