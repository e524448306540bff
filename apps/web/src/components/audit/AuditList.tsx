/**
 * Audit events as a table (a card per event on a phone): when, what, who, which group and item, and
 * the particulars. For a group's officers and for the site administrator; the server decides who reads it.
 */
import { A } from '@solidjs/router'
import { For, Show } from 'solid-js'
import { formatDateTime, truncate } from '../../lib/format'
import type { AuditEntry } from '../../lib/trpc'

const ITEM_PATHS: Record<string, string> = {
  topic: '/topics/',
  document: '/documents/',
  session: '/sessions/',
}

/** The particulars as "key: value" pairs, nested values as compact JSON; long ones cut (the CSV has them whole). */
function particulars(details: Record<string, unknown>): string {
  const text = Object.entries(details)
    .map(([key, value]) => `${key}: ${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join('; ')
  return truncate(text, 300)
}

export function AuditList(props: { items: AuditEntry[]; id: string; caption: string; showGroup?: boolean }) {
  return (
    <div class="table-wrap">
      <table class="table table--stack" id={props.id}>
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">When (London)</th>
            <th scope="col">Action</th>
            <th scope="col">Who</th>
            <Show when={props.showGroup}>
              <th scope="col">Group</th>
            </Show>
            <th scope="col">Item</th>
            <th scope="col">Particulars</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.items}>
            {(entry) => (
              <tr class="audit-row" tabIndex={-1}>
                <td data-label="When" class="nowrap">
                  <time datetime={entry.at}>{formatDateTime(entry.at)}</time>
                </td>
                <td data-label="Action">
                  <code>{entry.action}</code>
                </td>
                <td data-label="Who">{entry.actor?.name ?? 'Automatic'}</td>
                <Show when={props.showGroup}>
                  <td data-label="Group">
                    <Show when={entry.group} fallback="—">
                      {(g) => <A href={`/groups/${g().slug}`}>{g().title}</A>}
                    </Show>
                  </td>
                </Show>
                <td data-label="Item">
                  <Show when={entry.itemType} fallback="—">
                    <Show when={ITEM_PATHS[entry.itemType!] && entry.itemId} fallback={entry.itemType}>
                      <A href={`${ITEM_PATHS[entry.itemType!]}${entry.itemId}`}>{entry.itemType}</A>
                    </Show>
                  </Show>
                </td>
                <td data-label="Particulars" class="audit-particulars break-anywhere">
                  {particulars(entry.details) || '—'}
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}
