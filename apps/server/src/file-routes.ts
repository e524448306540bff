/**
 * Files over plain HTTP, beside tRPC (whose JSON bodies do not suit bytes): uploading an attachment
 * (the raw file as the body, its name in `X-File-Name`), downloading one, and documents in and out
 * of Word. Signed-in calls use the session cookie; uploads pass the same-origin check that guards
 * every mutation. Listing, deleting and the quota are tRPC procedures (`files.*`).
 */
import type { ApiDeps } from '@appg-hub/api'
import {
  consumeRate,
  contentDisposition,
  DOCUMENT_KINDS,
  type DocumentKind,
  exportWordDocument,
  type FileStore,
  formatBytes,
  INLINE_TYPES,
  importWordDocument,
  maxUploadBytes,
  openFile,
  RATE_RULES,
  type ServiceContext,
  uploadFile,
  type WordConverter,
} from '@appg-hub/core'
import type { AttachmentItemType } from '@appg-hub/db'
import type { Context, Hono } from 'hono'
import { authOf } from './authenticate'
import { failureJson, failureText } from './http-errors'
import { isSameOrigin } from './security'

/** URL names of what files attach to; "session" is a meeting in the schema. */
const TARGETS: Record<string, AttachmentItemType> = {
  topic: 'topic',
  session: 'meeting',
  meeting: 'meeting',
  document: 'document',
  comment: 'comment',
}

/** What a downloaded file may do when opened: nothing (no scripts, no plugins, no requests). */
const FILE_CSP =
  "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; frame-ancestors 'self'"

const WORD_UNAVAILABLE =
  'Word import and export are not set up on this server (on Cloudflare they need the word Worker; see README.md).'

export interface FileRouteOptions {
  /** Where the bytes live; without one the routes answer 503. */
  files?: FileStore
  /** Word import and export; without one they answer 501. */
  word?: WordConverter
  clientAddress?: (req: Request, env: unknown) => string | null
}

async function serviceFor(c: Context, deps: ApiDeps): Promise<ServiceContext> {
  return { ...deps, actor: await authOf(c).getActor() }
}

function refuse(c: Context, status: 400 | 401 | 403 | 411 | 413 | 501 | 503, message: string): Response {
  return c.json({ error: { message } }, status)
}

/** The declared length of the body, or null when absent or malformed. */
function contentLength(c: Context): number | null {
  const value = c.req.header('content-length')
  if (!value || !/^\d{1,15}$/.test(value)) return null
  return Number(value)
}

/** `X-File-Name` carries the name percent-encoded (UTF-8), as `encodeURIComponent` writes it. */
function headerFileName(c: Context): string | null {
  const raw = c.req.header('x-file-name')
  if (!raw) return null
  try {
    return decodeURIComponent(raw)
  } catch {
    return null
  }
}

/** Reads a body of at most `limit` bytes into memory (the Word import needs the whole file). */
async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array | null> {
  const chunks: Uint8Array[] = []
  let size = 0
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength
    if (size > limit) return null
    chunks.push(chunk)
  }
  const bytes = new Uint8Array(size)
  let offset = 0
  for (const chunk of chunks) {
    bytes.set(chunk, offset)
    offset += chunk.byteLength
  }
  return bytes
}

/**
 * Reads and throws away what is left of a refused upload, up to `limit` bytes, so that the client
 * (still sending) gets the answer rather than a reset connection; past that the connection closes.
 */
async function discardRest(body: ReadableStream<Uint8Array> | null, limit: number): Promise<void> {
  if (!body || body.locked) return
  let seen = 0
  try {
    for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
      seen += chunk.byteLength
      if (seen > limit) break
    }
  } catch {
    // the client went away
  }
}

export function registerFileRoutes(app: Hono, deps: ApiDeps, options: FileRouteOptions): void {
  const { files, word } = options

  /** Downloads: per person, or per address when signed out. */
  async function downloadAllowed(c: Context, ctx: ServiceContext): Promise<boolean> {
    const subject = ctx.actor?.id ?? options.clientAddress?.(c.req.raw, c.env) ?? 'unknown address'
    const rate = await consumeRate(ctx, RATE_RULES.fileDownloads, subject)
    if (!rate.allowed) c.header('retry-after', String(rate.retryAfterSeconds))
    return rate.allowed
  }

  app.post('/files/:type{topic|session|meeting|document|comment}/:id{[A-Za-z0-9_-]{1,36}}', async (c) => {
    const response = await receive(c)
    await discardRest(c.req.raw.body, 2 * maxUploadBytes(deps.config))
    return response
  })

  async function receive(c: Context): Promise<Response> {
    if (!isSameOrigin(c.req.raw.headers, c.req.url, deps.config.publicUrl))
      return refuse(c, 403, 'Cross-site requests are refused.')
    if (!files) return refuse(c, 503, 'File storage is not set up on this server.')
    try {
      const ctx = await serviceFor(c, deps)
      if (!ctx.actor) return refuse(c, 401, 'Please sign in first.')
      const name = headerFileName(c)
      if (!name) return refuse(c, 400, 'Say the file’s name in the X-File-Name header.')
      const size = contentLength(c)
      if (size === null) return refuse(c, 411, 'Send the file with its length (Content-Length).')
      const body = c.req.raw.body
      if (!body || size === 0) return refuse(c, 400, 'That file is empty.')
      const targetType = TARGETS[c.req.param('type') ?? '']
      const targetId = c.req.param('id')
      if (!targetType || !targetId) return refuse(c, 400, 'Say what the file is attached to.')
      const file = await uploadFile(ctx, files, {
        targetType,
        targetId,
        name,
        size,
        body,
        replaces: c.req.query('replaces') ?? null,
      })
      return c.json({ file }, 201)
    } catch (error) {
      return failureJson(c, error)
    }
  }

  app.get('/files/:id{[A-Za-z0-9_-]{1,36}}/:name', async (c) => {
    if (!files) return c.text('File storage is not set up on this server.', 503)
    try {
      const ctx = await serviceFor(c, deps)
      const file = await openFile(ctx, files, c.req.param('id'))
      if (!(await downloadAllowed(c, ctx))) {
        await file.body.cancel()
        return c.text('Too many downloads. Please wait and try again.', 429)
      }
      const inline = INLINE_TYPES.has(file.mediaType)
      return c.body(file.body, 200, {
        'content-type': file.mediaType.startsWith('text/')
          ? `${file.mediaType}; charset=utf-8`
          : file.mediaType,
        'content-length': String(file.size),
        'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', file.name),
        'content-security-policy': FILE_CSP,
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-store',
        etag: `"${file.sha256}"`,
      })
    } catch (error) {
      return failureText(c, error)
    }
  })

  /** A .docx as a new document of a group: `?group=<slug>&kind=<kind>&visibility=…&title=…&topic=<id>`. */
  app.post('/documents/import-word', async (c) => {
    if (!isSameOrigin(c.req.raw.headers, c.req.url, deps.config.publicUrl))
      return refuse(c, 403, 'Cross-site requests are refused.')
    if (!word) return refuse(c, 501, WORD_UNAVAILABLE)
    try {
      const ctx = await serviceFor(c, deps)
      if (!ctx.actor) return refuse(c, 401, 'Please sign in first.')
      const group = c.req.query('group')
      const kind = (c.req.query('kind') ?? 'notes') as DocumentKind
      const visibility = c.req.query('visibility') ?? 'participants'
      if (!group) return refuse(c, 400, 'Choose the group the document belongs to.')
      if (!DOCUMENT_KINDS.includes(kind)) return refuse(c, 400, 'Choose what kind of document it is.')
      if (visibility !== 'participants' && visibility !== 'public')
        return refuse(c, 400, 'Choose who can read the document.')
      const limit = maxUploadBytes(deps.config)
      const size = contentLength(c)
      if (size !== null && size > limit)
        return refuse(c, 413, `Word files can be up to ${formatBytes(limit)}.`)
      const body = c.req.raw.body
      const bytes = body ? await readLimited(body, limit) : null
      if (bytes === null && body) return refuse(c, 413, `Word files can be up to ${formatBytes(limit)}.`)
      if (!bytes || bytes.byteLength === 0) return refuse(c, 400, 'That file is empty.')
      const result = await importWordDocument(ctx, word, {
        groupSlug: group,
        kind,
        visibility,
        fileName: headerFileName(c) ?? 'Imported document.docx',
        title: c.req.query('title') ?? null,
        topicId: c.req.query('topic') ?? null,
        bytes,
      })
      return c.json(result, 201)
    } catch (error) {
      return failureJson(c, error)
    }
  })

  app.get('/documents/:id{[A-Za-z0-9_-]{1,36}}/export.docx', async (c) => {
    if (!word) return c.text(WORD_UNAVAILABLE, 501)
    try {
      const ctx = await serviceFor(c, deps)
      if (!(await downloadAllowed(c, ctx)))
        return c.text('Too many downloads. Please wait and try again.', 429)
      const { fileName, bytes } = await exportWordDocument(ctx, word, c.req.param('id'))
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
        'content-disposition': contentDisposition('attachment', fileName),
        'content-security-policy': FILE_CSP,
        'cache-control': 'private, no-store',
      })
    } catch (error) {
      return failureText(c, error)
    }
  })
}
