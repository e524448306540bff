// The hash of everything the client build reads (sources, public files, configuration), so that
// `pnpm start` rebuilds the client only when one of them changed (stamp: dist/.source-hash).
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const WEB_DIR = fileURLToPath(new URL('..', import.meta.url))
export const STAMP = join(WEB_DIR, 'dist', '.source-hash')
// `scripts`: the post-build step writes files too (the precompressed copies, the password dictionaries).
const INPUTS = ['src', 'public', 'scripts', 'index.html', 'vite.config.ts', 'package.json', 'tsconfig.json']

function files(path) {
  let stats
  try {
    stats = statSync(path)
  } catch {
    return []
  }
  if (stats.isFile()) return [path]
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)))
}

/** `webDir`: apps/web (another folder of the same layout in tests). */
export function sourceHash(webDir = WEB_DIR) {
  // The API's types are compiled into the client's calls; its router shapes what the client sends.
  const apiDir = join(webDir, '..', '..', 'packages', 'api', 'src')
  const hash = createHash('sha256')
  for (const file of [...INPUTS.map((p) => join(webDir, p)), apiDir].flatMap(files)) {
    hash.update(relative(webDir, file))
    hash.update('\0')
    hash.update(readFileSync(file))
    hash.update('\0')
  }
  return hash.digest('hex')
}
