/**
 * Listing, reading, downloading and deleting attached files, each through the target's rights
 * (`target.ts`), so that a list shows exactly the files a single read or a download would give.
 */
import type { AttachmentItemType, Db, ItemType } from '@appg-hub/db'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { forbidden, notFound } from '../errors'
import { assertCan } from '../items/access'
import { ITEM_NOUN, loadItem } from '../items/load'
import { groupForActor, requireActor } from '../memberships/access'
import { can } from '../policy'
import { describeType } from './accept'
import { groupQuotaBytes, maxUploadBytes } from './limits'
import type { FileStore } from './store'
import { commentRights, loadFileTarget } from './target'
import { groupUsage } from './upload'

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

/** The files of one topic, session, document or comment, newest first. */
export async function listFiles(
  ctx: ServiceContext,
  input: { targetType: AttachmentItemType; targetId: string },
): Promise<FileList> {
  const target = await loadFileTarget(ctx, input.targetType, input.targetId)
  if (!target.mayRead) throw notFound(target.what)
  const rows = await rowsQuery(ctx.db)
    .where('attachment.item_type', '=', input.targetType)
    .where('attachment.item_id', '=', input.targetId)
    .where('attachment.deleted_at', 'is', null)
    .orderBy('attachment.chain_id', 'desc')
    .orderBy('attachment.version', 'desc')
    .execute()
  const items = chainsOf(rows, target.mayRemove)
  return { items, canUpload: target.mayUpload, maxBytes: maxUploadBytes(ctx.config) }
}

/**
 * The files of every comment on an item, in one read for the whole discussion (each comment's
 * files exactly as `listFiles` gives them for that comment). Comments without files are left out.
 */
export async function listCommentFiles(
  ctx: ServiceContext,
  input: { itemType: ItemType; itemId: string },
): Promise<{ comments: { commentId: string; items: FileView[] }[]; maxBytes: number }> {
  const item = await loadItem(ctx.db, ctx.actor, input.itemType, input.itemId)
  assertCan(item.access, 'item.read', `That ${ITEM_NOUN[input.itemType]}`, '')
  const rows = await rowsQuery(ctx.db)
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
    .orderBy('attachment.item_id')
    .orderBy('attachment.chain_id', 'desc')
    .orderBy('attachment.version', 'desc')
    .execute()
  const byComment = new Map<string, typeof rows>()
  for (const row of rows) {
    const list = byComment.get(row.item_id)
    if (list) list.push(row)
    else byComment.set(row.item_id, [row])
  }
  const comments: { commentId: string; items: FileView[] }[] = []
  for (const [commentId, list] of byComment) {
    const first = list[0]!
    const rights = commentRights(ctx.actor, item, {
      author_id: first.commentAuthorId,
      deleted_at: first.commentDeletedAt,
      hidden_at: first.commentHiddenAt,
    })
    if (rights.mayRead) comments.push({ commentId, items: chainsOf(list, rights.mayRemove) })
  }
  return { comments, maxBytes: maxUploadBytes(ctx.config) }
}

/** One version's row, if the actor may read it (NOT_FOUND otherwise, and for deleted files). */
async function readableRow(ctx: ServiceContext, id: string) {
  const row = await rowsQuery(ctx.db).where('attachment.id', '=', id).executeTakeFirst()
  if (!row || row.deleted_at !== null) throw notFound('That file')
  const target = await loadFileTarget(ctx, row.item_type, row.item_id)
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
  const group = await groupForActor(ctx.db, actor, input.groupSlug)
  if (!can({ role: group.role, isSiteAdmin: group.isSiteAdmin, isPublic: false }, 'group.viewAudit'))
    throw forbidden(`Only the chair and officers of ${group.title} can see its storage.`)
  return { usedBytes: await groupUsage(ctx, group.id), quotaBytes: groupQuotaBytes(ctx.config) }
}
