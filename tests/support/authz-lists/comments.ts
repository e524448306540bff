/**
 * List checks of comments: comments.list against topics.get (the item) and comments.history (each
 * comment), and notifications.list, which quotes a comment's words only where comments.list shows them.
 */
import { callPath, outcomeOf } from '../authz-run'
import { allPages, commentsShown, type ListCheck } from './context'

export async function checkComments(cx: ListCheck): Promise<void> {
  const { trpc, caller, problems, readable, mayRead, commented } = cx
  for (const itemId of new Set(commented.map((c) => c.item_id))) {
    const { outcome, items } = await allPages<{
      id: string
      body: string | null
      deleted: boolean
      hidden: unknown
      replies: { id: string; body: string | null; deleted: boolean; hidden: unknown }[]
    }>(trpc, 'comments.list', { itemType: 'topic', itemId })
    cx.checks += 1
    const expected = mayRead(itemId) ? 'ok' : 'NOT_FOUND'
    if (outcome !== expected) {
      problems.push(
        `comments.list(${itemId}) as ${caller}: ${outcome}, while topics.get answers ${readable.get(itemId)}`,
      )
      continue
    }
    if (outcome !== 'ok') continue
    const flat = items.flatMap((c) => [c, ...c.replies])
    const inDb = commented.filter((c) => c.item_id === itemId)
    if (flat.length !== inDb.length)
      problems.push(
        `comments.list(${itemId}) as ${caller}: shows ${flat.length} of ${inDb.length} comments (placeholders included)`,
      )
    if (caller === 'signedOut') continue
    for (const c of flat) {
      if (c.deleted) continue
      const history = await callPath(trpc, 'comments.history', { id: c.id })
      const got = outcomeOf(history)
      // Words the list shows, history shows; words the list withholds (hidden), history withholds.
      if (c.body !== null && got !== 'ok')
        problems.push(`comments.list shows comment ${c.id} to ${caller}, but comments.history answers ${got}`)
      if (c.body === null && got === 'ok')
        problems.push(
          `comments.list withholds hidden comment ${c.id} from ${caller}, but comments.history shows it`,
        )
    }
  }
}

/** notifications.list: mine, all of them; a comment's words only where comments.list shows them */
export async function checkNotifications(cx: ListCheck): Promise<void> {
  const { w, trpc, caller, problems, commented } = cx
  if (caller === 'signedOut') return
  const { outcome, items } = await allPages<{ id: string; text: string }>(trpc, 'notifications.list', {})
  const shownBodies = new Set<string>()
  for (const itemId of new Set(commented.map((c) => c.item_id)))
    for (const [id, shown] of await commentsShown(cx, itemId)) if (shown) shownBodies.add(id)
  // Words of a discussion the caller cannot read (any more), or that it withholds, are not quoted.
  for (const n of items) {
    const marker = /EXCERPT-([\w-]+)/.exec(n.text)
    if (marker && !shownBodies.has(marker[1]!))
      problems.push(
        `notifications.list as ${caller} quotes comment ${marker[1]}, whose words comments.list withholds`,
      )
  }
  cx.checks += 1
  if (outcome !== 'ok') problems.push(`notifications.list as ${caller}: ${outcome}`)
  const mine = (
    await w.db.selectFrom('notification').select('id').where('person_id', '=', w.idOf(caller)!).execute()
  )
    .map((n) => n.id)
    .sort()
  if (JSON.stringify(items.map((n) => n.id).sort()) !== JSON.stringify(mine))
    problems.push(`notifications.list as ${caller}: lists ${items.length}, holds ${mine.length} of theirs`)
}
