/**
 * What a notification may still show of the comment it reports. Once moderators hide a comment,
 * or its author deletes it, its words leave every notification: only moderators of the item
 * (officers and the chair of the owner group, and site administrators) still see the excerpt of
 * a hidden comment, and nobody that of a deleted one.
 */
import type { Database } from '@appg-hub/db'
import type { SelectQueryBuilder } from 'kysely'
import { rolesAllowed } from '../policy'

type WithNotification = Database & { n: Database['notification'] }

/**
 * Adds to a query over `notification as n` what `visibleExcerpt` needs: the comment's state and
 * the recipient's moderating role in the item's owner group. `recipient` is the alias of the
 * recipient's `person` row (for the site-admin flag).
 */
export function withCommentState<O>(qb: SelectQueryBuilder<WithNotification, 'n', O>) {
  return qb
    .leftJoin('comment as nc', 'nc.id', 'n.comment_id')
    .leftJoin('participant as nowner', (join) =>
      join
        .onRef('nowner.item_type', '=', 'nc.item_type')
        .onRef('nowner.item_id', '=', 'nc.item_id')
        .on('nowner.is_owner', '=', 1),
    )
    .leftJoin('membership as nmod', (join) =>
      join
        .onRef('nmod.appg_id', '=', 'nowner.appg_id')
        .onRef('nmod.person_id', '=', 'n.person_id')
        .on('nmod.role', 'in', [...rolesAllowed('comment.moderate')]),
    )
    .select([
      'nc.hidden_at as commentHiddenAt',
      'nc.deleted_at as commentDeletedAt',
      'nmod.role as moderatorRole',
    ])
}

export function visibleExcerpt(
  row: {
    excerpt: string | null
    comment_id: string | null
    commentHiddenAt: string | null
    commentDeletedAt: string | null
    moderatorRole: string | null
  },
  recipientIsSiteAdmin: boolean,
): string | null {
  if (!row.comment_id) return row.excerpt
  if (row.commentDeletedAt) return null
  if (row.commentHiddenAt && !row.moderatorRole && !recipientIsSiteAdmin) return null
  return row.excerpt
}
