import type { Comment } from '../../lib/trpc'
import { api } from '../../lib/trpc'
import { AttachmentsPanel } from './AttachmentsPanel'
import type { Files } from './types'

type ItemType = 'topic' | 'meeting' | 'document'
type Discussion = Awaited<ReturnType<typeof api.files.forComments.query>>

/**
 * One call per discussion, shared by the comments shown at once: each comment's panel asks for
 * its item's comment files, and panels mounted together get the same answer.
 */
const inFlight = new Map<string, Promise<Discussion>>()

function discussionFiles(itemType: ItemType, itemId: string, fresh: boolean): Promise<Discussion> {
  const key = `${itemType}:${itemId}`
  const pending = fresh ? undefined : inFlight.get(key)
  if (pending) return pending
  const request = api.files.forComments.query({ itemType, itemId })
  inFlight.set(key, request)
  // Kept only while the panels that mount together ask; later panels ask afresh.
  const forget = () => setTimeout(() => inFlight.get(key) === request && inFlight.delete(key), 0)
  request.then(forget, forget)
  return request
}

/** A comment's files, under the comment; its author adds them (as the server decides too). */
export function CommentFiles(props: { itemType: ItemType; itemId: string; comment: Comment }) {
  const load = async (fresh: boolean): Promise<Files> => {
    const all = await discussionFiles(props.itemType, props.itemId, fresh)
    return {
      items: all.comments.find((c) => c.commentId === props.comment.id)?.items ?? [],
      // The same rule as editing: the author, while the comment is shown and the item takes comments.
      canUpload: props.comment.can.edit,
      maxBytes: all.maxBytes,
    }
  }
  return <AttachmentsPanel targetType="comment" targetId={props.comment.id} compact load={load} />
}
