/**
 * The Worker under workerd, through `wrangler dev` (Miniflare), exactly as built for Cloudflare:
 * the same wrangler.toml, bundle and static assets, with the word Worker (wrangler.word.toml)
 * beside it. Nothing here reaches Cloudflare.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { registerProcessTree, stopProcessTree } from './processes'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })
}

export interface WorkerProcess {
  url: string
  /** Milliseconds from spawning wrangler to the first answered request. */
  readyMs: number
  output(): string
  close(): Promise<void>
}

export async function startWorker(vars: Record<string, string>): Promise<WorkerProcess> {
  const port = await freePort()
  const inspectorPort = await freePort()
  const url = `http://localhost:${port}`
  const args = [
    'dev',
    '--config',
    join(ROOT, 'wrangler.toml'),
    // The word Worker beside it, for the WORD service binding (Word import and export).
    '--config',
    join(ROOT, 'wrangler.word.toml'),
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--inspector-port',
    String(inspectorPort),
    '--persist-to',
    mkdtempSync(join(tmpdir(), 'appg-wrangler-')),
    '--show-interactive-dev-session=false',
    '--log-level',
    'warn',
    ...Object.entries({ PUBLIC_URL: url, ...vars }).flatMap(([k, v]) => ['--var', `${k}:${v}`]),
  ]
  const started = Date.now()
  const child: ChildProcess = spawn(join(ROOT, 'node_modules/.bin/wrangler'), args, {
    cwd: ROOT,
    env: {
      ...process.env,
      WRANGLER_SEND_METRICS: 'false',
      CI: 'true',
      NO_COLOR: '1',
      // A registry of its own: otherwise the service binding could reach another session's word Worker.
      WRANGLER_REGISTRY_PATH: mkdtempSync(join(tmpdir(), 'appg-wrangler-registry-')),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that a signal to the test run's group does not reach it half-way;
    // it is stopped as a tree (processes.ts): wrangler starts a second node and workerd, which a
    // signal to wrangler alone leaves running (and which reload whenever wrangler.toml changes).
    detached: true,
  })
  registerProcessTree(child.pid!)
  let log = ''
  child.stdout?.on('data', (chunk) => (log += chunk))
  child.stderr?.on('data', (chunk) => (log += chunk))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))

  const deadline = Date.now() + 120_000
  let readyMs = 0
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited (${child.exitCode}):\n${log}`)
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`)
      if (response.status === 200 || response.status === 503) {
        readyMs = Date.now() - started
        break
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  // wrangler has started its second node and workerd by now: they are recorded too, so that the
  // run's teardown stops them even if this file's `close()` never runs.
  registerProcessTree(child.pid!)
  if (!readyMs) {
    await stopProcessTree(child.pid!)
    throw new Error(`wrangler dev did not answer within 120 s:\n${log}`)
  }
  return {
    url,
    readyMs,
    output: () => log,
    async close() {
      // The whole tree, including workerd, which may outlive wrangler's own exit.
      await stopProcessTree(child.pid!)
      await exited
    },
  }
}
