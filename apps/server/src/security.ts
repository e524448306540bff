import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'

/**
 * Security headers on every answer (docs/architecture.md §7): a strict CSP with no inline script, no framing,
 * no sniffing, HSTS and a conservative referrer policy. Routes that serve people's files set a stricter
 * policy of their own (a sandbox), which is kept (`overwrite: false`).
 */
export const securityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  strictTransportSecurity: 'max-age=63072000; includeSubDomains',
  xFrameOptions: 'DENY',
  referrerPolicy: 'strict-origin-when-cross-origin',
  crossOriginOpenerPolicy: 'same-origin',
  permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  overwrite: false,
})

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
