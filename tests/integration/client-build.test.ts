/** `pnpm start` rebuilds the client only when its sources changed (apps/web/scripts/build-if-changed.mjs). */
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPTS = join(ROOT, 'apps/web/scripts')

function hashOf(webDir?: string): string {
  const arg = webDir ? JSON.stringify(webDir) : ''
  return execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `import { sourceHash } from ${JSON.stringify(join(SCRIPTS, 'source-hash.mjs'))}; console.log(sourceHash(${arg}))`,
    ],
    { encoding: 'utf8' },
  ).trim()
}

describe('the client build stamp', () => {
  it('changes when a source, the page, the API or the build scripts change, and only then', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-'))
    const web = join(root, 'apps/web')
    mkdirSync(join(web, 'src'), { recursive: true })
    mkdirSync(join(root, 'packages/api/src'), { recursive: true })
    writeFileSync(join(web, 'src/App.tsx'), 'export const a = 1\n')
    writeFileSync(join(web, 'index.html'), '<!doctype html>\n')
    writeFileSync(join(root, 'packages/api/src/router.ts'), 'export const r = 1\n')
    const first = hashOf(web)
    expect(hashOf(web)).toBe(first)
    writeFileSync(join(web, 'src/App.tsx'), 'export const a = 2\n')
    const second = hashOf(web)
    expect(second).not.toBe(first)
    writeFileSync(join(root, 'packages/api/src/router.ts'), 'export const r = 2\n')
    const third = hashOf(web)
    expect(third).not.toBe(second)
    // The post-build step writes part of dist (the password dictionaries among them).
    mkdirSync(join(web, 'scripts'))
    writeFileSync(join(web, 'scripts/postbuild.mjs'), '// writes more\n')
    expect(hashOf(web)).not.toBe(third)
  })

  it('lets start skip the build when the stamp matches the sources', () => {
    const root = mkdtempSync(join(tmpdir(), 'web-'))
    const web = join(root, 'apps/web')
    mkdirSync(join(web, 'src'), { recursive: true })
    mkdirSync(join(web, 'dist'), { recursive: true })
    writeFileSync(join(web, 'src/App.tsx'), 'export const a = 1\n')
    writeFileSync(join(web, 'dist/index.html'), '<!doctype html>\n')
    writeFileSync(join(web, 'dist/.source-hash'), `${hashOf(web)}\n`)
    const before = statSync(join(web, 'dist/index.html')).mtimeMs
    const output = execFileSync(process.execPath, [join(SCRIPTS, 'build-if-changed.mjs'), web], {
      encoding: 'utf8',
    })
    expect(output).toContain('up to date')
    expect(statSync(join(web, 'dist/index.html')).mtimeMs).toBe(before)
  })
})
