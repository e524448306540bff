import { query } from '@solidjs/router'
import type { Comment } from '../../lib/trpc'
import { api } from '../../lib/trpc'
import { AttachmentsPanel } from './AttachmentsPanel'
import type { Files } from './types'

type ItemType = 'topic' | 'meeting' | 'document'
/**
 * One call per discussion, shared by the comments shown at once: each comment's panel asks for its
 * item's comment files, and the router's cache answers them all from one request.
 */
const discussionFiles = query(
  (itemType: ItemType, itemId: string) => api.files.forComments.query({ itemType, itemId }),
  'files.forComments',
)

/** A comment's files, under the comment; its author adds them (as the server decides too). */
export function CommentFiles(props: { itemType: ItemType; itemId: string; comment: Comment }) {
  const load = async (): Promise<Files> => {
    const all = await discussionFiles(props.itemType, props.itemId)
    return {
      items: all.comments.find((c) => c.commentId === props.comment.id)?.items ?? [],
      // The same rule as editing: the author, while the comment is shown and the item takes comments.
      canUpload: props.comment.can.edit,
      maxBytes: all.maxBytes,
    }
  }
  return <AttachmentsPanel targetType="comment" targetId={props.comment.id} compact load={load} />
}
