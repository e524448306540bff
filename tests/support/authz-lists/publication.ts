/**
 * publication.waiting ↔ publication.get: each request listed is one the single read offers the
 * caller to answer, and every request it offers to answer is listed.
 */
import { callPath, outcomeOf } from '../authz-run'
import type { ListCheck } from './context'

export async function checkPublication(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems } = cx
  const r = await callPath(trpc, 'publication.waiting', undefined)
  cx.checks += 1
  if (caller === 'signedOut') {
    if (r.ok) problems.push('publication.waiting answers signed out')
    return
  }
  if (!r.ok) {
    problems.push(`publication.waiting as ${caller}: ${outcomeOf(r)}`)
    return
  }
  const listed = new Set((r.value as { id: string }[]).map((x) => x.id))
  const pending = await w.db
    .selectFrom('publication_request')
    .select(['id', 'item_type', 'item_id'])
    .where('status', '=', 'pending')
    .execute()
  for (const p of pending) {
    const panel = await callPath(trpc, 'publication.get', { itemType: p.item_type, itemId: p.item_id })
    const answers =
      panel.ok &&
      ((panel.value as { latest: { canAnswer: string[] } | null }).latest?.canAnswer.length ?? 0) > 0
    if (listed.has(p.id) && !answers)
      problems.push(`publication.waiting as ${caller} lists ${p.id}, which publication.get does not offer`)
    if (!listed.has(p.id) && answers)
      problems.push(`publication.waiting as ${caller} leaves out ${p.id}, which publication.get offers`)
  }
}
