/**
 * Limits that hold before any request is parsed (issue #13): the Host a request names, and the size
 * of its body and of its tRPC batch. (`no-store` on answers meant for one person: http-cache.ts.)
 */
import type { HubConfig } from '@appg-hub/core'
import type { MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'

export const DEFAULT_MAX_BATCH_SIZE = 10
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024
/**
 * Documents hold up to a million characters; as JSON that is up to about 3 MB of UTF-8 plus
 * escapes, so the procedures that carry a whole document body get 4 MB.
 */
export const DOCUMENT_BODY_BYTES = 4 * 1024 * 1024
const DOCUMENT_PROCEDURES = new Set(['documents.create', 'documents.save', 'documents.preview'])
const UPLOAD_PATH = /^\/(?:files\/[a-z]+\/[^/]+|documents\/import-word)$/

function refusal(message: string, code: string, status: 400 | 413 | 421) {
  return new Response(JSON.stringify({ error: { message, code } }), {
    status,
    headers: { 'content-type': 'application/json' },
  })
}

/** The procedures a tRPC request names (`/trpc/a,b?batch=1` names two). */
function procedures(path: string): string[] {
  const names = decodeURIComponent(path.replace(/^\/trpc\/?/, ''))
  return names.split(',')
}

/**
 * Refuses a body over the limit with 413, from Content-Length when it is given and otherwise while
 * the stream is read, so that a large body is never buffered whole nor parsed.
 */
export function requestBodyLimit(config: HubConfig): MiddlewareHandler {
  const tooLarge = (limit: number) => () =>
    refusal(`The request is too large (at most ${Math.round(limit / 1024)} KB).`, 'PAYLOAD_TOO_LARGE', 413)
  const ordinary = config.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES
  const general = bodyLimit({ maxSize: ordinary, onError: tooLarge(ordinary) })
  const documents = bodyLimit({ maxSize: DOCUMENT_BODY_BYTES, onError: tooLarge(DOCUMENT_BODY_BYTES) })
  return (c, next) => {
    // No route reads the body of a GET or HEAD, so there is nothing to limit; and asking for it
    // (as `bodyLimit` does) makes the Node adapter build a full Request on every read, which was
    // the largest single cost of a signed-in read such as `me.get` over HTTP.
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next()
    // Attached files and Word imports have their own, larger limit (MAX_UPLOAD_MB), which the file
    // routes hold from Content-Length before reading and again while streaming (file-routes.ts).
    if (c.req.method === 'POST' && UPLOAD_PATH.test(c.req.path)) return next()
    const names = c.req.path.startsWith('/trpc/') ? procedures(c.req.path) : []
    const forDocuments = names.length > 0 && names.every((name) => DOCUMENT_PROCEDURES.has(name))
    return (forDocuments ? documents : general)(c, next)
  }
}

/** Refuses a tRPC batch of more calls than the limit with 400, before its input is read. */
export function batchSizeLimit(config: HubConfig): MiddlewareHandler {
  const limit = config.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE
  return async (c, next) => {
    if (c.req.query('batch') === '1' && procedures(c.req.path).length > limit)
      return refusal(`Send at most ${limit} calls in one request.`, 'BAD_REQUEST', 400)
    return next()
  }
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]'])

function hostname(host: string): string {
  return host.replace(/:\d+$/, '').toLowerCase()
}

/**
 * Answers only for the names the hub is reached by, so that a page on another name that resolves
 * to this server (DNS rebinding) is not treated as our own origin: PUBLIC_URL's host, the
 * configured allow-list, and when PUBLIC_URL is a loopback name, every loopback name.
 */
export function hostCheck(config: HubConfig): MiddlewareHandler {
  return async (c, next) => {
    const allowed = config.allowedHosts ?? []
    if (allowed.includes('*')) return next()
    // Node builds the URL from the Host header; Workers from the name the request was sent to.
    const host = new URL(c.req.url).host.toLowerCase()
    // Read per request: the test servers learn their port (and so PUBLIC_URL) after starting.
    const publicUrl = new URL(config.publicUrl)
    const ok =
      host === publicUrl.host ||
      allowed.some((entry) => entry.toLowerCase() === host || entry.toLowerCase() === hostname(host)) ||
      (LOOPBACK.has(publicUrl.hostname) && LOOPBACK.has(hostname(host)))
    if (!ok) return refusal('This hub does not answer for that host name.', 'MISDIRECTED_REQUEST', 421)
    return next()
  }
}
