import { createSignal, For, Show } from 'solid-js'
import { plural, roleName } from '../../lib/format'
import type { Group, GroupPerson } from '../../lib/trpc'

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

/** The Register's officers of a group, in the order of their offices. */
export function GroupOfficers(props: { group: Group }) {
  const officers = () =>
    props.group.people
      .filter((p) => p.role === 'chair' || p.role === 'officer')
      .sort((a, b) => officerRank(a) - officerRank(b) || a.name.localeCompare(b.name))
  return (
    <section class="section" aria-labelledby="officers-heading">
      <h2 id="officers-heading" class="heading-l">
        Officers
      </h2>
      <Show when={officers().length > 0} fallback={<p>The Register lists no officers for this group.</p>}>
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
  )
}

/** The other listed members, the first dozen shown until asked for all. */
export function GroupMembers(props: { group: Group }) {
  const members = () => props.group.people.filter((p) => p.role === 'member' || p.role === 'observer')
  const [showAll, setShowAll] = createSignal(false)
  return (
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
  )
}
