/**
 * Listing, reading, downloading and deleting attached files, each through the target's rights
 * (`target.ts`), so that a list shows exactly the files a single read or a download would give.
 * Each read is one query (docs/architecture.md §5): the target's rights come back with the files.
 */
import type { AttachmentItemType, Db, ItemType } from '@appg-hub/db'
import { sql } from 'kysely'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, participantsOf } from '../items/load'
import { itemAtFromRow } from '../items/load-at'
import { asGroupForActor, requireActor } from '../memberships/access'
import { can } from '../policy'
import { describeType } from './accept'
import { groupQuotaBytes, maxUploadBytes } from './limits'
import type { FileStore } from './store'
import { commentRights, fileTargetColumns, fileTargetFromRow, joinFileTarget } from './target'
import { usageQuery } from './upload'

export interface FileVersionView {
  id: string
  version: number
  name: string
  size: number
  mediaType: string
  typeName: string
  sha256: string
  uploadedBy: { id: string; name: string }
  createdAt: string
  /** Where to download it: `/files/<id>/<name>`. */
  url: string
}

export interface FileView extends FileVersionView {
  chainId: string
  /** Every version, newest first (the first is this one). */
  versions: FileVersionView[]
  canRemove: boolean
}

export interface FileList {
  items: FileView[]
  canUpload: boolean
  maxBytes: number
}

export function fileUrl(id: string, name: string): string {
  return `/files/${id}/${encodeURIComponent(name)}`
}

function rowsQuery(db: Db) {
  return db
    .selectFrom('attachment')
    .innerJoin('person as uploader', 'uploader.id', 'attachment.uploaded_by')
    .select([
      'attachment.id',
      'attachment.item_type',
      'attachment.item_id',
      'attachment.chain_id',
      'attachment.version',
      'attachment.name',
      'attachment.size',
      'attachment.media_type',
      'attachment.sha256',
      'attachment.storage_key',
      'attachment.uploaded_by',
      'attachment.created_at',
      'attachment.deleted_at',
      // An erased account's files stay with the item, under the pseudonym erasure leaves.
      'uploader.display_name as uploaderName',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof rowsQuery>['executeTakeFirstOrThrow']>>

function versionView(row: Row): FileVersionView {
  return {
    id: row.id,
    version: Number(row.version),
    name: row.name,
    size: Number(row.size),
    mediaType: row.media_type,
    typeName: describeType(row.media_type),
    sha256: row.sha256,
    uploadedBy: { id: row.uploaded_by, name: row.uploaderName },
    createdAt: row.created_at,
    url: fileUrl(row.id, row.name),
  }
}

/** Rows (newest version first within each chain) as files with their versions. */
function chainsOf(rows: Row[], mayRemove: (uploaderId: string) => boolean): FileView[] {
  const chains = new Map<string, Row[]>()
  for (const row of rows) {
    const chain = chains.get(row.chain_id)
    if (chain) chain.push(row)
    else chains.set(row.chain_id, [row])
  }
  return [...chains.values()].map((versions) => {
    const latest = versions[0]!
    return {
      ...versionView(latest),
      chainId: latest.chain_id,
      versions: versions.map(versionView),
      canRemove: mayRemove(versions[versions.length - 1]!.uploaded_by),
    }
  })
}

/** The file rows of a page read with what they are attached to (`onePage`), page columns null when it is empty. */
function pageRows<R extends { id: string | null }>(rows: R[]): Row[] {
  return rows.filter((r) => r.id !== null) as unknown as Row[]
}

/** A one-row table to left-join a page of files to, so the page's first row carries its target. */
function oneRow(db: Db) {
  return db.selectFrom(sql<{ one: number }>`(select 1 as one)`.as('one_row'))
}

/**
 * The files of one topic, session, document or comment, newest first. One query: the target with
 * the actor's rights, and its files (read whether or not the actor may see them, returned only
 * when they may).
 */
export async function listFiles(
  ctx: ServiceContext,
  input: { targetType: AttachmentItemType; targetId: string },
): Promise<FileList> {
  const type = sql.val<string>(input.targetType)
  const id = sql.val<string>(input.targetId)
  const files = rowsQuery(ctx.db)
    .where('attachment.item_type', '=', input.targetType)
    .where('attachment.item_id', '=', input.targetId)
    .where('attachment.deleted_at', 'is', null)
  const rows = await oneRow(ctx.db)
    .$call(joinFileTarget(type, id))
    .leftJoin(files.as('f'), (join) => join.onTrue())
    .selectAll('f')
    .select(fileTargetColumns(ctx.db, ctx.actor, type, id))
    .orderBy('f.chain_id', 'desc')
    .orderBy('f.version', 'desc')
    .execute()
  const target = fileTargetFromRow(ctx.actor, input.targetType, input.targetId, rows[0]!)
  if (!target.mayRead) throw notFound(target.what)
  const items = chainsOf(pageRows(rows), target.mayRemove)
  return { items, canUpload: target.mayUpload, maxBytes: maxUploadBytes(ctx.config) }
}

/**
 * The files of every comment on an item, in one read for the whole discussion (each comment's
 * files exactly as `listFiles` gives them for that comment). Comments without files are left out.
 * One query: the item with the actor's rights (as `loadItem`), and the comments' files.
 */
export async function listCommentFiles(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string },
): Promise<{ comments: { commentId: string; items: FileView[] }[]; maxBytes: number }> {
  const { db, actor } = ctx
  const files = rowsQuery(db)
    .innerJoin('comment', 'comment.id', 'attachment.item_id')
    .select([
      'comment.author_id as commentAuthorId',
      'comment.deleted_at as commentDeletedAt',
      'comment.hidden_at as commentHiddenAt',
    ])
    .where('attachment.item_type', '=', 'comment')
    .where('comment.item_type', '=', input.itemType)
    .where('comment.item_id', '=', input.itemId)
    .where('comment.deleted_at', 'is', null)
    .where('attachment.deleted_at', 'is', null)
  const rows = await db
    .selectFrom(`${input.itemType} as item` as 'topic as item')
    .leftJoin(files.as('f'), (join) => join.onTrue())
    .selectAll('f')
    .select([
      'item.id as itemId',
      'item.title as itemTitle',
      'item.visibility as itemVisibility',
      'item.status as itemStatus',
      participantsOf(db, input.itemType, 'item.id', actor).as('itemParticipants'),
    ])
    .where('item.id', '=', input.itemId)
    .orderBy('f.item_id')
    .orderBy('f.chain_id', 'desc')
    .orderBy('f.version', 'desc')
    .execute()
  if (!rows[0]) throw notFound(`That ${ITEM_NOUN[input.itemType]}`)
  const item = itemAtFromRow(actor, input.itemType, rows[0])
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[input.itemType]}`, '')
  const byComment = new Map<string, (Row & (typeof rows)[number])[]>()
  for (const row of pageRows(rows) as (Row & (typeof rows)[number])[]) {
    const list = byComment.get(row.item_id)
    if (list) list.push(row)
    else byComment.set(row.item_id, [row])
  }
  const comments: { commentId: string; items: FileView[] }[] = []
  for (const [commentId, list] of byComment) {
    const first = list[0]!
    const rights = commentRights(ctx.actor, item, {
      author_id: first.commentAuthorId!,
      deleted_at: first.commentDeletedAt,
      hidden_at: first.commentHiddenAt,
    })
    if (rights.mayRead) comments.push({ commentId, items: chainsOf(list, rights.mayRemove) })
  }
  return { comments, maxBytes: maxUploadBytes(ctx.config) }
}

/**
 * One version's row, if the actor may read it (NOT_FOUND otherwise, and for deleted files), read in
 * one query with what it is attached to and the actor's rights there.
 */
async function readableRow(ctx: ServiceContext, id: string) {
  const type = sql.ref<string>('attachment.item_type')
  const itemId = sql.ref<string>('attachment.item_id')
  const row = await rowsQuery(ctx.db)
    .$call(joinFileTarget(type, itemId))
    .select(fileTargetColumns(ctx.db, ctx.actor, type, itemId))
    .where('attachment.id', '=', id)
    .executeTakeFirst()
  if (!row || row.deleted_at !== null) throw notFound('That file')
  const target = fileTargetFromRow(ctx.actor, row.item_type, row.item_id, row)
  if (!target.mayRead) throw notFound('That file')
  return { row, target }
}

/** One version of a file, with what it is attached to. */
export async function getFile(
  ctx: ServiceContext,
  input: { id: string },
): Promise<FileVersionView & { chainId: string; targetType: AttachmentItemType; targetId: string }> {
  const { row } = await readableRow(ctx, input.id)
  return { ...versionView(row), chainId: row.chain_id, targetType: row.item_type, targetId: row.item_id }
}

export interface FileDownload {
  name: string
  mediaType: string
  size: number
  sha256: string
  body: ReadableStream<Uint8Array>
}

export async function openFile(ctx: ServiceContext, store: FileStore, id: string): Promise<FileDownload> {
  const { row } = await readableRow(ctx, id)
  const body = await store.get(row.storage_key)
  if (!body) throw notFound('That file')
  return { name: row.name, mediaType: row.media_type, size: Number(row.size), sha256: row.sha256, body }
}

/**
 * Deletes a file with all its versions. Soft: the rows stay (with who deleted it and when) for the
 * audit trail, and so do the bytes; nobody can list or download them again.
 */
export async function removeFile(ctx: ServiceContext, input: { id: string }): Promise<{ removed: number }> {
  const actor = requireActor(ctx.actor)
  const { row, target } = await readableRow(ctx, input.id)
  const first = await ctx.db
    .selectFrom('attachment')
    .select('uploaded_by')
    .where('chain_id', '=', row.chain_id)
    .where('version', '=', 1)
    .executeTakeFirst()
  if (!target.mayRemove(first?.uploaded_by ?? row.uploaded_by))
    throw forbidden(
      target.type === 'comment'
        ? "Only the comment's author and the group's officers can delete its files."
        : 'Only the chair, officers and secretariat of its groups can delete its files.',
    )
  const now = ctx.clock.now().toISOString()
  return ctx.db.transaction().execute(async (tx) => {
    const result = await tx
      .updateTable('attachment')
      .set({ deleted_at: now, deleted_by: actor.id })
      .where('chain_id', '=', row.chain_id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst()
    await audit(tx, ctx.clock, {
      actorId: actor.id,
      action: 'file.deleted',
      appgId: target.item.owner.appgId,
      itemType: target.type,
      itemId: target.id,
      details: { fileId: row.chain_id, name: row.name },
    })
    return { removed: Number(result.numUpdatedRows) }
  })
}

/** A group's storage for files: shown to its chair and officers (and site administrators). */
export async function groupFileUsage(
  ctx: ServiceContext,
  input: { groupSlug: string },
): Promise<{ usedBytes: number; quotaBytes: number }> {
  const actor = requireActor(ctx.actor)
  // One query: the group with the actor's role (as `groupForActor`) and its usage beside it.
  const row = await ctx.db
    .selectFrom('appg')
    .leftJoin('membership', (join) =>
      join.onRef('membership.appg_id', '=', 'appg.id').on('membership.person_id', '=', actor.id),
    )
    .select([
      'appg.id',
      'appg.slug',
      'appg.title',
      'membership.role',
      usageQuery(ctx.db).where('attachment.appg_id', '=', sql.ref<string>('appg.id')).as('used'),
    ])
    .where('appg.slug', '=', input.groupSlug)
    .executeTakeFirst()
  if (!row) throw notFound('That group')
  const group = asGroupForActor(row, actor)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewAudit'))
    throw forbidden(`Only the chair and officers of ${group.title} can see its storage.`)
  return { usedBytes: Number(row.used ?? 0), quotaBytes: groupQuotaBytes(ctx.config) }
}
