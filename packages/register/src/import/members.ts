/**
 * A group's memberships brought in line with the file: its officers (`register` memberships) from
 * the entry, its members (`members_list` memberships) from a published list. Nothing else is
 * touched: memberships from invitations, the demo or an administrator are the hub's own.
 */
import { newId, type Role } from '@appg-hub/db'
import type { RegisterEntry, RegisterOfficer } from '../parse'
import { type OfficerChanges, recordMembersChange, recordOfficerChanges, sameTitle } from './edition-changes'
import { findOrCreate } from './people'
import type { ImportRun } from './run'
import type { GroupState, MembershipRow, PersonRow } from './types'
import type { Writes } from './writes'

/**
 * Makes the group's `register` memberships those of the entry's officers; `announce` records each
 * change as a sentence (not for a new group). Returns whether any changed.
 */
export function syncOfficers(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  officers: RegisterOfficer[],
  now: string,
  announce: boolean,
): boolean {
  const wanted = new Map<string, { person: PersonRow; officer: RegisterOfficer }>()
  for (const officer of officers) {
    const person = findOrCreate(run, w, officer, g.memberships, now)
    if (wanted.has(person.id)) continue
    wanted.set(person.id, { person, officer })
  }
  const changes: OfficerChanges = { added: [], changed: [], removed: [] }
  for (const { person, officer } of wanted.values()) {
    const existing = g.memberships.get(person.id)
    if (!existing) {
      const membership: MembershipRow = {
        id: newId(),
        person_id: person.id,
        appg_id: g.row.id,
        role: officer.role,
        register_title: officer.registerTitle,
        source: 'register',
      }
      w.membershipInserts.push({ ...membership, created_at: now, updated_at: now })
      run.snapshot.setMembership(g, membership, person.id)
      changes.added.push({ membership })
    } else if (existing.source === 'register' || existing.source === 'members_list') {
      if (
        existing.source === 'register' &&
        // "Chair and Registered Contact" for "Chair & Registered Contact" is a spelling, not a change.
        // The same title keeps the hub role as it is: an officer who claimed their entry may hold
        // another role on the hub (the Register title and the hub role are distinct).
        sameTitle(existing.register_title, officer.registerTitle)
      )
        continue
      const set = { role: officer.role as Role, register_title: officer.registerTitle, source: 'register' }
      const membership = { ...existing, ...set }
      w.membershipUpdates.push({ id: existing.id, set: { ...set, updated_at: now } })
      run.snapshot.setMembership(g, membership, person.id)
      // A member of the group's list who is now an officer is a new officer.
      if (existing.source === 'members_list') changes.added.push({ membership })
      else
        changes.changed.push({
          membership,
          previousTitle: existing.register_title,
          previousRole: existing.role,
        })
    }
    // Memberships from invitations, the demo or an admin are the hub's own: left as they are.
  }
  for (const m of [...g.memberships.values()]) {
    if (m.source !== 'register' || wanted.has(m.person_id)) continue
    w.membershipDeletes.push(m.id)
    run.snapshot.setMembership(g, null, m.person_id)
    changes.removed.push(m)
  }
  const report = run.report
  report.officers.added += changes.added.length
  report.officers.changed += changes.changed.length
  report.officers.removed += changes.removed.length
  recordOfficerChanges(run, w, g, changes, announce)
  return changes.added.length + changes.changed.length + changes.removed.length > 0
}

/** Makes the group's `members_list` memberships those of its published list, when it has one. */
export function syncMembers(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  entry: RegisterEntry,
  now: string,
): boolean {
  const list = entry.membersList
  // "empty" and "not_found" mean nobody found a list, not that the group has no members.
  if (!list || (list.members.length === 0 && ['empty', 'not_found', null].includes(list.sourceMethod)))
    return false
  const wanted = new Set<string>()
  const added: MembershipRow[] = []
  for (const member of list.members) {
    const person = findOrCreate(run, w, member, g.memberships, now)
    if (wanted.has(person.id)) continue
    wanted.add(person.id)
    if (g.memberships.has(person.id)) {
      // Already a member, or an officer, secretariat…: never downgraded.
      run.report.members.unchanged++
      continue
    }
    const membership: MembershipRow = {
      id: newId(),
      person_id: person.id,
      appg_id: g.row.id,
      role: 'member',
      register_title: null,
      source: 'members_list',
    }
    w.membershipInserts.push({ ...membership, created_at: now, updated_at: now })
    run.snapshot.setMembership(g, membership, person.id)
    added.push(membership)
  }
  const removed: MembershipRow[] = []
  for (const m of [...g.memberships.values()]) {
    if (m.source !== 'members_list' || wanted.has(m.person_id)) continue
    w.membershipDeletes.push(m.id)
    run.snapshot.setMembership(g, null, m.person_id)
    removed.push(m)
  }
  if (added.length === 0 && removed.length === 0) return false
  run.report.members.added += added.length
  run.report.members.removed += removed.length
  recordMembersChange(run, w, g, list.sourceMethod, added, removed)
  return true
}
