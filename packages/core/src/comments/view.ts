/**
 * A comment as one person sees it. Deleted: no words, for anyone. Hidden by moderators: the
 * moderators of the item (and site admins) still see it, flagged with the reason; everyone else,
 * its author included, sees only that it was hidden.
 */
import { renderMarkdown } from '../markdown'

export interface CommentRow {
  id: string
  parent_id: string | null
  author_id: string
  authorName: string
  body: string
  created_at: string
  edited_at: string | null
  deleted_at: string | null
  hidden_at: string | null
  hidden_reason: string | null
}

export interface CommentViewer {
  personId: string | null
  isSiteAdmin: boolean
  /** Moderates this item's comments: an officer or the chair of its owner group, or a site admin. */
  moderates: boolean
  /** May comment on this item now (role and item state). */
  mayComment: boolean
}

export interface CommentView {
  id: string
  parentId: string | null
  author: { id: string; name: string }
  /** The Markdown source; null when deleted, or hidden and the viewer does not moderate. */
  body: string | null
  bodyHtml: string | null
  createdAt: string
  editedAt: string | null
  deleted: boolean
  /** Set when moderators hid it; the reason is shown to moderators only. */
  hidden: { reason: string | null; at: string } | null
  replies: CommentView[]
  can: { edit: boolean; delete: boolean; moderate: boolean }
}

export function commentView(
  row: CommentRow,
  viewer: CommentViewer,
  replies: CommentView[] = [],
): CommentView {
  const deleted = row.deleted_at !== null
  const hidden = !deleted && row.hidden_at !== null
  const showBody = !deleted && (!hidden || viewer.moderates)
  const isAuthor = viewer.personId !== null && viewer.personId === row.author_id
  return {
    id: row.id,
    parentId: row.parent_id,
    author: { id: row.author_id, name: row.authorName },
    body: showBody ? row.body : null,
    bodyHtml: showBody ? renderMarkdown(row.body).html : null,
    createdAt: row.created_at,
    editedAt: row.edited_at,
    deleted,
    hidden: hidden ? { reason: viewer.moderates ? row.hidden_reason : null, at: row.hidden_at! } : null,
    replies,
    can: {
      edit: isAuthor && !deleted && !hidden && viewer.mayComment,
      delete: !deleted && (isAuthor || viewer.isSiteAdmin),
      moderate: !deleted && viewer.moderates,
    },
  }
}
