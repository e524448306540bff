import type { MiddlewareHandler } from 'hono'

/**
 * Security headers on every answer (docs/architecture.md §7): a strict CSP with no inline script, no framing,
 * no sniffing, HSTS and a conservative referrer policy.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next()
  const h = c.res.headers
  // Routes that serve people's files set a stricter policy of their own (a sandbox); keep it.
  if (!h.has('Content-Security-Policy')) h.set('Content-Security-Policy', CONTENT_SECURITY_POLICY)
  h.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains')
  h.set('X-Content-Type-Options', 'nosniff')
  h.set('X-Frame-Options', 'DENY')
  h.set('Referrer-Policy', 'strict-origin-when-cross-origin')
  h.set('Cross-Origin-Opener-Policy', 'same-origin')
  h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
}

/**
 * Mutations only from our own pages: a POST must be same-origin (Sec-Fetch-Site or Origin) and
 * JSON, which a cross-site form or `text/plain` beacon cannot be without a CORS preflight.
 */
export function sameOriginJson(publicUrl: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS') return next()
    if (!isSameOrigin(c.req.raw.headers, c.req.url, publicUrl))
      return c.json({ error: { message: 'Cross-site requests are refused.', code: 'FORBIDDEN' } }, 403)
    const type = c.req.header('content-type') ?? ''
    if (!type.toLowerCase().startsWith('application/json')) {
      return c.json(
        { error: { message: 'Send JSON (Content-Type: application/json).', code: 'UNSUPPORTED_MEDIA_TYPE' } },
        415,
      )
    }
    return next()
  }
}

/**
 * Whether a request comes from our own pages (Sec-Fetch-Site, else Origin); a request with neither
 * is not from a browser page. Used for mutations and for the live editor's WebSocket upgrade.
 */
export function isSameOrigin(headers: Headers, requestUrl: string, publicUrl: string): boolean {
  const site = headers.get('sec-fetch-site')
  const origin = headers.get('origin')
  if (site) return site === 'same-origin' || site === 'none'
  return !origin || origin === new URL(requestUrl).origin || origin === new URL(publicUrl).origin
}
