/** List checks of groups and their people: the Register, a group's participants, its invitations. */
import { callPath, outcomeOf } from '../authz-run'
import { allPages, type ListCheck } from './context'

/** register.list ↔ register.group */
export async function checkRegister(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems } = cx
  const { outcome, items } = await allPages<{ slug: string }>(trpc, 'register.list', {
    status: 'all',
    limit: 100,
  })
  cx.checks += 1
  if (outcome !== 'ok') problems.push(`register.list as ${caller}: ${outcome}`)
  const all = (await w.db.selectFrom('appg').select('slug').execute()).map((g) => g.slug).sort()
  if (JSON.stringify(items.map((g) => g.slug).sort()) !== JSON.stringify(all))
    problems.push(`register.list as ${caller}: lists ${items.length} of ${all.length} groups`)
  for (const g of items) {
    const got = outcomeOf(await callPath(trpc, 'register.group', { slug: g.slug }))
    if (got !== 'ok')
      problems.push(`register.list as ${caller} lists ${g.slug}, but register.group answers ${got}`)
  }
}

/**
 * people.participants ↔ the group's memberships: only accounts of that group, none of the Register's
 * people; and people.withoutOfficerAccount ↔ people.participants: a listed group has no chair or
 * officer account.
 */
export async function checkPeople(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems } = cx
  for (const [name, group] of Object.entries(w.groups)) {
    const result = await callPath(trpc, 'people.participants', { slug: group.slug })
    cx.checks += 1
    if (!result.ok) continue
    const members = await w.db
      .selectFrom('membership')
      .innerJoin('person', 'person.id', 'membership.person_id')
      .select('person.id')
      .where('membership.appg_id', '=', group.id)
      .where('person.email', 'is not', null)
      .where('person.erased_at', 'is', null)
      .execute()
    const accounts = new Set(members.map((m) => m.id))
    const listed = (result.value as { participants: { personId: string }[] }).participants
    for (const p of listed)
      if (!accounts.has(p.personId))
        problems.push(
          `people.participants(${name}) as ${caller} lists ${p.personId}, not an account of the group`,
        )
    if (listed.length !== accounts.size)
      problems.push(
        `people.participants(${name}) as ${caller} lists ${listed.length} of ${accounts.size} accounts`,
      )
  }

  const result = await callPath(trpc, 'people.withoutOfficerAccount', undefined)
  cx.checks += 1
  if (result.ok)
    for (const g of result.value as { slug: string }[]) {
      const read = await callPath(trpc, 'people.participants', { slug: g.slug })
      const officers = read.ok
        ? (read.value as { participants: { role: string }[] }).participants.filter(
            (p) => p.role === 'chair' || p.role === 'officer',
          )
        : []
      if (!read.ok || officers.length > 0)
        problems.push(
          `people.withoutOfficerAccount as ${caller} lists ${g.slug}, which people.participants shows with ${officers.length} officer accounts (${outcomeOf(read)})`,
        )
    }
}

/** invitations.forGroup: only the group's invitations, all of them */
export async function checkInvitations(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems } = cx
  if (caller === 'signedOut') return
  for (const [name, group] of Object.entries(w.groups)) {
    const result = await callPath(trpc, 'invitations.forGroup', { slug: group.slug })
    cx.checks += 1
    if (!result.ok) continue
    const value = result.value as {
      received: { id: string }[]
      sent: { id: string }[]
      history: { id: string }[]
    }
    const listed = new Set([...value.received, ...value.sent, ...value.history].map((i) => i.id))
    const ours = await w.db
      .selectFrom('invitation')
      .select('id')
      .where((eb) => eb.or([eb('from_appg_id', '=', group.id), eb('to_appg_id', '=', group.id)]))
      .execute()
    const oursSet = new Set(ours.map((i) => i.id))
    for (const id of listed)
      if (!oursSet.has(id))
        problems.push(`invitations.forGroup(${name}) as ${caller} lists another group's invitation ${id}`)
    for (const id of oursSet)
      if (!listed.has(id)) problems.push(`invitations.forGroup(${name}) as ${caller} leaves out ${id}`)
  }
}
