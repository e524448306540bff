/**
 * Vitest global setup: a registry of the processes the run's tests start, and at the end of the
 * run (passed, failed or interrupted) every one of them still alive is killed (tests/support/processes.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { REGISTRY_ENV, readRegistry, signalKnown } from './processes'

export default function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'appg-test-processes-'))
  const registry = join(dir, 'pids')
  // Inherited by the test workers, which vitest starts after this.
  process.env[REGISTRY_ENV] = registry
  return () => {
    signalKnown(readRegistry(registry), 'SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
}
