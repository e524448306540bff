/**
 * A group's history across editions of the Register (officers, benefits, purpose, secretariat and the
 * rest of its entry, tags, members, status), newest first, grouped by the day each import saw it.
 * Shown to the group's people and the site administrator (the server's `viewHistory` flag says who).
 */
import { For, Show } from 'solid-js'
import { createRead } from '../../lib/data'
import { formatDate } from '../../lib/format'
import { api, type RegisterHistoryEntry } from '../../lib/trpc'
import { Loading, PageError } from '../Status'
import '../../styles/admin.css'

const KIND_LABEL: Record<RegisterHistoryEntry['kind'], string> = {
  entry: 'Entry',
  status: 'Status',
  officers: 'Officers',
  benefits: 'Benefits',
  tags: 'Topic tags',
  members: 'Members',
}

/** Consecutive entries of the same day together (the answer is newest first). */
function byDay(entries: RegisterHistoryEntry[]): { day: string; entries: RegisterHistoryEntry[] }[] {
  const days: { day: string; entries: RegisterHistoryEntry[] }[] = []
  for (const entry of entries) {
    const day = entry.at.slice(0, 10)
    const last = days[days.length - 1]
    if (last?.day === day) last.entries.push(entry)
    else days.push({ day, entries: [entry] })
  }
  return days
}

export function GroupHistory(props: { slug: string; title: string }) {
  const history = createRead(
    'register.history',
    () => props.slug,
    (slug) => api.register.history.query({ slug }),
  )
  return (
    <section class="section" aria-labelledby="history-heading">
      <h2 id="history-heading" class="heading-l">
        History on the Register
      </h2>
      <Show when={!history.error()} fallback={<PageError error={history.error()} />}>
        <Show when={history.data()} fallback={<Loading label="Loading the history…" />}>
          {(entries) => (
            <Show
              when={entries().length > 0}
              fallback={<p>No changes to {props.title} between editions of the Register are recorded yet.</p>}
            >
              <p class="hint">
                What changed in the group's entry from one edition of the Register to the next.
              </p>
              <ol class="history-list">
                <For each={byDay(entries())}>
                  {(day) => (
                    <li class="history-list__day">
                      <h3 class="heading-s">
                        <time datetime={day.day}>{formatDate(day.day)}</time>
                      </h3>
                      <ul>
                        <For each={day.entries}>
                          {(entry) => (
                            <li>
                              <span class="tag">{KIND_LABEL[entry.kind]}</span> {entry.summary}
                            </li>
                          )}
                        </For>
                      </ul>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
          )}
        </Show>
      </Show>
    </section>
  )
}
