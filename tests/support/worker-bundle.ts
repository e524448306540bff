/**
 * The Worker bundle exactly as `wrangler deploy` would upload it (`--dry-run --outdir`), with
 * esbuild's metafile to say what it is made of.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** 300 KB gzipped: the budget (decimal kilobytes, so a little under 293 KiB). */
export const WORKER_BUNDLE_LIMIT_GZIP = 300_000

export interface WorkerBundle {
  raw: number
  gzip: number
  /** Bytes in the output by package (or by source folder for the hub's own code), largest first. */
  parts: [string, number][]
}

export function measureWorkerBundle(): WorkerBundle {
  const out = mkdtempSync(join(tmpdir(), 'appg-bundle-'))
  try {
    execFileSync(
      join(ROOT, 'node_modules/.bin/wrangler'),
      ['deploy', '--dry-run', '--outdir', out, '--metafile', join(out, 'meta.json')],
      { cwd: ROOT, env: { ...process.env, WRANGLER_SEND_METRICS: 'false' }, stdio: 'ignore' },
    )
    let raw = 0
    let gzip = 0
    for (const file of readdirSync(out).filter((f) => f.endsWith('.js'))) {
      raw += statSync(join(out, file)).size
      gzip += gzipSync(readFileSync(join(out, file)), { level: 9 }).length
    }
    const meta = JSON.parse(readFileSync(join(out, 'meta.json'), 'utf8')) as {
      outputs: Record<string, { inputs: Record<string, { bytesInOutput: number }> }>
    }
    const parts = new Map<string, number>()
    for (const [name, output] of Object.entries(meta.outputs)) {
      if (!name.endsWith('.js')) continue
      for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
        const pkg = input.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/)?.[1]
        const key = pkg ?? input.replace(/^(packages|apps)\/([^/]+)\/src\/([^/]+).*/, '$1/$2/$3')
        parts.set(key, (parts.get(key) ?? 0) + bytesInOutput)
      }
    }
    return { raw, gzip, parts: [...parts].sort((a, b) => b[1] - a[1]) }
  } finally {
    rmSync(out, { recursive: true, force: true })
  }
}
