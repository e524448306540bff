/**
 * The site administrator's console: one place that leads to each of its sections. Reached from the
 * header, which shows the link only when the server says the person is a site administrator.
 */
import { A } from '@solidjs/router'
import { For } from 'solid-js'
import { AdminOnly } from '../components/AdminOnly'
import { Heading } from '../components/Heading'
import { useTitle } from '../lib/page'

const SECTIONS = [
  {
    href: '/admin/people',
    title: 'People and accounts',
    text: 'Merge and split people of the Register; grant or revoke site administration; end a person’s sign-ins.',
  },
  {
    href: '/admin/groups-without-officers',
    title: 'Groups without an officer account',
    text: 'Registered groups nobody can act for on the hub, and an invitation to their chair.',
  },
  {
    href: '/admin/audit',
    title: 'Audit log',
    text: 'Who did what, filtered by person, action, group and dates, and downloaded as a spreadsheet.',
  },
  {
    href: '/admin/group-history',
    title: 'Group history',
    text: 'What changed in a group’s entry from one edition of the Register to the next.',
  },
  {
    href: '/admin/rules',
    title: 'Rule checks',
    text: 'Groups whose Register entry misses what the rules on All-Party Parliamentary Groups ask for.',
  },
] as const

export default function Admin() {
  useTitle(() => 'Site administration')
  return (
    <AdminOnly>
      <Heading>Site administration</Heading>
      <ul class="list">
        <For each={SECTIONS}>
          {(section) => (
            <li class="section section--boxed">
              <h2 class="heading-m">
                <A href={section.href}>{section.title}</A>
              </h2>
              <p>{section.text}</p>
            </li>
          )}
        </For>
      </ul>
    </AdminOnly>
  )
}
