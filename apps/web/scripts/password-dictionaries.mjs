// zxcvbn's word lists and keyboard layouts as one JSON file among the static assets, for the
// Worker's password check (packages/core/src/auth/password-dictionaries-fetched.ts): read from the
// core package's own dependencies, so Node and Workers judge passwords with the same data.
import { mkdirSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const CORE = fileURLToPath(new URL('../../../packages/core/package.json', import.meta.url))
/** The same path as PASSWORD_DICTIONARIES_PATH in packages/core/src/auth/password-dictionaries.ts. */
export const PASSWORD_DICTIONARIES_FILE = '_data/password-dictionaries.json'

export function writePasswordDictionaries(dist) {
  const require = createRequire(CORE)
  const common = require('@zxcvbn-ts/language-common')
  const en = require('@zxcvbn-ts/language-en')
  const file = join(dist, PASSWORD_DICTIONARIES_FILE)
  mkdirSync(dirname(file), { recursive: true })
  writeFileSync(
    file,
    JSON.stringify({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    }),
  )
  return file
}
