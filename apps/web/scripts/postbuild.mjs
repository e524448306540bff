// After `vite build`: the password dictionaries for the Worker (password-dictionaries.mjs), a brotli
// and a gzip copy of every compressible file (the Node server sends them to browsers that take
// them), and the stamp of the sources this build was made from.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { writePasswordDictionaries } from './password-dictionaries.mjs'
import { STAMP, sourceHash, WEB_DIR } from './source-hash.mjs'

const DIST = join(WEB_DIR, 'dist')
writePasswordDictionaries(DIST)

const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

let count = 0
for (const file of walk(DIST).filter((f) => COMPRESSIBLE.test(f))) {
  const body = readFileSync(file)
  if (body.length < 512) continue
  writeFileSync(
    `${file}.br`,
    brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    }),
  )
  writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }))
  count++
}
writeFileSync(STAMP, `${sourceHash()}\n`)
// Cloudflare compresses at its edge: the Worker's assets need neither the copies nor the stamp.
writeFileSync(join(DIST, '.assetsignore'), '*.br\n*.gz\n.source-hash\n')
console.log(`Precompressed ${count} files (brotli, gzip); stamped the client's sources.`)
