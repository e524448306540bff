/**
 * Processes a test starts (wrangler dev, and the node and workerd it starts) are stopped when the
 * run ends, also when a test fails or a hook times out before its `close()`: each one is written to
 * a registry that the run's global teardown (tests/support/process-teardown.ts) empties.
 *
 * A process is known by its pid and its start time (from /proc), so that a pid the system has since
 * given to another process is never signalled.
 */
import { appendFileSync, existsSync, readdirSync, readFileSync } from 'node:fs'

/** Set by the global setup; absent outside vitest (benchmarks close their own processes). */
export const REGISTRY_ENV = 'APPG_TEST_PROCESS_REGISTRY'

interface Known {
  pid: number
  started: string
}

function stat(pid: number): { ppid: number; started: string } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // The command name (field 2) may hold spaces and parentheses: fields are counted after its end.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ')
    return { ppid: Number(fields[1]), started: fields[19]! }
  } catch {
    return null
  }
}

/** The process and everything below it, whatever process group they put themselves in. */
export function processTree(root: number): Known[] {
  const children = new Map<number, number[]>()
  if (existsSync('/proc'))
    for (const entry of readdirSync('/proc')) {
      if (!/^\d+$/.test(entry)) continue
      const s = stat(Number(entry))
      if (s) children.set(s.ppid, [...(children.get(s.ppid) ?? []), Number(entry)])
    }
  const tree: Known[] = []
  const queue = [root]
  while (queue.length) {
    const pid = queue.shift()!
    const s = stat(pid)
    if (!s) continue
    tree.push({ pid, started: s.started })
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

/** Writes the process tree below `pid` to the run's registry; call again once it has started its children. */
export function registerProcessTree(pid: number): void {
  const registry = process.env[REGISTRY_ENV]
  if (!registry) return
  const lines = processTree(pid).map((p) => `${p.pid} ${p.started}\n`)
  if (lines.length) appendFileSync(registry, lines.join(''))
}

/** Signals the processes that are still the ones recorded. */
export function signalKnown(known: Known[], signal: NodeJS.Signals): void {
  for (const { pid, started } of known) {
    if (stat(pid)?.started !== started) continue
    try {
      process.kill(pid, signal)
    } catch {
      // already gone
    }
  }
}

/** SIGTERM to the tree, then SIGKILL to whatever of it is left after `graceMs`. */
export async function stopProcessTree(pid: number, graceMs = 5000): Promise<void> {
  const tree = processTree(pid)
  signalKnown(tree, 'SIGTERM')
  const deadline = Date.now() + graceMs
  while (Date.now() < deadline && tree.some(({ pid: p, started }) => stat(p)?.started === started))
    await new Promise((r) => setTimeout(r, 100))
  signalKnown(tree, 'SIGKILL')
}

export function readRegistry(path: string): Known[] {
  if (!existsSync(path)) return []
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [pid, started] = line.split(' ')
      return { pid: Number(pid), started: started! }
    })
}
