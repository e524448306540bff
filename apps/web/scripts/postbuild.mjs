// After `vite build`: the password dictionaries for the Worker (password-dictionaries.mjs), a brotli
// and a gzip copy of every compressible file (the Node server sends them to browsers that take
// them), and the stamp of the sources this build was made from.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import { firstLoad } from './first-load.mjs'
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
writeFileSync(join(DIST, '.assetsignore'), '*.br\n*.gz\n.source-hash\n.vite\n')
console.log(`Precompressed ${count} files (brotli, gzip); stamped the client's sources.`)

// Per-page first-load JavaScript (shell + page), the figures issue #18's budget is about.
const kb = (n) => `${(n / 1000).toFixed(1)} KB`.padStart(9)
const { shell, pages } = firstLoad(DIST)
console.log(
  `First-load JavaScript, gzipped: shell ${kb(shell).trim()} (index.html's script and preloads), then per page:`,
)
for (const p of pages) console.log(`  ${p.page.padEnd(28)} +${kb(p.own)} =${kb(p.total)}`)
