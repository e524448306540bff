/**
 * What the latency benchmarks share: the bench server (serve.ts) in its own process, and a load
 * generator that keeps `connections` requests in flight for a while and reports p50/p95.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { Agent, request } from 'node:http'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

export interface ServerReady {
  url: string
  cookie: string
  indexed: number | null
  ids: { slug: string | null; topicId: string | null; documentId: string | null; sessionId: string | null }
}

/** Starts serve.ts with `env` added; resolves once it prints its first line (ready). */
export async function startBenchServer(
  env: Record<string, string>,
): Promise<{ ready: ServerReady; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(new URL('./serve.ts', import.meta.url))],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  )
  const first = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve)
    child.once('exit', (code) => reject(new Error(`the bench server exited (${code}) before it was ready`)))
  })
  return { ready: JSON.parse(first) as ServerReady, child }
}

export interface LoadResult {
  requests: number
  rps: number
  p50: number
  p95: number
  errors: number
  /** What the errors were: `HTTP <status>` or the connection error's code or message, with counts. */
  errorKinds: Record<string, number>
  /** Answers whose body has a non-empty `items` list. */
  found: number
  latencies: number[]
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc on Linux; null elsewhere.
 * Latency on a shared machine depends on what else runs; the server's CPU per request does not.
 */
export function processCpuMs(pid: number | undefined): number | null {
  try {
    // The fields after the command name (which may hold spaces), from the state onwards.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(') ') + 2).split(' ')
    const ticks = Number(fields[11]) + Number(fields[12])
    return (ticks * 1000) / clockTicks()
  } catch {
    return null
  }
}

let ticksPerSecond: number | undefined
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100
  return ticksPerSecond
}

export function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

/** Keep-alive sockets, one per connection: node:http costs the load generator less than fetch. */
export function loadGenerator(connections: number) {
  const agent = new Agent({ keepAlive: true, maxSockets: connections })

  function get(url: string, headers: Record<string, string>): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(url, { agent, headers }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => {
          body += chunk
        })
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
        res.on('error', reject)
      })
      req.on('error', reject)
      req.end()
    })
  }

  /** Keeps `connections` requests in flight for `seconds`, cycling through `urls`. */
  async function run(
    urls: string[],
    seconds: number,
    headers: Record<string, string> = {},
  ): Promise<LoadResult> {
    const latencies: number[] = []
    let errors = 0
    const errorKinds: Record<string, number> = {}
    const failed = (kind: string) => {
      errors++
      errorKinds[kind] = (errorKinds[kind] ?? 0) + 1
    }
    let found = 0
    let next = 0
    const end = performance.now() + seconds * 1000
    async function worker() {
      while (performance.now() < end) {
        const url = urls[next++ % urls.length]!
        const started = performance.now()
        try {
          const { status, body } = await get(url, headers)
          latencies.push(performance.now() - started)
          if (status !== 200) failed(`HTTP ${status}`)
          else if (body.includes('"items":[{')) found++
        } catch (error) {
          failed((error as { code?: string }).code ?? String(error))
        }
      }
    }
    // Warm up (prepared statements, JIT), then measure.
    for (const url of urls) await get(url, headers)
    const started = performance.now()
    await Promise.all(Array.from({ length: connections }, worker))
    const elapsed = (performance.now() - started) / 1000
    latencies.sort((a, b) => a - b)
    return {
      requests: latencies.length,
      rps: latencies.length / elapsed,
      p50: percentile(latencies, 50),
      p95: percentile(latencies, 95),
      errors,
      errorKinds,
      found,
      latencies,
    }
  }

  return { run, close: () => agent.destroy() }
}
