/** One person of a group's roster: their role (changeable by those who may) and removal. */
import { createEffect, createSignal, on, Show } from 'solid-js'
import { ROLES, roleName } from '../../lib/format'
import type { Role, RosterMember } from '../../lib/trpc'
import { ConfirmAction } from '../Confirm'
import { Button, SelectField } from '../Form'

const SOURCES: Record<string, string> = {
  register: 'Register',
  members_list: 'Group’s members list',
  invitation: 'Invitation',
  demo: 'Demo data',
  admin: 'Administrator',
}

/** Chair first, then officers, secretariat, members, observers; by name within each. */
export function byRole(members: RosterMember[]): RosterMember[] {
  return [...members].sort(
    (a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role) || a.name.localeCompare(b.name),
  )
}

export function MemberRow(props: {
  member: RosterMember
  isMe: boolean
  mayChange: boolean
  mayRemove: boolean
  roles: Role[]
  busy: string | null
  onChangeRole: (role: Role) => Promise<void>
  onRemove: () => Promise<void>
}) {
  const m = () => props.member
  const [role, setRole] = createSignal<Role>(props.member.role)
  createEffect(
    on(
      () => props.member.role,
      (r) => setRole(r),
      { defer: true },
    ),
  )
  const id = () => `role-${m().personId}`
  // Someone holding a role I may not give (an officer looking at the chair) keeps it, read-only.
  const options = () => (props.roles.includes(m().role) ? props.roles : [m().role, ...props.roles])
  return (
    <tr>
      <td data-label="Name">
        <span class="strong">{m().name}</span>
        <Show when={props.isMe}> (you)</Show>
        <Show when={m().registerTitle && m().registerTitle !== roleName(m().role)}>
          <span class="table__sub">{m().registerTitle}</span>
        </Show>
      </td>
      <td data-label="Email" class="break-words">
        <Show when={m().email} fallback={<span class="hint-inline">No email on record</span>}>
          <a href={`mailto:${m().email}`}>{m().email}</a>
        </Show>
      </td>
      <td data-label="Role">
        <Show when={props.mayChange} fallback={roleName(m().role)}>
          <form
            class="inline-form"
            onSubmit={(e) => {
              e.preventDefault()
              if (role() !== m().role) void props.onChangeRole(role())
            }}
          >
            <SelectField
              id={id()}
              label={`Role of ${m().name}`}
              hideLabel
              inline
              value={role()}
              onValue={(v) => setRole(v as Role)}
              options={options().map((r) => ({ value: r, label: roleName(r) }))}
            />
            <Show when={role() !== m().role}>
              <Button
                type="submit"
                variant="secondary"
                class="button--small"
                busy={props.busy === `role:${m().personId}`}
              >
                Save<span class="visually-hidden"> role of {m().name}</span>
              </Button>
            </Show>
          </form>
        </Show>
      </td>
      <td data-label="Source">{SOURCES[m().source] ?? m().source}</td>
      <td class="table__actions">
        <Show when={props.mayRemove}>
          <ConfirmAction
            label="Remove"
            accessibleLabel={`Remove ${m().name}`}
            variant="secondary"
            question={<>Remove {m().name} from the group?</>}
            confirmLabel="Yes, remove"
            busy={props.busy === `remove:${m().personId}`}
            onConfirm={props.onRemove}
          />
        </Show>
      </td>
    </tr>
  )
}
