import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Where the real Register files are: REGISTER_DATA_DIR, or shared/ beside the repository. */
export function registerDataDir(): string {
  const dir =
    process.env.REGISTER_DATA_DIR ??
    fileURLToPath(new URL('../../../../../shared/data/appg-register/', import.meta.url))
  if (!existsSync(dir)) {
    throw new Error(
      `The Register data folder ${dir} does not exist. Set REGISTER_DATA_DIR to the folder holding register-2026-06-29.jsonl.`,
    )
  }
  return dir.endsWith('/') ? dir : `${dir}/`
}

export const DEMO_EDITION = 'register-2026-06-29.jsonl'
export const MEMBERS_FILE = 'appgs-with-members.jsonl'
