// First-load JavaScript per page of the built client, gzipped: what index.html loads and preloads (the
// shell) plus the page's own chunk and the chunks it imports statically. Read from Vite's manifest
// (dist/.vite/manifest.json) and the built index.html, so it measures exactly what a browser fetches.
// `node apps/web/scripts/first-load.mjs` prints the table; postbuild.mjs prints it after every build.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { WEB_DIR } from './source-hash.mjs'

/** The Register page's budget for first-load JavaScript, gzipped (issue #18). */
export const REGISTER_FIRST_LOAD_LIMIT = 40_000

const gz = (dist, file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length

/** The scripts the built index.html loads (`<script type="module" src>`) and preloads (`modulepreload`). */
export function htmlScripts(html) {
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="\/([^"]+\.js)"/g)].map((m) => m[1])
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/([^"]+\.js)"/g)].map(
    (m) => m[1],
  )
  return [...new Set([...scripts, ...preloads])]
}

/** A chunk and every chunk it imports statically, as files. */
function closure(manifest, key, into = new Set()) {
  const chunk = manifest[key]
  if (!chunk || into.has(chunk.file)) return into
  into.add(chunk.file)
  for (const child of chunk.imports ?? []) closure(manifest, child, into)
  return into
}

/**
 * Per page (`src/pages/*.tsx`, as App.tsx loads them lazily): the gzipped bytes of the shell's
 * scripts, of the page's own chunks beyond the shell, and their sum.
 */
export function firstLoad(dist = join(WEB_DIR, 'dist')) {
  const manifestPath = join(dist, '.vite', 'manifest.json')
  if (!existsSync(manifestPath)) throw new Error(`${manifestPath} is missing: run the client build first`)
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'))
  const shellFiles = htmlScripts(readFileSync(join(dist, 'index.html'), 'utf8'))
  const shell = shellFiles.reduce((sum, file) => sum + gz(dist, file), 0)
  const pages = Object.keys(manifest)
    .filter((key) => /^src\/pages\/.+\.tsx$/.test(key) && manifest[key].isDynamicEntry)
    .sort()
    .map((key) => {
      const own = [...closure(manifest, key)].filter((file) => !shellFiles.includes(file))
      const page = own.reduce((sum, file) => sum + gz(dist, file), 0)
      return { page: key.replace(/^src\/pages\/|\.tsx$/g, ''), shell, own: page, total: shell + page }
    })
  return { shellFiles, shell, pages }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { shell, pages } = firstLoad()
  const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(9)
  console.log(
    `First-load JavaScript, gzipped (shell ${kb(shell).trim()} = index.html's script and preloads):`,
  )
  console.log(`  ${'page'.padEnd(28)}${'page'.padStart(9)}${'total'.padStart(9)}`)
  for (const p of pages) console.log(`  ${p.page.padEnd(28)}${kb(p.own)}${kb(p.total)}`)
  const register = pages.find((p) => p.page === 'Register')
  if (register && register.total > REGISTER_FIRST_LOAD_LIMIT) {
    console.error(`The Register page's first load is over ${kb(REGISTER_FIRST_LOAD_LIMIT).trim()} gzipped.`)
    process.exitCode = 1
  }
}
