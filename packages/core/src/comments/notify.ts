/**
 * Who hears of a comment: the people it mentions (only if they belong to a participant group, so
 * that a mention never reveals an item to someone who may not read it), the author of the
 * comment it answers, and the item's followers who may still read it. One notification each,
 * the most specific first; never the author.
 */
import { ITEM_NOUN, itemPath, type LoadedItem } from '../items/load'
import { plainExcerpt } from '../markdown'
import { commentPath } from '../notifications/kinds'
import type { NotificationInput } from '../notifications/notify'
import type { AudienceMember } from './audience'

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
  /** Those concerned, as `loadCommentTarget` or `loadAudience` read them. */
  audience: readonly AudienceMember[]
}

/**
 * May this person read the item now: anyone for a public item, else members of a participant
 * group with a reading role, and site administrators; never an erased account.
 */
function mayRead(item: LoadedItem, person: AudienceMember): boolean {
  if (person.erasedAt) return false
  return item.visibility === 'public' || person.participant || person.isSiteAdmin
}

/** No query: the audience was read with the item. */
export function commentNotifications(e: CommentEvent): NotificationInput[] {
  const what = `the ${ITEM_NOUN[e.item.type]} “${e.item.title}”`
  const base = {
    itemType: e.item.type,
    itemId: e.item.id,
    appgId: e.item.owner.appgId,
    commentId: e.commentId,
    excerpt: plainExcerpt(e.body),
    path: commentPath(itemPath(e.item.type, e.item.id), e.commentId),
  }
  const byId = new Map(e.audience.map((p) => [p.id, p]))
  const mentionable = (id: string) => byId.get(id)?.participant === true
  const reads = (id: string) => {
    const person = byId.get(id)
    return person !== undefined && mayRead(e.item, person)
  }
  const followers = e.toFollowers ? e.audience.filter((p) => p.follows) : []

  const entries: NotificationInput[] = []
  for (const id of e.mentioned) {
    if (mentionable(id))
      entries.push({
        ...base,
        personId: id,
        kind: 'comment.mention',
        text: `${e.actorName} mentioned you in a comment on ${what}`,
      })
  }
  if (e.repliedTo && reads(e.repliedTo)) {
    entries.push({
      ...base,
      personId: e.repliedTo,
      kind: 'comment.reply',
      text: `${e.actorName} replied to your comment on ${what}`,
    })
  }
  for (const f of followers) {
    if (reads(f.id))
      entries.push({
        ...base,
        personId: f.id,
        kind: 'comment.new',
        text: `${e.actorName} commented on ${what}`,
      })
  }
  return entries
}
