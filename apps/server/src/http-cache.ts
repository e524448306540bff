/**
 * HTTP caching of public reads, and `no-store` on everything else the API answers.
 *
 * - Register answers (`register.list`, `register.tags` as tRPC GETs) change only with a Register
 *   import, which bumps the database's `register` cache version. Signed out, they are served
 *   from a store keyed by that version and the URL (memory on Node, the Cache API on Workers):
 *   one primary-key read of the version instead of the procedure.
 * - Other public reads (a group's Register page, a published document, a group's calendar) change
 *   with ordinary writes, so they are computed each time but carry an ETag: a client holding the
 *   same answer gets 304 and no body.
 * - A caller with a session cookie is never served from, nor stored in, any cache: their answers
 *   carry `Cache-Control: private, no-store` and no ETag. So is anything that sets a cookie, on
 *   every route but the client's static files (they are the same for everyone).
 */
import { type Db, readCacheVersion } from '@appg-hub/db'
import type { Context, MiddlewareHandler } from 'hono'
import { authOf } from './authenticate'

/** An answer kept for the next caller with the same URL at the same Register version. */
export interface StoredAnswer {
  body: string
  etag: string
  contentType: string
}

export interface AnswerStore {
  match(key: string): Promise<StoredAnswer | undefined>
  put(key: string, answer: StoredAnswer): Promise<void>
}

/** Procedures whose answer depends on the Register alone. */
const REGISTER_PROCEDURES = new Set(['register.list', 'register.tags'])
/** Public procedures whose signed-out answer may be cached by browsers, revalidated by ETag. */
const REVALIDATED_PROCEDURES = new Set([...REGISTER_PROCEDURES, 'register.group', 'documents.get'])
const GROUP_CALENDAR = /^\/groups\/[a-z0-9-]{1,100}\/calendar\.ics$/
/** The other answers the server makes for non-JS clients (calendars, the sign-up CSV, the audit log's). */
const SERVER_FILES = /^\/(sessions|calendar|admin)\/.*\.(ics|csv)$/

/** Browsers keep a public answer but ask again each time (with If-None-Match). */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate'
export const PRIVATE_CACHE_CONTROL = 'private, no-store'

/** The client's static files, the same for everyone: they keep their own caching. */
const STATIC_FILE = /^\/assets\/|\.(?:js|css|svg|png|ico|woff2?|webmanifest|txt|map)$/

/** `static` keeps its own caching; `private` is no-store when signed in or setting a cookie. */
type Kind = 'register' | 'revalidate' | 'api' | 'static' | 'private'

function kindOf(path: string): Kind {
  if (path.startsWith('/trpc/')) {
    let procedures: string[]
    try {
      procedures = decodeURIComponent(path.slice('/trpc/'.length)).split(',')
    } catch {
      return 'api'
    }
    if (procedures.every((p) => REGISTER_PROCEDURES.has(p))) return 'register'
    if (procedures.every((p) => REVALIDATED_PROCEDURES.has(p))) return 'revalidate'
    return 'api'
  }
  if (GROUP_CALENDAR.test(path)) return 'revalidate'
  if (SERVER_FILES.test(path)) return 'api'
  if (STATIC_FILE.test(path)) return 'static'
  return 'private'
}

/** The Register version read for this request, so that the procedure need not read it again. */
const versions = new WeakMap<Request, number>()
export function knownRegisterVersion(req: Request): number | undefined {
  return versions.get(req)
}

/** SHA-256 of the body: WebCrypto, native on Node and Workers (pages run to 100 KB and more). */
export async function etagOf(body: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body)))
  let hex = ''
  for (const byte of digest.subarray(0, 16)) hex += byte.toString(16).padStart(2, '0')
  return `"${hex}"`
}

/** If-None-Match holds this ETag (weak or strong, in a list, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t.replace(/^W\//, '') === etag
  })
}

function answer(c: Context, stored: StoredAnswer, cacheControl: string): Response {
  const headers = { etag: stored.etag, 'cache-control': cacheControl, vary: 'Cookie' }
  if (matches(c.req.header('if-none-match'), stored.etag)) return c.body(null, 304, headers)
  return c.body(stored.body, 200, { ...headers, 'content-type': stored.contentType })
}

function markPrivate(res: Response) {
  res.headers.set('cache-control', PRIVATE_CACHE_CONTROL)
  res.headers.delete('etag')
}

export function httpCache(db: Db, store: AnswerStore, defer: (c: Context, work: Promise<unknown>) => void) {
  const middleware: MiddlewareHandler = async (c, next) => {
    const kind = kindOf(c.req.path)
    if (kind === 'static') return next()
    const signedIn = authOf(c).signInToken !== null
    if (kind === 'private') {
      await next()
      // Downloads set their own `private, no-store` (and an ETag of the file's bytes).
      const already = /\bno-store\b/.test(c.res.headers.get('cache-control') ?? '')
      if ((signedIn || c.res.headers.has('set-cookie')) && !already) markPrivate(c.res)
      return
    }
    if (signedIn || kind === 'api' || c.req.method !== 'GET') {
      await next()
      // Public calendars keep their own public header when nobody is signed in.
      if (signedIn || !c.res.headers.get('cache-control')?.startsWith('public')) markPrivate(c.res)
      return
    }

    let key: string | null = null
    if (kind === 'register') {
      const version = await readCacheVersion(db, 'register').catch(() => null)
      if (version === null) {
        // The database is unreachable: the procedure answers (503, in tRPC's shape) as it would.
        await next()
        markPrivate(c.res)
        return
      }
      versions.set(c.req.raw, version)
      const url = new URL(c.req.url)
      key = `register/${version}${url.pathname}${url.search}`
      const stored = await store.match(key)
      if (stored) return answer(c, stored, PUBLIC_CACHE_CONTROL)
    }

    await next()
    const res = c.res
    if (res.status !== 200 || res.headers.has('set-cookie')) {
      markPrivate(res)
      return
    }
    const stored: StoredAnswer = {
      body: await res.text(),
      etag: '',
      contentType: res.headers.get('content-type') ?? 'application/json',
    }
    stored.etag = await etagOf(stored.body)
    if (key) defer(c, store.put(key, stored))
    const cacheControl = res.headers.get('cache-control')?.startsWith('public')
      ? res.headers.get('cache-control')!
      : PUBLIC_CACHE_CONTROL
    const fresh = answer(c, stored, cacheControl)
    // Headers the route set (content-disposition) stay.
    for (const [name, value] of res.headers)
      if (!fresh.headers.has(name) && name !== 'content-length') fresh.headers.set(name, value)
    c.res = undefined as unknown as Response
    c.res = fresh
  }
  return middleware
}

/** Node: answers in memory, the oldest evicted first, bounded by count and by size. */
export function memoryAnswerStore(maxEntries = 1000, maxBytes = 32 * 1024 * 1024): AnswerStore {
  const answers = new Map<string, StoredAnswer>()
  let bytes = 0
  return {
    async match(key) {
      const hit = answers.get(key)
      if (hit) {
        answers.delete(key)
        answers.set(key, hit)
      }
      return hit
    },
    async put(key, stored) {
      const old = answers.get(key)
      if (old) bytes -= old.body.length
      answers.delete(key)
      answers.set(key, stored)
      bytes += stored.body.length
      while (answers.size > maxEntries || bytes > maxBytes) {
        const [oldest, value] = answers.entries().next().value!
        answers.delete(oldest)
        bytes -= value.body.length
      }
    },
  }
}

/**
 * Workers: the data centre's Cache API (`caches.default`), shared by every isolate there. The
 * version is part of the key, so an import makes every stored answer unreachable at once; the
 * entries themselves expire after a day.
 */
export function cacheApiAnswerStore(cache: Cache, origin = 'https://answers.appg-hub.internal'): AnswerStore {
  const request = (key: string) => new Request(`${origin}/${key}`)
  return {
    async match(key) {
      const hit = await cache.match(request(key))
      if (!hit) return undefined
      return {
        body: await hit.text(),
        etag: hit.headers.get('etag') ?? '',
        contentType: hit.headers.get('content-type') ?? 'application/json',
      }
    },
    async put(key, stored) {
      await cache.put(
        request(key),
        new Response(stored.body, {
          headers: {
            'content-type': stored.contentType,
            etag: stored.etag,
            'cache-control': 'public, max-age=86400',
          },
        }),
      )
    },
  }
}
