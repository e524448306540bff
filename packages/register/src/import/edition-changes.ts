/**
 * What changed between editions, recorded two ways: as audit events (the group's history) and as
 * one sentence per change in the report. A removed officer whose title someone else now holds
 * was replaced by them, and is recorded so.
 */
import type { Role } from '@appg-hub/db'
import type { ImportRun } from './run'
import type { GroupState, MembershipRow } from './types'
import type { Writes } from './writes'

/** "Chair and Registered Contact" and "Chair & Registered Contact" are one title. */
export function sameTitle(a: string | null, b: string | null): boolean {
  const norm = (t: string | null) =>
    (t ?? '')
      .toLowerCase()
      .replace(/&/g, ' and ')
      .replace(/[^a-z]+/g, ' ')
      .trim()
  return norm(a) === norm(b)
}

export interface OfficerChanges {
  added: { membership: MembershipRow }[]
  changed: { membership: MembershipRow; previousTitle: string | null; previousRole: Role }[]
  removed: MembershipRow[]
}

export function recordOfficerChanges(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  { added, changed, removed }: OfficerChanges,
  announce: boolean,
): void {
  const slug = g.row.slug
  const nameOf = (personId: string) => run.nameOf(personId)
  const say = (sentence: string) => {
    if (announce) run.report.changes.push(sentence)
  }
  const audit = (action: string, membership: MembershipRow, details: Record<string, unknown>) =>
    w.audits.push({
      actorId: null,
      action,
      appgId: g.row.id,
      itemType: 'membership',
      itemId: membership.id,
      details,
    })
  const person = (m: MembershipRow) => ({ person_id: m.person_id, name: nameOf(m.person_id) })

  const arrivals = [
    ...added.map((a) => ({
      kind: 'added' as const,
      membership: a.membership,
      previousTitle: null as string | null,
    })),
    ...changed.map((c) => ({
      kind: 'changed' as const,
      membership: c.membership,
      previousTitle: c.previousTitle,
    })),
  ]
  const paired = new Set<string>()
  for (const gone of removed) {
    const successor = arrivals.find(
      (a) => !paired.has(a.membership.id) && sameTitle(a.membership.register_title, gone.register_title),
    )
    if (successor) {
      paired.add(successor.membership.id)
      audit('register.officer.replaced', successor.membership, {
        title: successor.membership.register_title,
        role: successor.membership.role,
        from: { ...person(gone), membership_id: gone.id },
        to: person(successor.membership),
        ...(successor.kind === 'changed' ? { previous_title: successor.previousTitle } : {}),
      })
      say(
        `${slug}: ${nameOf(successor.membership.person_id)} replaced ${nameOf(gone.person_id)} as ${successor.membership.register_title ?? 'officer'}` +
          (successor.kind === 'changed' ? ` (was ${successor.previousTitle ?? 'an officer'})` : ''),
      )
    } else {
      audit('register.officer.removed', gone, {
        ...person(gone),
        title: gone.register_title,
        role: gone.role,
      })
      say(`${slug}: officer ${nameOf(gone.person_id)} removed (was ${gone.register_title ?? 'an officer'})`)
    }
  }
  for (const a of added) {
    if (paired.has(a.membership.id)) continue
    audit('register.officer.added', a.membership, {
      ...person(a.membership),
      title: a.membership.register_title,
      role: a.membership.role,
    })
    say(
      `${slug}: officer ${nameOf(a.membership.person_id)} added (${a.membership.register_title ?? 'officer'})`,
    )
  }
  for (const c of changed) {
    if (paired.has(c.membership.id)) continue
    audit('register.officer.changed', c.membership, {
      ...person(c.membership),
      title: { from: c.previousTitle, to: c.membership.register_title },
      role: { from: c.previousRole, to: c.membership.role },
    })
    say(
      `${slug}: ${nameOf(c.membership.person_id)} is now ${c.membership.register_title ?? 'an officer'} (was ${c.previousTitle ?? 'an officer'})`,
    )
  }
}

/** A group's published membership list changed. */
export function recordMembersChange(
  run: ImportRun,
  w: Writes,
  g: GroupState,
  sourceMethod: string | null,
  added: MembershipRow[],
  removed: MembershipRow[],
): void {
  const who = (m: MembershipRow) => ({ person_id: m.person_id, name: run.nameOf(m.person_id) })
  w.audits.push({
    actorId: null,
    action: 'register.members.changed',
    appgId: g.row.id,
    itemType: 'appg',
    itemId: g.row.id,
    details: { source_method: sourceMethod, added: added.map(who), removed: removed.map(who) },
  })
  const parts = [
    added.length ? `${added.length} added` : '',
    removed.length ? `${removed.length} removed` : '',
  ]
  run.report.changes.push(`${g.row.slug}: membership list: ${parts.filter(Boolean).join(', ')}`)
}
