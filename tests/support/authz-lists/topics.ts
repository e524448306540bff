/** List checks of topics against topics.get: a group's topics, and the dashboard of the caller's groups. */
import { allPages, groupsOf, type ListCheck } from './context'

export async function checkTopics(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems, readable, mayRead } = cx
  const participants = await w.db
    .selectFrom('participant')
    .select(['item_id', 'appg_id'])
    .where('item_type', '=', 'topic')
    .execute()

  // topics.listForGroup ↔ topics.get, for every group
  for (const [name, group] of Object.entries(w.groups)) {
    const { outcome, items } = await allPages<{ id: string }>(trpc, 'topics.listForGroup', {
      slug: group.slug,
    })
    cx.checks += 1
    if (outcome !== 'ok') {
      problems.push(`topics.listForGroup(${name}) as ${caller}: ${outcome}`)
      continue
    }
    const listed = new Set(items.map((t) => t.id))
    for (const id of listed)
      if (!mayRead(id))
        problems.push(
          `topics.listForGroup(${name}) as ${caller} lists ${id}, but topics.get answers ${readable.get(id)}`,
        )
    for (const p of participants.filter((p) => p.appg_id === group.id))
      if (mayRead(p.item_id) && !listed.has(p.item_id))
        problems.push(`topics.listForGroup(${name}) as ${caller} leaves out readable topic ${p.item_id}`)
  }

  // topics.dashboard ↔ topics.get, within the caller's groups
  if (caller === 'signedOut') return
  const { outcome, items } = await allPages<{ id: string }>(trpc, 'topics.dashboard', {})
  cx.checks += 1
  if (outcome !== 'ok') problems.push(`topics.dashboard as ${caller}: ${outcome}`)
  const mine = await groupsOf(cx)
  const listed = new Set(items.map((t) => t.id))
  for (const id of listed)
    if (!mayRead(id))
      problems.push(`topics.dashboard as ${caller} lists ${id}, but topics.get answers ${readable.get(id)}`)
  for (const p of participants.filter((p) => mine.has(p.appg_id)))
    if (mayRead(p.item_id) && !listed.has(p.item_id))
      problems.push(
        `topics.dashboard as ${caller} leaves out readable topic ${p.item_id} of one of their groups`,
      )
}
