/**
 * What a file is attached to, and who may do what with its files. Files follow their item exactly
 * (docs/architecture.md §3): whoever may read the item lists and downloads its files — the public only once the
 * item itself is public (a published document, a scheduled public session, a public topic).
 *
 * - Topics, sessions and documents: their participants' chair, officers and secretariat
 *   (`item.edit`) upload, add versions and delete.
 * - Comments: the comment's author uploads while they may still comment on the item; the author and
 *   the owner group's moderators delete. A comment's files are seen by whoever sees its words: a
 *   hidden comment's by the moderators only, a deleted comment's by nobody.
 */
import type { AttachmentItemType, Db, ItemType } from '@appg-hub/db'
import { ATTACHMENT_TARGETS as SHARED_TARGETS } from '@appg-hub/schemas'
import { type Expression, type SelectQueryBuilder, sql } from 'kysely'
import type { Actor, ServiceContext } from '../context'
import { notFound } from '../errors'
import { ITEM_NOUN, isActive, type LoadedItem, loadItem } from '../items/load'
import { type ItemAtRow, itemAtColumns, itemAtFromRow, joinItemAt } from '../items/load-at'
import { ownerCan } from '../items/powers'
import { can } from '../policy'

/** The shared list, checked here against the database's own type. */
export const ATTACHMENT_TARGETS = SHARED_TARGETS satisfies readonly AttachmentItemType[]

export interface FileTarget {
  type: AttachmentItemType
  id: string
  /** The item itself, or the item the comment is on. */
  item: LoadedItem
  mayRead: boolean
  mayUpload: boolean
  /** Whether the actor may delete a file of this target uploaded by `uploaderId`. */
  mayRemove(uploaderId: string): boolean
  /** How to name the target in messages: "That topic", "That comment". */
  what: string
}

function itemTarget(actor: Actor | null, type: ItemType, item: LoadedItem): FileTarget {
  const mayEdit = actor !== null && can(item.access, 'item.edit')
  return {
    type,
    id: item.id,
    item,
    mayRead: can(item.access, 'item.read'),
    mayUpload: mayEdit,
    mayRemove: () => mayEdit,
    what: `That ${ITEM_NOUN[type]}`,
  }
}

/** Loads the target with the actor's rights on it; NOT_FOUND when there is no such thing. */
export async function loadFileTarget(
  ctx: ServiceContext,
  type: AttachmentItemType,
  id: string,
): Promise<FileTarget> {
  const { db, actor } = ctx
  if (type !== 'comment') return itemTarget(actor, type, await loadItem(db, actor, type, id))
  const comment = await db
    .selectFrom('comment')
    .select(['item_type', 'item_id', 'author_id', 'deleted_at', 'hidden_at'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!comment) throw notFound('That comment')
  const item = await loadItem(db, actor, comment.item_type, comment.item_id)
  return { type, id, item, ...commentRights(actor, item, comment), what: 'That comment' }
}

/**
 * `loadFileTarget` inside another query (use with `$call`): the target that the query's rows name
 * by `type` and `id` — the comment when it is one, and the item it is on or the item itself — so
 * that a read of files learns its rights in the same query (docs/architecture.md §5). Select
 * `fileTargetColumns` and read them back with `fileTargetFromRow`.
 */
export function joinFileTarget(type: Expression<string>, id: Expression<string>) {
  // biome-ignore lint/suspicious/noExplicitAny: the joined alias is read back by name (`fileTargetColumns`).
  return <QB extends SelectQueryBuilder<any, any, any>>(qb: QB): QB =>
    (
      qb.leftJoin('comment as target_comment', (join) =>
        join.on(sql<boolean>`${type} = 'comment' and ${sql.ref('target_comment.id')} = ${id}`),
      ) as QB
    ).$call(joinItemAt(...itemOfTarget(type, id)))
}

/** The item's type and id: the comment's item when the target is a comment, else the target. */
function itemOfTarget(
  type: Expression<string>,
  id: Expression<string>,
): [Expression<string>, Expression<string>] {
  return [
    sql<string>`coalesce(${sql.ref('target_comment.item_type')}, ${type})`,
    sql<string>`coalesce(${sql.ref('target_comment.item_id')}, ${id})`,
  ]
}

export function fileTargetColumns(
  db: Db,
  actor: Actor | null,
  type: Expression<string>,
  id: Expression<string>,
) {
  const column = <T>(name: string) => sql<T>`${sql.ref(`target_comment.${name}`)}`
  return [
    column<string | null>('id').as('commentId'),
    column<ItemType | null>('item_type').as('commentItemType'),
    column<string | null>('author_id').as('commentAuthorId'),
    column<string | null>('deleted_at').as('commentDeletedAt'),
    column<string | null>('hidden_at').as('commentHiddenAt'),
    ...itemAtColumns(db, actor, ...itemOfTarget(type, id)),
  ] as const
}

export interface FileTargetRow extends ItemAtRow {
  commentId: string | null
  commentItemType: ItemType | null
  commentAuthorId: string | null
  commentDeletedAt: string | null
  commentHiddenAt: string | null
}

/**
 * The target read by `fileTargetColumns`, with the actor's rights, as `loadFileTarget` gives it;
 * NOT_FOUND as it answers when there is no such thing.
 */
export function fileTargetFromRow(
  actor: Actor | null,
  type: AttachmentItemType,
  id: string,
  row: FileTargetRow,
): FileTarget {
  if (type !== 'comment') return itemTarget(actor, type, itemAtFromRow(actor, type, row))
  if (row.commentId === null || row.commentItemType === null || row.commentAuthorId === null)
    throw notFound('That comment')
  const item = itemAtFromRow(actor, row.commentItemType, row)
  const comment = {
    author_id: row.commentAuthorId,
    deleted_at: row.commentDeletedAt,
    hidden_at: row.commentHiddenAt,
  }
  return { type, id, item, ...commentRights(actor, item, comment), what: 'That comment' }
}

/** The actor's rights over one comment's files, given the item the comment is on. */
export function commentRights(
  actor: Actor | null,
  item: LoadedItem,
  comment: { author_id: string; deleted_at: string | null; hidden_at: string | null },
): Pick<FileTarget, 'mayRead' | 'mayUpload' | 'mayRemove'> {
  const isAuthor = actor !== null && actor.id === comment.author_id
  const moderates = actor !== null && ownerCan(item.access, 'comment.moderate')
  // Exactly whoever sees the comment's words (`commentView`): hidden ones only to moderators.
  const seesComment =
    can(item.access, 'item.read') && comment.deleted_at === null && (comment.hidden_at === null || moderates)
  return {
    mayRead: seesComment,
    mayUpload:
      seesComment &&
      isAuthor &&
      comment.hidden_at === null &&
      isActive(item.type, item.status) &&
      can(item.access, 'item.comment'),
    mayRemove: (uploaderId) => seesComment && ((isAuthor && uploaderId === actor?.id) || moderates),
  }
}
