/**
 * Who hears of a comment: the people it mentions (only if they belong to a participant group, so
 * that a mention never reveals an item to someone who may not read it), the author of the
 * comment it answers, and the item's followers who may still read it. One notification each,
 * the most specific first; never the author.
 */
import type { Db } from '@appg-hub/db'
import { ITEM_NOUN, itemPath, type LoadedItem } from '../items/load'
import { plainExcerpt } from '../markdown'
import { commentPath } from '../notifications/kinds'
import type { NotificationInput } from '../notifications/notify'
import { participantMembers, readersAmong } from '../notifications/recipients'

export interface CommentEvent {
  item: LoadedItem
  commentId: string
  body: string
  actorName: string
  /** The people mentioned (ids from the Markdown), new ones only when editing. */
  mentioned: string[]
  /** The author of the comment replied to, if any. */
  repliedTo: string | null
  /** Whether followers hear of it (a new comment), or only new mentions (an edit). */
  toFollowers: boolean
}

/** At most three queries: participants among those mentioned, followers, who of them may read. */
export async function commentNotifications(db: Db, e: CommentEvent): Promise<NotificationInput[]> {
  const what = `the ${ITEM_NOUN[e.item.type]} “${e.item.title}”`
  const base = {
    itemType: e.item.type,
    itemId: e.item.id,
    appgId: e.item.owner.appgId,
    commentId: e.commentId,
    excerpt: plainExcerpt(e.body),
    path: commentPath(itemPath(e.item.type, e.item.id), e.commentId),
  }
  const [mentionable, followers] = await Promise.all([
    participantMembers(db, e.item, e.mentioned),
    e.toFollowers
      ? db
          .selectFrom('follow')
          .select('person_id')
          .where('item_type', '=', e.item.type)
          .where('item_id', '=', e.item.id)
          .execute()
      : Promise.resolve([]),
  ])
  const others = [...new Set([...(e.repliedTo ? [e.repliedTo] : []), ...followers.map((f) => f.person_id)])]
  const readers = await readersAmong(db, e.item, others)

  const entries: NotificationInput[] = []
  for (const id of e.mentioned) {
    if (mentionable.has(id))
      entries.push({
        ...base,
        personId: id,
        kind: 'comment.mention',
        text: `${e.actorName} mentioned you in a comment on ${what}`,
      })
  }
  if (e.repliedTo && readers.has(e.repliedTo)) {
    entries.push({
      ...base,
      personId: e.repliedTo,
      kind: 'comment.reply',
      text: `${e.actorName} replied to your comment on ${what}`,
    })
  }
  for (const f of followers) {
    if (readers.has(f.person_id))
      entries.push({
        ...base,
        personId: f.person_id,
        kind: 'comment.new',
        text: `${e.actorName} commented on ${what}`,
      })
  }
  return entries
}
