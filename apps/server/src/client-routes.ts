/**
 * What the server answers for a GET that no API route took, the same on Node and on the Worker:
 * a page of the client (index.html, 200), an unknown page (index.html, whose router shows the
 * not-found page, with 404), or a missing file (a plain 404: a missing script, map or `.ics` must
 * never come back as the application's HTML with 200).
 */
import { CLIENT_ROUTES } from '@appg-hub/web/routes'

const PATTERNS = CLIENT_ROUTES.map((route) => ({
  test: new RegExp(`^${route.path.replace(/:[a-z]+/gi, '[^/]+')}/?$`),
  demoOnly: route.demoOnly === true,
}))

export type StaticAnswer = 'page' | 'unknown-page' | 'missing-file'

/** `/assets/x.js`, `/favicon.svg`, `/foo/calendar.ics`: a last segment with an extension is a file. */
export function looksLikeFile(path: string): boolean {
  return /\.[A-Za-z0-9]{1,8}$/.test(path.split('/').pop() ?? '')
}

export function classifyPath(path: string, options: { demoMode: boolean }): StaticAnswer {
  if (PATTERNS.some((p) => p.test.test(path) && (options.demoMode || !p.demoOnly))) return 'page'
  return looksLikeFile(path) ? 'missing-file' : 'unknown-page'
}

/** Vite names the files under /assets/ by their content's hash: they never change, so cache them for a year. */
export function cacheControlFor(path: string): string {
  return path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'
}

export const MISSING_FILE_TEXT = 'Not found.'
