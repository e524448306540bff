/**
 * Where the tests find Register data. The suite runs on the demo Register and small fixtures in
 * the repository; the tests that need the whole real Register run only when it is present
 * (`REGISTER_DATA_DIR`, or `../shared/data/appg-register` beside the repository, as in CI) and
 * are skipped, by name, otherwise.
 */
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

export { DEMO_REGISTER_FILE } from '../demo/demo-register'

function realRegisterDir(): string | null {
  const dir =
    process.env.REGISTER_DATA_DIR ??
    fileURLToPath(new URL('../../../../../shared/data/appg-register/', import.meta.url))
  return existsSync(`${dir.replace(/\/?$/, '/')}register-2026-06-29.jsonl`) ? dir.replace(/\/?$/, '/') : null
}

/** The real Register's folder (ending in `/`), or null when it is not beside the repository. */
export const REAL_REGISTER_DIR = realRegisterDir()

/** For `describe.skipIf(!REAL_REGISTER_DIR)(…)` names: says what the skipped tests need. */
export const NEEDS_REAL_REGISTER =
  '(needs the real Register: REGISTER_DATA_DIR or ../shared/data/appg-register; skipped without it)'

/** The fixtures of the data package's CSV format, in the repository. */
export const DATAPACKAGE_FIXTURE_DIR = fileURLToPath(
  new URL('../../../../tests/fixtures/datapackage/', import.meta.url),
)
