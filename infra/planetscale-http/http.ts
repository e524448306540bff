/**
 * HTTP plumbing of the stand-in: basic auth, JSON bodies (gzip either way, as PlanetScale's API
 * accepts and sends), and Connect-protocol errors. The routing itself is in server.ts.
 */
import { timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gunzipSync, gzipSync } from 'node:zlib'

const MAX_REQUEST_BYTES = 64 * 1024 * 1024

/** Basic auth against the stand-in's own credentials, in constant time. */
export function authorized(req: IncomingMessage, username: string, password: string): boolean {
  const header = req.headers.authorization ?? ''
  const m = /^Basic\s+(\S+)$/i.exec(header)
  if (!m) return false
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon < 0) return false
  const user = decoded.slice(0, colon)
  const pass = decoded.slice(colon + 1)
  const same = (a: string, b: string) => {
    const x = Buffer.from(a)
    const y = Buffer.from(b)
    return x.length === y.length && timingSafeEqual(x, y)
  }
  const percentDecoded = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  // the driver takes user and password from a URL, still percent-encoded
  return (
    (same(user, username) || same(percentDecoded(user), username)) &&
    (same(pass, password) || same(percentDecoded(pass), password))
  )
}

export function send(req: IncomingMessage, res: ServerResponse, status: number, body: unknown): void {
  let buf = Buffer.from(JSON.stringify(body))
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'accept-encoding': 'gzip',
  }
  if (buf.length > 1024 && /\bgzip\b/i.test(String(req.headers['accept-encoding'] ?? ''))) {
    buf = gzipSync(buf)
    headers['content-encoding'] = 'gzip'
  }
  headers['content-length'] = buf.length
  res.writeHead(status, headers).end(buf)
}

/** Errors outside the RPC itself use the Connect protocol's shape, as PlanetScale's API does. */
export function sendConnectError(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
) {
  send(req, res, status, { code, message })
}

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_REQUEST_BYTES) throw new Error('request too large')
    chunks.push(chunk as Buffer)
  }
  const body = Buffer.concat(chunks)
  return /\bgzip\b/i.test(String(req.headers['content-encoding'] ?? '')) ? gunzipSync(body) : body
}
