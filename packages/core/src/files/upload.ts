/**
 * Receiving a file: checked against the item's rights, the size limit and the group's quota before
 * a byte is read; streamed into the store while its SHA-256, length and UTF-8-ness are worked out;
 * then typed from its stored bytes and recorded (with an audit event) or removed again.
 */

import { createHash } from 'node:crypto'
import type { AttachmentItemType, Db } from '@appg-hub/db'
import { newId } from '@appg-hub/db'
import { fileTypeFromStream } from 'file-type'
import { audit } from '../audit'
import type { ServiceContext } from '../context'
import { badRequest, forbidden, notFound, tooLarge, unsupportedType } from '../errors'
import { requireActor } from '../memberships/access'
import { ACCEPTED_DESCRIPTION, acceptedType, namedAsText, sanitizeFileName } from './accept'
import { formatBytes, groupQuotaBytes, maxUploadBytes } from './limits'
import type { FileStore } from './store'
import { type FileTarget, loadFileTarget } from './target'

export interface UploadInput {
  targetType: AttachmentItemType
  targetId: string
  /** The name the uploader's computer gave the file; sanitised here. */
  name: string
  /** The length the request declared (Content-Length); the stream must match it exactly. */
  size: number
  body: ReadableStream<Uint8Array>
  /** The id of any version of a file of the same target, to add a new version of it. */
  replaces?: string | null
}

export interface UploadedFile {
  id: string
  chainId: string
  version: number
  name: string
  size: number
  mediaType: string
  sha256: string
}

/** Bytes in use by a group's files (every version, deleted ones excluded). */
export async function groupUsage(ctx: ServiceContext, appgId: string): Promise<number> {
  const row = await usageQuery(ctx.db).where('attachment.appg_id', '=', appgId).executeTakeFirst()
  return Number(row?.used ?? 0)
}

/** The sum behind `groupUsage`, for one group's rows (a `where` on `attachment.appg_id` picks it). */
export function usageQuery(db: Db) {
  return db
    .selectFrom('attachment')
    .select((eb) => eb.fn.sum<number | string | null>('attachment.size').as('used'))
    .where('attachment.deleted_at', 'is', null)
}

async function previousVersion(ctx: ServiceContext, target: FileTarget, replaces: string) {
  const chain = await ctx.db
    .selectFrom('attachment as a')
    .innerJoin('attachment as v', 'v.chain_id', 'a.chain_id')
    .select(['v.chain_id', 'v.version', 'v.name', 'v.uploaded_by'])
    .where('a.id', '=', replaces)
    .where('a.item_type', '=', target.type)
    .where('a.item_id', '=', target.id)
    .where('a.deleted_at', 'is', null)
    .orderBy('v.version', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!chain) throw notFound('That file')
  return chain
}

/**
 * Counts, hashes and checks the bytes as they pass, failing the stream past `limit`. Only a file
 * named as text (.txt, .csv) can be accepted as text, so only those are checked for UTF-8.
 */
function inspector(limit: number, mayBeText: boolean) {
  // node:crypto: native on Node, and on Workers through nodejs_compat (as password hashing is).
  const hash = createHash('sha256')
  const decoder = new TextDecoder('utf-8', { fatal: true })
  const state = { bytes: 0, isText: mayBeText, tooLarge: false }
  const stream = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      state.bytes += chunk.byteLength
      if (state.bytes > limit) {
        state.tooLarge = true
        controller.error(new Error('upload larger than declared or allowed'))
        return
      }
      hash.update(chunk)
      if (state.isText) {
        try {
          if (chunk.includes(0)) state.isText = false
          else decoder.decode(chunk, { stream: true })
        } catch {
          state.isText = false
        }
      }
      controller.enqueue(chunk)
    },
    flush() {
      if (!state.isText) return
      try {
        decoder.decode()
      } catch {
        state.isText = false
      }
    },
  })
  return { stream, state, digest: () => hash.digest('hex') }
}

/** What `file-type` makes of the stored bytes (it reads only as far as it needs). */
async function detectStored(store: FileStore, key: string): Promise<string | undefined> {
  const stored = await store.get(key)
  if (!stored) throw new Error(`stored file ${key} vanished`)
  try {
    return (await fileTypeFromStream(stored))?.mime
  } finally {
    await stored.cancel().catch(() => undefined)
  }
}

export async function uploadFile(
  ctx: ServiceContext,
  store: FileStore,
  input: UploadInput,
): Promise<UploadedFile> {
  const actor = requireActor(ctx.actor)
  const name = sanitizeFileName(input.name)
  if (!name) throw badRequest('Give the file a name.', 'name')
  const target = await loadFileTarget(ctx, input.targetType, input.targetId)
  if (!target.mayRead) throw notFound(target.what)
  if (!target.mayUpload)
    throw forbidden(
      target.type === 'comment'
        ? 'Only the author of a comment can attach files to it.'
        : 'Only the chair, officers and secretariat of its groups can attach files to it.',
    )
  const limit = maxUploadBytes(ctx.config)
  if (!Number.isSafeInteger(input.size) || input.size < 0) throw badRequest('The upload has no length.')
  if (input.size === 0) throw badRequest('That file is empty.')
  if (input.size > limit)
    throw tooLarge(`Files can be up to ${formatBytes(limit)}; that one is ${formatBytes(input.size)}.`)
  const groupId = target.item.owner.appgId
  const quota = groupQuotaBytes(ctx.config)
  const used = await groupUsage(ctx, groupId)
  if (used + input.size > quota)
    throw tooLarge(
      `${target.item.owner.title} has used ${formatBytes(used)} of its ${formatBytes(quota)} for files; delete some first.`,
    )
  const previous = input.replaces ? await previousVersion(ctx, target, input.replaces) : null

  const id = newId()
  const key = `attachments/${id}`
  const check = inspector(input.size, namedAsText(name))
  try {
    await store.put(key, input.body.pipeThrough(check.stream), input.size)
  } catch (error) {
    await store.delete(key)
    if (check.state.tooLarge) throw badRequest('The file is longer than the upload said it would be.')
    // The sender went away mid-file (a store failure with the whole file received is ours: rethrown).
    if (check.state.bytes < input.size)
      throw badRequest('The upload stopped before the end of the file; try again.')
    throw error
  }
  try {
    if (check.state.bytes === 0) throw badRequest('That file is empty.')
    if (check.state.bytes !== input.size)
      throw badRequest('The upload stopped before the end of the file; try again.')
    const mediaType = acceptedType(name, {
      detectedMime: await detectStored(store, key),
      isText: check.state.isText,
    })
    if (!mediaType)
      throw unsupportedType(
        `Judging by its content, this file is not one the hub accepts: ${ACCEPTED_DESCRIPTION}.`,
      )
    const row = {
      id,
      item_type: target.type,
      item_id: target.id,
      appg_id: groupId,
      chain_id: previous?.chain_id ?? id,
      version: previous ? Number(previous.version) + 1 : 1,
      name,
      size: check.state.bytes,
      media_type: mediaType,
      sha256: check.digest(),
      storage_key: key,
      uploaded_by: actor.id,
      created_at: ctx.clock.now().toISOString(),
      deleted_at: null,
      deleted_by: null,
    }
    await ctx.db.transaction().execute(async (tx) => {
      await tx.insertInto('attachment').values(row).execute()
      await audit(tx, ctx.clock, {
        actorId: actor.id,
        action: previous ? 'file.versioned' : 'file.uploaded',
        appgId: groupId,
        itemType: target.type,
        itemId: target.id,
        details: { fileId: id, name, size: row.size, mediaType, version: row.version, sha256: row.sha256 },
      })
    })
    return {
      id,
      chainId: row.chain_id,
      version: row.version,
      name,
      size: row.size,
      mediaType,
      sha256: row.sha256,
    }
  } catch (error) {
    await store.delete(key)
    throw error
  }
}
