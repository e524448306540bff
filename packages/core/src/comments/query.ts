import type { Db } from '@appg-hub/db'
import type { Actor } from '../context'
import { isActive, type LoadedItem } from '../items/load'
import { ownerCan } from '../items/powers'
import { can } from '../policy'
import type { CommentViewer } from './view'

/** Comments with their author's name, in the shape `commentView` reads. */
export function commentQuery(db: Db) {
  return db
    .selectFrom('comment')
    .innerJoin('person as author', 'author.id', 'comment.author_id')
    .select([
      'comment.id',
      'comment.item_type',
      'comment.item_id',
      'comment.parent_id',
      'comment.author_id',
      'author.display_name as authorName',
      'comment.body',
      'comment.created_at',
      'comment.edited_at',
      'comment.deleted_at',
      'comment.hidden_at',
      'comment.hidden_reason',
    ])
}

export function viewerOf(actor: Actor | null, item: LoadedItem): CommentViewer {
  return {
    personId: actor?.id ?? null,
    isSiteAdmin: actor?.isSiteAdmin ?? false,
    moderates: ownerCan(item.access, 'comment.moderate'),
    mayComment: actor !== null && isActive(item.type, item.status) && can(item.access, 'item.comment'),
  }
}
