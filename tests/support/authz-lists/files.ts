/**
 * List checks of attached files: files.list ↔ files.get (each version), and both ↔ the item's single
 * read (for a comment, the words comments.list shows); files.forComments ↔ files.get, for every
 * topic with comments.
 */
import { callPath, outcomeOf } from '../authz-run'
import { commentsShown, type ItemReads, type ListCheck } from './context'

export async function checkFiles(cx: ListCheck, reads: ItemReads): Promise<void> {
  const { w, trpc, caller, problems, commented } = cx
  const attachments = await w.db.selectFrom('attachment').select(['id', 'item_type', 'item_id']).execute()
  const fileRead = new Map<string, string>()
  for (const a of attachments) fileRead.set(a.id, outcomeOf(await callPath(trpc, 'files.get', { id: a.id })))
  const commentShown = new Map<string, boolean>()
  for (const itemId of new Set(commented.map((c) => c.item_id)))
    for (const [id, shown] of await commentsShown(cx, itemId)) commentShown.set(id, shown)

  const targets = new Map(attachments.map((a) => [`${a.item_type}:${a.item_id}`, a]))
  for (const { item_type: type, item_id: id } of targets.values()) {
    const result = await callPath(trpc, 'files.list', { targetType: type, targetId: id })
    cx.checks += 1
    const label = `files.list(${type} ${id}) as ${caller}`
    const expected = (type === 'comment' ? commentShown.get(id) : reads.readOk(type, id)) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(`${label}: ${outcomeOf(result)}, while the ${type}'s own read says ${expected}`)
      continue
    }
    const listed = new Set(
      result.ok
        ? (result.value as { items: { versions: { id: string }[] }[] }).items.flatMap((f) =>
            f.versions.map((v) => v.id),
          )
        : [],
    )
    for (const fileId of listed)
      if (fileRead.get(fileId) !== 'ok')
        problems.push(`${label} lists file ${fileId}, but files.get answers ${fileRead.get(fileId)}`)
    for (const a of attachments)
      if (a.item_type === type && a.item_id === id && fileRead.get(a.id) === 'ok' && !listed.has(a.id))
        problems.push(`${label} leaves out file ${a.id}, which files.get gives`)
  }

  for (const topicId of new Set(commented.map((c) => c.item_id))) {
    const result = await callPath(trpc, 'files.forComments', { itemType: 'topic', itemId: topicId })
    cx.checks += 1
    const label = `files.forComments(topic ${topicId}) as ${caller}`
    const expected = cx.mayRead(topicId) ? 'ok' : 'NOT_FOUND'
    if (outcomeOf(result) !== expected) {
      problems.push(`${label}: ${outcomeOf(result)}, while topics.get answers ${cx.readable.get(topicId)}`)
      continue
    }
    if (!result.ok) continue
    const value = result.value as {
      comments: { commentId: string; items: { versions: { id: string }[] }[] }[]
    }
    const listed = new Set(value.comments.flatMap((c) => c.items.flatMap((f) => f.versions.map((v) => v.id))))
    for (const fileId of listed)
      if (fileRead.get(fileId) !== 'ok')
        problems.push(`${label} lists file ${fileId}, but files.get answers ${fileRead.get(fileId)}`)
    const onTopic = new Set(commented.filter((c) => c.item_id === topicId).map((c) => c.id))
    for (const a of attachments)
      if (
        a.item_type === 'comment' &&
        onTopic.has(a.item_id) &&
        fileRead.get(a.id) === 'ok' &&
        !listed.has(a.id)
      )
        problems.push(`${label} leaves out file ${a.id}, which files.get gives`)
  }
}
