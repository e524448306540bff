/**
 * The Register a new hub starts with. On an empty database `start` loads, in this order: the
 * folder named by REGISTER_DATA_DIR (edition files, or the data package's CSV files); else the
 * publisher's data package at REGISTER_SOURCE_URL; else (offline, or the source failing) the demo
 * Register in the repository (invented groups, labelled as such), saying how to load the real one.
 * Nothing outside the repository is assumed.
 */
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Db } from '@appg-hub/db'
import { DatapackageError } from '@appg-hub/register/datapackage'
import { DEMO_REGISTER_FILE } from '@appg-hub/register/demo/demo-register'
import { importRegisterFile } from './import-register'
import { syncRegister } from './sync-register'

/** What a folder of Register files holds: the newest edition and, if there, the members file. */
export function registerFilesIn(dir: string): { edition: string; members: string | null } {
  if (!existsSync(dir)) throw new Error(`REGISTER_DATA_DIR: the folder ${dir} does not exist.`)
  const editions = readdirSync(dir)
    .filter((f) => /^register-\d{4}-\d{2}-\d{2}\.jsonl$/.test(f))
    .sort()
  if (editions.length === 0)
    throw new Error(
      `REGISTER_DATA_DIR: the folder ${dir} holds no Register edition (a file named register-YYYY-MM-DD.jsonl).`,
    )
  const members = join(dir, 'appgs-with-members.jsonl')
  return { edition: join(dir, editions.at(-1)!), members: existsSync(members) ? members : null }
}

export const HOW_TO_LOAD_THE_REAL_REGISTER = `To load the real Register: npx --yes pnpm@10 hub sync-register
(from mySociety's data package, or from REGISTER_SOURCE_URL: a base URL or a folder holding
register.csv, members.csv and categories.csv), or set REGISTER_DATA_DIR to a folder of edition files.`

/** Loads a Register into an empty database; returns where it came from. */
export async function loadFirstRegister(
  db: Db,
  env: { REGISTER_DATA_DIR?: string | undefined; REGISTER_SOURCE_URL?: string | undefined },
  options: { verbose?: boolean; timeoutMs?: number } = {},
): Promise<'folder' | 'source' | 'demo'> {
  const quiet = !options.verbose
  if (env.REGISTER_DATA_DIR) {
    if (existsSync(join(env.REGISTER_DATA_DIR, 'register.csv'))) {
      await syncRegister(db, env.REGISTER_DATA_DIR, { verbose: options.verbose })
      return 'folder'
    }
    const files = registerFilesIn(env.REGISTER_DATA_DIR)
    await importRegisterFile(db, files.edition, 'edition', { quiet })
    if (files.members) await importRegisterFile(db, files.members, 'members', { quiet })
    return 'folder'
  }
  if (env.REGISTER_SOURCE_URL) {
    try {
      // On first start, one short try: offline, the demo follows without a long wait.
      await syncRegister(db, env.REGISTER_SOURCE_URL, {
        verbose: options.verbose,
        attempts: 1,
        timeoutMs: options.timeoutMs ?? 20_000,
      })
      return 'source'
    } catch (error) {
      if (!(error instanceof DatapackageError)) throw error
      console.log(`Could not get the Register: ${error.message}`)
    }
  }
  console.log('Loading the DEMO Register: invented groups, for trying the hub out; not the real Register.')
  await importRegisterFile(db, DEMO_REGISTER_FILE, 'edition', { quiet })
  await importRegisterFile(db, DEMO_REGISTER_FILE, 'members', { quiet })
  console.log(HOW_TO_LOAD_THE_REAL_REGISTER)
  return 'demo'
}
