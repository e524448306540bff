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
    .select((eb) => [
      'nc.hidden_at as commentHiddenAt',
      'nc.deleted_at as commentDeletedAt',
      'nmod.role as moderatorRole',
      // Whether the recipient may still read the item (their group may have left it since):
      // a reading role in a participant group, or the item is public (a document once published).
      eb
        .or([
          eb.exists(
            eb
              .selectFrom('participant as rp')
              .innerJoin('membership as rm', 'rm.appg_id', 'rp.appg_id')
              .select('rp.appg_id')
              .whereRef('rp.item_type', '=', 'n.item_type')
              .whereRef('rp.item_id', '=', 'n.item_id')
              .whereRef('rm.person_id', '=', 'n.person_id')
              .where('rm.role', 'in', [...rolesAllowed('item.read')]),
          ),
          eb.exists(
            eb
              .selectFrom('topic as pt')
              .select('pt.id')
              .whereRef('pt.id', '=', 'n.item_id')
              .where('n.item_type', '=', 'topic')
              .where('pt.visibility', '=', 'public'),
          ),
          eb.exists(
            eb
              .selectFrom('meeting as pm')
              .select('pm.id')
              .whereRef('pm.id', '=', 'n.item_id')
              .where('n.item_type', '=', 'meeting')
              .where('pm.visibility', '=', 'public'),
          ),
          eb.exists(
            eb
              .selectFrom('document as pd')
              .select('pd.id')
              .whereRef('pd.id', '=', 'n.item_id')
              .where('n.item_type', '=', 'document')
              .where('pd.visibility', '=', 'public')
              .where('pd.status', '=', 'published'),
          ),
        ])
        .as('itemReadable'),
      // An open invitation shows the invited group what it is invited to, before it may read it.
      eb
        .exists(
          eb
            .selectFrom('invitation as ni')
            .innerJoin('membership as nim', 'nim.appg_id', 'ni.to_appg_id')
            .select('ni.id')
            .whereRef('ni.item_type', '=', 'n.item_type')
            .whereRef('ni.item_id', '=', 'n.item_id')
            .where('ni.status', '=', 'pending')
            .whereRef('nim.person_id', '=', 'n.person_id'),
        )
        .as('invitationOpen'),
    ])
}

/** What a notification says about an item once its reader may no longer read it. */
export const NO_LONGER_ACCESSIBLE = 'About an item you no longer have access to'

/**
 * A notification names its item (title, time) only while the recipient may read it, or is
 * invited to it: once their group left or was taken out, or the invitation was declined,
 * withdrawn or expired, the headline becomes NO_LONGER_ACCESSIBLE and the link goes.
 */
export function visibleHeadline(
  row: {
    text: string
    link_path: string | null
    item_id?: string | null
    itemReadable?: unknown
    invitationOpen?: unknown
  },
  recipientIsSiteAdmin: boolean,
): { text: string; path: string | null } {
  if (!row.item_id || recipientIsSiteAdmin || Number(row.itemReadable) || Number(row.invitationOpen))
    return { text: row.text, path: row.link_path }
  return { text: NO_LONGER_ACCESSIBLE, path: null }
}

export function visibleExcerpt(
  row: {
    excerpt: string | null
    comment_id: string | null
    commentHiddenAt: string | null
    commentDeletedAt: string | null
    moderatorRole: string | null
    /** Null when the notification is about no item. */
    item_id?: string | null
    itemReadable?: unknown
  },
  recipientIsSiteAdmin: boolean,
): string | null {
  if (!row.comment_id) return row.excerpt
  // A group taken out of an item (or that left it) no longer reads its discussion in old
  // notifications. (An invitation's message stays: it was written to the invited group.)
  if (row.item_id && !Number(row.itemReadable) && !recipientIsSiteAdmin) return null
  if (row.commentDeletedAt) return null
  if (row.commentHiddenAt && !row.moderatorRole && !recipientIsSiteAdmin) return null
  return row.excerpt
}
